'use client';

import { Button, Combobox, Stack, Text, Textarea, useCombobox, type TextareaProps } from '@mantine/core';
import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { apiFetch } from '@/lib/api-client';
import { problemMessage } from '@/lib/api-errors';
import type { TextModuleItem } from '@/lib/api-types';
import { messages } from '@/messages/es-MX';

const t = messages.textModules;

/** Lower case without accents: "Solucion" finds "Solución". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const matches = (m: TextModuleItem, query: string) => {
  const hay = fold([m.name, ...m.keywords].join(' '));
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
};
/** "::" at the start or after a space, then the filter typed so far, right before the caret. */
const TRIGGER = /(^|\s)::([^\s:]*)$/;

type Props = Omit<TextareaProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  ticketId: string;
  /** Staff get the inserter; requesters a plain textarea. */
  withTextModules: boolean;
  onInsertError?: (message: string) => void;
};

/**
 * The reply/note textarea with the text-module inserter: typing "::" (or the button) opens a list
 * of the modules the agent may use, filtered as they type; choosing one asks the API to fill its
 * placeholders for this ticket and puts the text where "::filter" was.
 */
export function TextModuleTextarea({ value, onChange, ticketId, withTextModules, onInsertError, ...textarea }: Props) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const ref = useRef<HTMLTextAreaElement>(null);
  const [modules, setModules] = useState<TextModuleItem[] | null>(null);
  const [trigger, setTrigger] = useState<{ start: number; end: number; query: string } | null>(null);
  const loading = useRef(false);

  function load() {
    if (modules || loading.current) return;
    loading.current = true;
    apiFetch('text-modules', { query: { view: 'use' } })
      .then((page) => setModules(page.items))
      .catch(() => setModules([]))
      .finally(() => {
        loading.current = false;
      });
  }

  function follow(text: string, caret: number) {
    const m = TRIGGER.exec(text.slice(0, caret));
    if (!m) {
      setTrigger(null);
      combobox.closeDropdown();
      return;
    }
    setTrigger({ start: caret - m[2].length - 2, end: caret, query: m[2] });
    load();
    combobox.openDropdown();
    combobox.updateSelectedOptionIndex('active');
  }

  function change(event: ChangeEvent<HTMLTextAreaElement>) {
    onChange(event.currentTarget.value);
    if (withTextModules) follow(event.currentTarget.value, event.currentTarget.selectionStart);
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!combobox.dropdownOpened) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      combobox.selectNextOption();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      combobox.selectPreviousOption();
    } else if (event.key === 'Enter' && combobox.getSelectedOptionIndex() !== -1) {
      event.preventDefault();
      combobox.clickSelectedOption();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      combobox.closeDropdown();
    }
  }

  /** The button types "::" at the caret, which opens the list like typing it. */
  function openFromButton() {
    const el = ref.current;
    const caret = el ? el.selectionStart : value.length;
    const before = value.slice(0, caret);
    const insert = before === '' || /\s$/.test(before) ? '::' : ' ::';
    const next = before + insert + value.slice(caret);
    onChange(next);
    follow(next, caret + insert.length);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret + insert.length, caret + insert.length);
    });
  }

  async function choose(id: string) {
    const at = trigger;
    combobox.closeDropdown();
    setTrigger(null);
    if (!at) return;
    try {
      const { body } = await apiFetch(`text-modules/${id}/render`, { body: { ticketId } });
      const next = value.slice(0, at.start) + body + value.slice(at.end);
      onChange(next);
      const caret = at.start + body.length;
      requestAnimationFrame(() => {
        ref.current?.focus();
        ref.current?.setSelectionRange(caret, caret);
      });
    } catch (e) {
      onInsertError?.(`${t.insertFailed} ${problemMessage(e)}`);
    }
  }

  if (!withTextModules) return <Textarea {...textarea} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;

  const shown = (modules ?? []).filter((m) => matches(m, trigger?.query ?? '')).slice(0, 20);
  return (
    <Stack gap={4}>
      <Combobox store={combobox} onOptionSubmit={choose} position="bottom-start" width="target" shadow="md" withinPortal>
        <Combobox.Target ref={ref} withKeyboardNavigation={false} withAriaAttributes>
          <Textarea
            {...textarea}
            value={value}
            onChange={change}
            onKeyDown={keyDown}
            onBlur={() => combobox.closeDropdown()}
            description={
              <>
                {textarea.description} {t.insertHint}
              </>
            }
          />
        </Combobox.Target>
        <Combobox.Dropdown aria-label={t.insertList}>
          <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
            {modules === null ? null : shown.length === 0 ? (
              <Combobox.Empty>{t.noMatches}</Combobox.Empty>
            ) : (
              shown.map((m) => (
                <Combobox.Option value={m.id} key={m.id}>
                  <Text size="sm" fw={600}>
                    {m.name}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {m.body}
                  </Text>
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Button variant="subtle" size="compact-sm" onClick={openFromButton} style={{ alignSelf: 'flex-start' }}>
        {t.insert}
      </Button>
    </Stack>
  );
}

'use client';

import { Button, Kbd, Modal, Table, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { messages } from '@/messages/es-MX';

const k = messages.ticketPage.shortcuts;

type Shortcut = { key: string; label: string; run: () => boolean };

const COMPOSER = 'section[aria-labelledby="ticket-composer"]';

/** Picks the composer's kind (public reply or internal note) and puts the cursor in its text. */
function compose(kind: 'public' | 'internal'): boolean {
  const section = document.querySelector(COMPOSER);
  if (!section) return false;
  const radio = section.querySelector<HTMLInputElement>(`input[type="radio"][value="${kind}"]`);
  if (radio && !radio.checked) radio.click();
  // The label changes with the kind: focus after React has re-rendered.
  requestAnimationFrame(() => section.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  return true;
}

/** Presses an action button of the page (the actions panel, the related tickets), if this ticket offers it. */
function press(action: string): boolean {
  const button = document.querySelector<HTMLButtonElement>(`button[data-action="${action}"]:not(:disabled)`);
  if (!button) return false;
  button.click();
  return true;
}

/** Typing in a field, or a dialog already open: keys belong to them. */
function ignored(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return true;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return true;
  return document.querySelector('[role="dialog"]') !== null;
}

/** Keyboard shortcuts for the agent's main actions on a ticket, listed in a help dialog opened with "?". */
export function AgentShortcuts() {
  const router = useRouter();
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState('');

  const shortcuts: Shortcut[] = [
    { key: 'r', label: k.reply, run: () => compose('public') },
    { key: 'n', label: k.note, run: () => compose('internal') },
    { key: 't', label: k.take, run: () => press('take') },
    { key: 'a', label: k.assign, run: () => press('assign') },
    { key: 'e', label: k.escalate, run: () => press('escalate') },
    { key: 'p', label: k.pending, run: () => press('pending') },
    { key: 's', label: k.resolve, run: () => press('resolve') },
    { key: 'l', label: k.link, run: () => press('link') },
    {
      key: 'q',
      label: k.queue,
      run: () => {
        router.push('/agente');
        return true;
      },
    },
    {
      key: '?',
      label: k.help,
      run: () => {
        setHelp(true);
        return true;
      },
    },
  ];

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (ignored(event)) return;
      const shortcut = shortcuts.find((s) => s.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      setNotice(shortcut.run() ? '' : k.unavailable);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      {/* Phones have no keyboard to speak of: the help is offered from tablets up. */}
      <Button variant="subtle" size="compact-sm" onClick={() => setHelp(true)} data-testid="shortcuts-help" visibleFrom="sm">
        {k.open}
      </Button>
      <div role="status" aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {notice}
      </div>
      <Modal opened={help} onClose={() => setHelp(false)} title={k.title} closeButtonProps={{ 'aria-label': messages.common.close }}>
        <Text size="sm" mb="sm">
          {k.intro}
        </Text>
        <Table verticalSpacing={6} data-testid="shortcuts-table">
          <TableThead>
            <TableTr>
              <TableTh w={80}>{k.key}</TableTh>
              <TableTh>{k.does}</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {shortcuts.map((s) => (
              <TableTr key={s.key}>
                <TableTd>
                  <Kbd>{s.key}</Kbd>
                </TableTd>
                <TableTd>{s.label}</TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </Modal>
    </>
  );
}

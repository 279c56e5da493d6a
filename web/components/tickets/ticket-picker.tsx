'use client';

import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { messages } from '@/messages/es-MX';

const l = messages.ticketPage.links;

type Props = {
  value: string | null;
  onChange: (id: string | null, number: string | null) => void;
  /** The ticket being worked: never offered as its own target. */
  excludeId: string;
  error?: string;
};

/** Picks a ticket by number or title (GET /tickets/lookup), within the agent's scope. */
export function TicketPicker({ value, onChange, excludeId, error }: Props) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string; number: string }[]>([]);

  useEffect(() => {
    const q = search.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch('tickets/lookup', { query: { q, limit: 10 }, signal: controller.signal })
        .then((res) =>
          setOptions((current) => {
            const found = res.items.filter((x) => x.id !== excludeId).map((x) => ({ value: x.id, label: `${x.number} · ${x.title}`, number: x.number }));
            // Keep the chosen ticket in the list so its label stays shown.
            const chosen = current.find((o) => o.value === value);
            return chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
          }),
        )
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search, excludeId, value]);

  return (
    <Select
      label={l.picker}
      placeholder={l.pickerPlaceholder}
      description={l.pickerHint}
      required
      searchable
      clearable
      filter={({ options: all }) => all}
      nothingFoundMessage={search.trim().length >= 2 ? l.pickerEmpty : undefined}
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id, options.find((o) => o.value === id)?.number ?? null)}
      error={error}
      aria-invalid={Boolean(error)}
      data-testid="ticket-picker"
    />
  );
}

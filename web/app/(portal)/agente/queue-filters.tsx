'use client';

import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { queueHref, type QueueQuery } from '@/lib/queue-query';
import { PRIORITIES, TICKET_SORTS, TICKET_STATES, type Priority, type TicketSort, type TicketState } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.agent;

type Props = { query: QueueQuery; services: { value: string; label: string }[] };

export function QueueFilters({ query, services }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, setState] = useState<string[]>(query.state);
  const [priority, setPriority] = useState<string[]>(query.priority);
  const [serviceId, setServiceId] = useState<string | null>(query.serviceId ?? null);
  const [q, setQ] = useState(query.q ?? '');
  const [sort, setSort] = useState<string>(query.sort);

  function apply(event: FormEvent) {
    event.preventDefault();
    router.push(
      queueHref({
        view: query.view,
        state: state as TicketState[],
        priority: priority as Priority[],
        serviceId: serviceId ?? undefined,
        q: q.trim() || undefined,
        sort: sort as TicketSort,
        page: 1,
      }),
    );
  }

  const filtered = query.state.length > 0 || query.priority.length > 0 || Boolean(query.serviceId) || Boolean(query.q);

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={apply} role="search" aria-label={t.filters}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <TextInput type="search" label={t.search} placeholder={t.searchHint} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <MultiSelect
            label={t.state}
            placeholder={state.length ? undefined : t.anyState}
            // All eight states without a scrolling list (a scroll area there is not keyboard-focusable).
            maxDropdownHeight={360}
            data={TICKET_STATES.map((s) => ({ value: s, label: messages.tickets.states[s] }))}
            value={state}
            onChange={setState}
            clearable
          />
          <MultiSelect
            label={t.priority}
            placeholder={priority.length ? undefined : t.anyPriority}
            data={PRIORITIES.map((p) => ({ value: p, label: messages.tickets.priorities[p] }))}
            value={priority}
            onChange={setPriority}
            clearable
          />
          <Select label={t.service} placeholder={t.anyService} data={services} value={serviceId} onChange={setServiceId} searchable clearable />
          <Select
            label={t.sort}
            data={TICKET_SORTS.map((s) => ({ value: s, label: t.sorts[s] }))}
            value={sort}
            onChange={(v) => setSort(v ?? query.sort)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group gap="sm" mt="sm">
          <Button type="submit" disabled={!hydrated}>
            {t.apply}
          </Button>
          {filtered && (
            <Button variant="default" onClick={() => router.push(queueHref({ view: query.view, sort: query.sort }))}>
              {t.clear}
            </Button>
          )}
        </Group>
      </form>
    </Paper>
  );
}

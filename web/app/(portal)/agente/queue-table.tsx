'use client';

import { Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { ListTable } from '@/components/list-table';
import { MajorBadge, PriorityBadge, StateBadge } from '@/components/tickets/badges';
import { formatDateTime } from '@/lib/format';
import { isOpen, type TicketListItem } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';
import { BulkBar } from './bulk-bar';

const t = messages.agent;

type Props = {
  caption: string;
  items: TicketListItem[];
  /** Server time of the render, so "overdue" is the same on server and client. */
  now: number;
  teams: { value: string; label: string }[];
  emptyText: string;
};

function Due({ item, now }: { item: TicketListItem; now: number }) {
  if (!item.resolutionDueAt) return <Text size="sm">{messages.common.none}</Text>;
  const overdue = isOpen(item.state) && Date.parse(item.resolutionDueAt) < now;
  return (
    <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 600 : undefined}>
      {overdue && `${t.overdue} · `}
      <time dateTime={item.resolutionDueAt}>{formatDateTime(item.resolutionDueAt)}</time>
    </Text>
  );
}

export function QueueTable({ caption, items, now, teams, emptyText }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  // Selection survives live refreshes, minus tickets that left the page.
  const visible = selected.filter((id) => items.some((i) => i.id === id));
  const allSelected = items.length > 0 && visible.length === items.length;
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const selectAll = (
    <Checkbox
      aria-label={t.selectAll}
      checked={allSelected}
      indeterminate={visible.length > 0 && !allSelected}
      disabled={items.length === 0}
      onChange={(e) => setSelected(e.currentTarget.checked ? items.map((i) => i.id) : [])}
    />
  );
  const c = t.columns;
  const headers = [{ label: selectAll, w: 40 }, c.number, c.title, c.state, c.priority, c.requester, c.service, c.assignment, c.due];

  return (
    <Stack gap="sm">
      <ListTable caption={caption} minWidth={960} verticalSpacing="xs" highlightOnHover headers={headers} stackOnPhone>
        {items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={headers.length}>{emptyText}</Table.Td>
          </Table.Tr>
        ) : (
          items.map((item) => (
            <Table.Tr key={item.id} data-ticket-number={item.number}>
              <Table.Td>
                <Checkbox
                  aria-label={t.selectTicket(item.number)}
                  checked={visible.includes(item.id)}
                  onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td data-label={c.number} style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink href={`/agente/tickets/${item.id}`} fw={600}>
                  {item.number}
                </AnchorLink>
              </Table.Td>
              <Table.Td data-label={c.title}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">{item.title}</Text>
                  {item.isMajor && <MajorBadge />}
                </Group>
              </Table.Td>
              <Table.Td data-label={c.state}>
                <StateBadge state={item.state} size="sm" />
              </Table.Td>
              <Table.Td data-label={c.priority}>
                <PriorityBadge priority={item.priority} size="sm" />
              </Table.Td>
              <Table.Td data-label={c.requester}>
                <Text size="sm">{item.requesterName}</Text>
              </Table.Td>
              <Table.Td data-label={c.service}>
                <Text size="sm">{item.serviceName ?? messages.common.none}</Text>
              </Table.Td>
              <Table.Td data-label={c.assignment}>
                <Text size="sm">{item.teamName ?? messages.common.none}</Text>
                <Text size="sm" c="dimmed">
                  {item.assigneeName ?? (item.teamName ? messages.history.unassigned : t.unassigned)}
                </Text>
              </Table.Td>
              <Table.Td data-label={c.due}>
                <Due item={item} now={now} />
              </Table.Td>
            </Table.Tr>
          ))
        )}
      </ListTable>
      {/* Below the table and stuck to the bottom of the window: selecting a row never moves the rows under the pointer. */}
      {visible.length > 0 && (
        <div className="bulk-bar-dock">
          <BulkBar ticketIds={visible} numbers={Object.fromEntries(items.map((i) => [i.id, i.number]))} teams={teams} onClear={() => setSelected([])} />
        </div>
      )}
    </Stack>
  );
}

import { Group, Paper, SimpleGrid, Stack, TableTd, TableTr, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { ListTable } from '@/components/list-table';
import { PriorityBadge, StateBadge } from '@/components/tickets/badges';
import type { Schemas } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { requiredGet } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';

const t = messages.coordination;
const tk = messages.tickets;

export const metadata: Metadata = { title: t.title };

type Overview = Schemas['TicketOverview'];
type OverviewTicket = Overview['oldestOpen'][number];

const STATE_ORDER = ['new', 'assigned', 'in_progress', 'pending'];
const PRIORITY_ORDER = ['critical', 'high', 'medium', 'low'];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <Text fz={32} fw={700} lh={1.1} data-testid={testId}>
          {value}
        </Text>
      </Stack>
    </Paper>
  );
}

/** A count per label, as a short list (a figure per row, with its share as a bar). */
function Breakdown({ title, rows, testId }: { title: string; rows: { key: string; label: string; count: number }[]; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t.none}</Text>
      ) : (
        <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={testId}>
          {rows.map((r) => (
            <li key={r.key} data-key={r.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{r.label}</Text>
                <Text size="sm" fw={700} data-count>
                  {r.count}
                </Text>
              </Group>
              <div aria-hidden style={{ height: 6, borderRadius: 3, background: 'var(--mantine-color-gray-2)' }}>
                <div style={{ width: `${(r.count / max) * 100}%`, height: 6, borderRadius: 3, background: 'var(--mantine-color-teal-8)' }} />
              </div>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function age(createdAt: string, now: number): string {
  const hours = Math.max(0, Math.floor((now - new Date(createdAt).getTime()) / 3_600_000));
  return hours >= 24 ? t.days(Math.floor(hours / 24)) : t.hours(hours);
}

function TicketList({ caption, tickets, extra, testId }: { caption: string; tickets: OverviewTicket[]; extra: 'age' | 'reopened'; testId: string }) {
  return (
    <ListTable
      caption={caption}
      minWidth={720}
      stackOnPhone
      headers={[t.number, t.ticketTitle, t.state, t.priority, t.team, extra === 'age' ? t.createdAt : t.reopenCount]}
      data-testid={testId}
    >
      {tickets.map((ticket) => (
        <TableTr key={ticket.id}>
          <TableTd data-label={t.number}>
            <AnchorLink href={`/agente/tickets/${ticket.id}`} ff="monospace" fw={600}>
              {ticket.number}
            </AnchorLink>
          </TableTd>
          <TableTd data-label={t.ticketTitle}>{ticket.title}</TableTd>
          <TableTd data-label={t.state}>
            <StateBadge state={ticket.state} size="sm" />
          </TableTd>
          <TableTd data-label={t.priority}>
            <PriorityBadge priority={ticket.priority} size="sm" />
          </TableTd>
          <TableTd data-label={t.team}>{ticket.teamName ?? t.noTeam}</TableTd>
          <TableTd data-label={extra === 'age' ? t.createdAt : t.reopenCount}>
            {extra === 'age' ? formatDateTime(ticket.createdAt) : String(ticket.reopenCount)}
          </TableTd>
        </TableTr>
      ))}
    </ListTable>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The coordinators' and directors' home: figures over the open tickets of their scope, computed by the API. */
export default async function CoordinationPage() {
  const { me, allowed } = await authorise('tickets.overview');
  if (!allowed) return <Forbidden />;
  const overview = await requiredGet<Overview>('tickets/overview');
  const now = Date.now();
  const byState = STATE_ORDER.map((s) => ({ key: s, label: tk.states[s], count: overview.byState.find((r) => r.state === s)?.count ?? 0 }));
  const byPriority = PRIORITY_ORDER.map((p) => ({ key: p, label: tk.priorities[p], count: overview.byPriority.find((r) => r.priority === p)?.count ?? 0 }));
  const byTeam = overview.byTeam.map((r) => ({ key: r.teamId ?? 'none', label: r.teamName ?? t.noTeam, count: r.count }));
  const oldest = overview.oldestOpen[0];

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed">{t.intro}</Text>
        </Stack>
        <Group gap="md">
          {can(me, 'tickets.work') && <AnchorLink href="/agente">{t.queue}</AnchorLink>}
          {can(me, 'catalog.indicators.read') && <AnchorLink href="/catalogo/indicadores">{t.indicator}</AnchorLink>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Figure label={t.open} value={String(overview.open)} testId="overview-open" />
        <Figure label={t.reopenedOpen} value={String(overview.reopenedOpen)} testId="overview-reopened" />
        <Figure label={t.oldestAge} value={oldest ? age(oldest.createdAt, now) : messages.common.none} testId="overview-oldest" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Breakdown title={t.byState} rows={byState} testId="overview-by-state" />
        <Breakdown title={t.byPriority} rows={byPriority} testId="overview-by-priority" />
        <Breakdown title={t.byTeam} rows={byTeam} testId="overview-by-team" />
      </SimpleGrid>
      <Section title={t.oldestTitle}>
        {overview.oldestOpen.length === 0 ? (
          <Text>{t.none}</Text>
        ) : (
          <TicketList caption={t.oldestCaption} tickets={overview.oldestOpen} extra="age" testId="overview-oldest-list" />
        )}
      </Section>
      <Section title={t.reopenedTitle}>
        {overview.reopened.length === 0 ? (
          <Text>{t.noneReopened}</Text>
        ) : (
          <TicketList caption={t.reopenedCaption} tickets={overview.reopened} extra="reopened" testId="overview-reopened-list" />
        )}
      </Section>
    </Stack>
  );
}

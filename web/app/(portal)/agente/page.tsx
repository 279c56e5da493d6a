import { Group, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { ButtonLink } from '@/components/button-link';
import { Forbidden } from '@/components/forbidden';
import { LiveRefresh } from '@/components/tickets/live-refresh';
import { Pager } from '@/components/tickets/pager';
import type { Page } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { parseQueueQuery, queueHref, toApiQuery } from '@/lib/queue-query';
import { loadServices, loadTeams, optionalGet, requiredGet } from '@/lib/tickets-server';
import type { SavedFilter, TicketCounters, TicketListItem } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';
import { QueueFilters } from './queue-filters';
import { QueueTable } from './queue-table';
import { QueueViews } from './queue-views';
import { SavedFilters } from './saved-filters';

const t = messages.agent;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgentQueuePage({ searchParams }: Props) {
  const { allowed } = await authorise('tickets.work');
  if (!allowed) return <Forbidden />;
  const query = parseQueueQuery(await searchParams);
  // Counters and saved filters are optional: the page works without them.
  const [page, counters, services, teams, saved] = await Promise.all([
    requiredGet<Page<TicketListItem>>('tickets', toApiQuery(query)),
    optionalGet<TicketCounters>('tickets/counters'),
    loadServices(),
    loadTeams(),
    optionalGet<{ items: SavedFilter[] }>('saved-filters'),
  ]);
  const from = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const to = (page.page - 1) * page.pageSize + page.items.length;
  const viewLabel = t.viewLabels[query.view];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1}>{t.title}</Title>
        <Group gap="sm" wrap="wrap">
          <LiveRefresh announcement={t.refreshed} showStatus />
          <ButtonLink href="/agente/nuevo">{t.register}</ButtonLink>
        </Group>
      </Group>
      <QueueViews query={query} counters={counters} />
      <QueueFilters
        // Remount on navigation so the inputs show the URL's filters.
        key={queueHref({ ...query, page: 1 })}
        query={query}
        services={services.map((s) => ({ value: s.id, label: s.name }))}
      />
      {saved && <SavedFilters query={query} filters={saved.items} />}
      <QueueTable
        caption={t.caption(viewLabel)}
        items={page.items}
        now={Date.now()}
        teams={teams.map((team) => ({ value: team.id, label: team.name }))}
        emptyText={query.view === 'mine' && !query.q && !query.state.length ? t.emptyDescription : t.emptyFiltered}
      />
      <Pager
        summary={t.summary(from, to, page.total)}
        label={t.pagination}
        previous={page.page > 1 ? { href: queueHref({ ...query, page: page.page - 1 }), text: t.previous } : undefined}
        next={to < page.total ? { href: queueHref({ ...query, page: page.page + 1 }), text: t.next } : undefined}
      />
    </Stack>
  );
}

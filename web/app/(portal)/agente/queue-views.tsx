'use client';

import { Badge, Button, Group } from '@mantine/core';
import Link from 'next/link';
import { queueHref, type QueueQuery } from '@/lib/queue-query';
import { TICKET_VIEWS, type TicketCounters } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const t = messages.agent;

/** The queue's views as links (each view is its own URL), the current one marked for AT. */
export function QueueViews({ query, counters }: { query: QueueQuery; counters: TicketCounters | null }) {
  return (
    <Group component="nav" aria-label={t.views} gap="xs" wrap="wrap">
      {TICKET_VIEWS.map((view) => {
        const active = view === query.view;
        const count = view === 'all' ? undefined : counters?.[view];
        return (
          <Button
            key={view}
            component={Link}
            href={queueHref({ ...query, view, page: 1 })}
            variant={active ? 'filled' : 'default'}
            aria-current={active ? 'page' : undefined}
            data-view={view}
            rightSection={
              count === undefined ? undefined : (
                <Badge size="sm" radius="sm" variant={active ? 'white' : 'filled'} color={active ? 'blue.9' : 'gray.2'} data-testid={`counter-${view}`}>
                  {count}
                </Badge>
              )
            }
          >
            {t.viewLabels[view]}
          </Button>
        );
      })}
    </Group>
  );
}

'use client';

import { Badge, Group, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatNowTime } from '@/lib/format';
import type { TicketLiveEvent } from '@/lib/tickets';
import { useTicketEvents } from '@/lib/use-ticket-events';
import { messages } from '@/messages/es-MX';

type Props = {
  /** Only events for this ticket refresh the page; all events when absent (queues). */
  ticketId?: string;
  /** Events caused by this user are skipped: their own action already refreshed the page. */
  selfId?: string;
  /** Shown (and announced) after a refresh caused by someone else. */
  announcement: string;
  /** Shows the connection state as a small badge. */
  showStatus?: boolean;
};

const DEBOUNCE_MS = 700;

/** Re-renders the server page when the API reports a change (router.refresh keeps client state). */
export function LiveRefresh({ ticketId, selfId, announcement, showStatus = false }: Props) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [announced, setAnnounced] = useState('');

  const onEvent = useCallback(
    (event: TicketLiveEvent) => {
      if (ticketId && event.ticketId !== ticketId) return;
      if (selfId && event.actorId === selfId) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        router.refresh();
        setAnnounced(`${announcement} (${formatNowTime()})`);
      }, DEBOUNCE_MS);
    },
    [ticketId, selfId, router, announcement],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  const status = useTicketEvents(onEvent);

  const label = status === 'live' ? messages.agent.live : status === 'connecting' ? messages.agent.liveConnecting : messages.agent.liveOffline;
  return (
    <Group gap="xs" wrap="wrap">
      {showStatus && (
        <Badge variant="outline" color={status === 'live' ? 'teal.9' : 'gray.7'} radius="sm" data-live-status={status} tt="none">
          {label}
        </Badge>
      )}
      <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="live-announcement" data-live-status={status}>
        {announced}
      </Text>
    </Group>
  );
}

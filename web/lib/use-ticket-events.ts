'use client';

import { useEffect, useRef, useState } from 'react';
import { type LiveStatus, subscribeLive } from './live-events';
import type { TicketLiveEvent } from './tickets';

export type { LiveStatus };

/**
 * Subscribes to the API's ticket events (Server-Sent Events through the portal proxy), on the
 * tab's one shared stream (live-events.ts). The browser reconnects by itself after a dropped
 * connection; a refused one (404, 401) stays closed, and the page simply does not update live.
 */
export function useTicketEvents(onEvent: (event: TicketLiveEvent) => void): LiveStatus {
  const handler = useRef(onEvent);
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => subscribeLive('ticket', (data) => handler.current(data as TicketLiveEvent), setStatus), []);

  return status;
}

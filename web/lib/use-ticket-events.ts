'use client';

import { useEffect, useRef, useState } from 'react';
import type { TicketLiveEvent } from './tickets';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Subscribes to the API's ticket events (Server-Sent Events through the portal proxy). The
 * browser reconnects by itself after a dropped connection; a refused one (404, 401) stays
 * closed, and the page simply does not update live.
 */
export function useTicketEvents(onEvent: (event: TicketLiveEvent) => void): LiveStatus {
  const handler = useRef(onEvent);
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setStatus('offline');
      return;
    }
    const source = new EventSource('/api/v1/tickets/events', { withCredentials: true });
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    source.addEventListener('ticket', (message) => {
      try {
        handler.current(JSON.parse((message as MessageEvent<string>).data) as TicketLiveEvent);
      } catch {
        // A malformed event is skipped; the next one refreshes the screen anyway.
      }
    });
    return () => source.close();
  }, []);

  return status;
}

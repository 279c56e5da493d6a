'use client';

export type LiveStatus = 'connecting' | 'live' | 'offline';

type Listener = (data: unknown) => void;

/**
 * One EventSource per tab for every live consumer (queues, ticket pages, the bell): the API caps
 * the streams a user may hold (LIVE_STREAMS_PER_USER), so the bell must not open a second one.
 * The connection opens with the first subscriber and closes with the last.
 */
let source: EventSource | null = null;
let status: LiveStatus = 'connecting';
const listeners = new Map<string, Set<Listener>>();
const statusListeners = new Set<(s: LiveStatus) => void>();
const wired = new Set<string>();

function setStatus(next: LiveStatus) {
  status = next;
  for (const l of statusListeners) l(next);
}

function wire(type: string) {
  if (!source || wired.has(type)) return;
  wired.add(type);
  source.addEventListener(type, (message) => {
    let data: unknown;
    try {
      data = JSON.parse((message as MessageEvent<string>).data);
    } catch {
      // A malformed event is skipped; the next one refreshes the screen anyway.
      return;
    }
    for (const l of listeners.get(type) ?? []) l(data);
  });
}

function open() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/tickets/events', { withCredentials: true });
  setStatus('connecting');
  source.onopen = () => setStatus('live');
  source.onerror = () => setStatus(source?.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
  for (const type of listeners.keys()) wire(type);
}

function closeIfUnused() {
  if ([...listeners.values()].some((s) => s.size > 0) || statusListeners.size > 0) return;
  source?.close();
  source = null;
  wired.clear();
}

/** Listens to `type` events of the shared stream; returns the unsubscribe function. */
export function subscribeLive(type: string, listener: Listener, onStatus?: (s: LiveStatus) => void): () => void {
  if (typeof EventSource === 'undefined') {
    onStatus?.('offline');
    return () => undefined;
  }
  const set = listeners.get(type) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(type, set);
  if (onStatus) {
    statusListeners.add(onStatus);
    onStatus(status);
  }
  open();
  wire(type);
  return () => {
    set.delete(listener);
    if (onStatus) statusListeners.delete(onStatus);
    closeIfUnused();
  };
}

import http from 'node:http';

/** The data of one `ticket` event as the stream sends it (requesters get fewer fields). */
export type TicketEvent = { ticketId: string; kind: string; state?: string; [field: string]: unknown };

/** An open GET /api/v1/tickets/events: its status, raw body, parsed `ticket` events, and whether the response ended. */
export type EventStream = { status: number; body: string; events: TicketEvent[]; ended: boolean; close(): void };

/** Opens the live ticket stream with a cookie session or a Bearer token and records it until closed. */
export function openTicketEvents(url: string, auth: { cookie: string } | { token: string }): Promise<EventStream> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if ('token' in auth) headers.Authorization = `Bearer ${auth.token}`;
  else headers.Cookie = auth.cookie;
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/v1/tickets/events`, { headers }, (res) => {
      const stream: EventStream = { status: res.statusCode ?? 0, body: '', events: [], ended: false, close: () => req.destroy() };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        stream.body += chunk;
        buffer += chunk;
        let idx: number;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data && /^event: ticket$/m.test(block)) stream.events.push(JSON.parse(data) as TicketEvent);
        }
      });
      res.on('end', () => (stream.ended = true));
      res.on('close', () => (stream.ended = true));
      resolve(stream);
    });
    req.on('error', (e) => (e.message.includes('socket hang up') || e.message.includes('aborted') ? undefined : reject(e)));
  });
}

/** Polls until `fn` holds, or fails naming `what` after `ms`. */
export async function waitFor(fn: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!fn()) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

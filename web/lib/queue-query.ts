// The agent queue's state lives in the URL (/agente?view=…&state=…), so a view can be
// bookmarked, shared, reloaded and refreshed live. Pure: used by the page and the filters.
import { PRIORITIES, TICKET_SORTS, TICKET_STATES, TICKET_VIEWS, type Priority, type TicketSort, type TicketState, type TicketView } from './tickets';

export const QUEUE_PAGE_SIZE = 25;
export const DEFAULT_VIEW: TicketView = 'mine';
export const DEFAULT_SORT: TicketSort = '-created';

export type QueueQuery = {
  view: TicketView;
  state: TicketState[];
  priority: Priority[];
  serviceId?: string;
  q?: string;
  sort: TicketSort;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function listOf<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T[] {
  const raw = (Array.isArray(value) ? value : [value ?? '']).flatMap((v) => v.split(','));
  return allowed.filter((a) => raw.includes(a));
}

/** Reads the URL leniently: unknown values are dropped rather than sent on to the API. */
export function parseQueueQuery(params: Params): QueueQuery {
  const page = Number(first(params.page));
  const q = first(params.q)?.trim().slice(0, 200);
  const serviceId = first(params.serviceId);
  return {
    view: oneOf(first(params.view), TICKET_VIEWS) ?? DEFAULT_VIEW,
    state: listOf(params.state, TICKET_STATES),
    priority: listOf(params.priority, PRIORITIES),
    serviceId: serviceId && UUID.test(serviceId) ? serviceId : undefined,
    q: q || undefined,
    sort: oneOf(first(params.sort), TICKET_SORTS) ?? DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The API's query for GET /tickets. */
export function toApiQuery(query: QueueQuery): Record<string, string | number | undefined> {
  return {
    view: query.view,
    state: query.state.length ? query.state.join(',') : undefined,
    priority: query.priority.length ? query.priority.join(',') : undefined,
    serviceId: query.serviceId,
    q: query.q,
    sort: query.sort,
    page: query.page,
    pageSize: QUEUE_PAGE_SIZE,
  };
}

/** The portal URL for a query, leaving defaults out. */
export function queueHref(query: Partial<QueueQuery>): string {
  const params = new URLSearchParams();
  if (query.view && query.view !== DEFAULT_VIEW) params.set('view', query.view);
  if (query.state?.length) params.set('state', query.state.join(','));
  if (query.priority?.length) params.set('priority', query.priority.join(','));
  if (query.serviceId) params.set('serviceId', query.serviceId);
  if (query.q) params.set('q', query.q);
  if (query.sort && query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/agente?${search}` : '/agente';
}

/** What a saved filter stores: the query without its page. */
export function savedQueryOf(query: QueueQuery): Record<string, unknown> {
  const { page: _page, ...rest } = query;
  return rest;
}

export function queryFromSaved(saved: Record<string, unknown>): QueueQuery {
  const params: Params = {};
  for (const [key, value] of Object.entries(saved)) {
    if (typeof value === 'string') params[key] = value;
    else if (Array.isArray(value)) params[key] = value.map(String).join(',');
  }
  return parseQueueQuery(params);
}

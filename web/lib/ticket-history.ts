// Turns the API's history rows (src/modules/tickets/ticket-history.writer.ts) into sentences.
import { messages } from '@/messages/es-MX';
import { formatDateTime } from './format';
import type { HistoryItem } from './tickets';

const h = messages.history;
const tk = messages.tickets;
const p = { ...messages.ticketPage.historyLabels, kinds: messages.ticketPage.links.kinds, incomingKinds: messages.ticketPage.links.incoming };

export type HistoryContext = {
  userName: (id: string) => string;
  teamName: (id: string) => string;
};

const LONG_TEXT = new Set(['solution', 'proposedSolution', 'description', 'letterAnswer', 'title', 'category', 'letterNumber']);
const MAX_TEXT = 160;

function valueLabel(field: string, value: unknown, ctx: HistoryContext): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (field) {
    case 'state':
      return tk.states[text] ?? text;
    case 'priority':
      return tk.priorities[text] ?? text;
    case 'impact':
    case 'urgency':
      return tk.levels[text] ?? text;
    case 'type':
      return tk.types[text] ?? text;
    case 'pendingReason':
      return tk.pendingReasons[text] ?? text;
    case 'channel':
      return tk.channels[text] ?? text;
    case 'requesterId':
      return ctx.userName(text);
    case 'supportLevel':
      return messages.supportLevels[text] ?? text;
    case 'isMajor':
      return value === true ? messages.common.yes : messages.common.no;
    case 'teamId':
      return ctx.teamName(text);
    case 'assigneeId':
      return ctx.userName(text);
    case 'pendingUntil':
      return formatDateTime(text);
  }
  return LONG_TEXT.has(field) && text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** One sentence for a history row, e.g. "Estado: Nuevo → En atención". */
export function describeHistory(item: HistoryItem, ctx: HistoryContext): string {
  const field = item.field ?? '';
  const from = valueLabel(field, item.oldValue, ctx);
  const to = valueLabel(field, item.newValue, ctx);
  switch (item.action) {
    case 'create':
      return h.created;
    case 'transition':
      return h.state(from, to);
    case 'assign':
      if (field === 'teamId') return to ? h.assignedTeam(to) : h.unassignedTeam;
      if (field === 'assigneeId') return to ? h.assignedTo(to) : h.unassigned;
      break;
    case 'escalate':
      if (field === 'supportLevel') return h.escalated(from, to);
      if (field === 'hierarchical') return h.hierarchical;
      if (field === 'returnedToCoordinator') return h.returned;
      break;
    case 'article':
      return field === 'internal' ? h.internalNote : h.publicReply;
    case 'more_time':
      return h.moreTime;
    case 'attachment':
      return h.attachment(to);
    case 'reminder':
      return p.reminder(to);
    case 'link': {
      // The far side of a link is written as "<kind> (inversa)" (TicketLinksService.add).
      const inverse = field.endsWith(' (inversa)');
      const kind = inverse ? field.slice(0, -' (inversa)'.length) : field;
      const label = (inverse ? p.incomingKinds[kind] : p.kinds[kind]) ?? kind;
      return to ? h.linked(label, to) : h.unlinked(label, from);
    }
    case 'merge':
      if (field === 'mergedIntoId') return h.mergedInto(to);
      if (field === 'mergedFrom') return h.mergedFrom(to);
      break;
    case 'approval':
      if (field === 'approvalStatus') return h.approval(h.approvalStatuses[to] ?? to);
      break;
  }
  const label = h.fieldLabels[field] ?? (field === 'pendingUntil' ? p.pendingUntil : field);
  return h.field(label, from, to || messages.common.none);
}

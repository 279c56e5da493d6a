import type { Article } from './entities/article.entity';
import type { TicketHistory } from './entities/ticket-history.entity';
import type { Ticket } from './entities/ticket.entity';

export type TicketDto = ReturnType<typeof toTicketDto>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Requesters get the same shape minus internal working fields. */
export function toTicketDto(t: Ticket, audience: 'staff' | 'requester') {
  const base = {
    id: t.id,
    number: t.number,
    type: t.type,
    channel: t.channel,
    requesterId: t.requesterId,
    createdById: t.createdById,
    organisationId: t.organisationId,
    unitId: t.unitId,
    serviceId: t.serviceId,
    category: t.category,
    title: t.title,
    description: t.description,
    impact: t.impact,
    urgency: t.urgency,
    priority: t.priority,
    state: t.state,
    pendingReason: t.pendingReason,
    pendingUntil: iso(t.pendingUntil),
    teamId: t.teamId,
    assigneeId: t.assigneeId,
    supportLevel: t.supportLevel,
    escalatedFromTeamId: t.escalatedFromTeamId,
    isMajor: t.isMajor,
    letterNumber: t.letterNumber,
    letterAnswer: t.letterAnswer,
    solution: t.solution,
    closeReason: t.closeReason,
    reopenCount: t.reopenCount,
    mergedIntoId: t.mergedIntoId,
    responseDueAt: iso(t.responseDueAt),
    resolutionDueAt: iso(t.resolutionDueAt),
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    approverId: t.approverId,
    approvalStatus: t.approvalStatus,
    formData: t.formData,
    formVersion: t.formVersion,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
  // Escalations are internal history (written with internal = true): neither the level a ticket
  // reached nor the team it came from is shown to requesters, approvers or colleagues.
  if (audience === 'requester')
    return { ...base, supportLevel: null, escalatedFromTeamId: null, proposedSolution: null, hierarchicalEscalatedAt: null, pendingUntil: null };
  return { ...base, proposedSolution: t.proposedSolution, hierarchicalEscalatedAt: iso(t.hierarchicalEscalatedAt) };
}

export function toArticleDto(a: Article) {
  return {
    id: a.id,
    ticketId: a.ticketId,
    authorId: a.authorId,
    kind: a.kind,
    origin: a.origin,
    body: a.body,
    movedFromTicketId: a.movedFromTicketId,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toHistoryDto(h: TicketHistory) {
  return {
    id: String(h.id),
    at: h.at.toISOString(),
    actorId: h.actorId,
    action: h.action,
    field: h.field,
    oldValue: h.oldValue,
    newValue: h.newValue,
    reason: h.reason,
  };
}

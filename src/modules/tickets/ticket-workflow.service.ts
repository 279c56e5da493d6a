import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import type { SupportLevel } from '../../common/auth/roles';
import { MesaError } from '../../common/errors/mesa-error';
import { CatalogService } from '../catalog/catalog.service';
import { UserDirectory } from '../identity/user-directory.service';
import { OutboxService, type OutboxEventName } from '../outbox/outbox.service';
import type { AssignBody, EscalateBody, TransitionBody } from './dto/tickets.dto';
import { Article, type ArticleKind, type ArticleOrigin } from './entities/article.entity';
import { Ticket } from './entities/ticket.entity';
import { checkPendingUntil } from './pending-reminder.rules';
import { mayDecideApproval } from './approval.rules';
import { decideFunctionalEscalation, mayEscalateHierarchically, mayResolveAtLevel } from './escalation.rules';
import { TicketAccess, assertVersion } from './ticket-access.service';
import { TicketEventsPublisher } from './ticket-events.publisher';
import { type HistoryEntry, TicketHistoryWriter } from './ticket-history.writer';
import { changeState } from './ticket-state.changer';
import { OPEN_STATES, STATE_LABELS, type TicketState } from './ticket-state.rules';
import { isStaff } from './ticket-visibility.rules';
import { toTicketDto, type TicketDto } from './tickets.mapper';

/** An entry the action writes into the conversation: reasons and solutions are read there, not only in the history (issue 11, item 4). */
type ConversationEntry = { kind: ArticleKind; origin: ArticleOrigin; body: string };
type Change = {
  ticket: Ticket;
  history: HistoryEntry[];
  events?: [OutboxEventName, Record<string, unknown>][];
  live: string;
  articles?: ConversationEntry[];
};

function awaitingApproval(): never {
  throw new MesaError('TICKET_AWAITING_APPROVAL', 'La solicitud espera la aprobación de su titular; aún no puede atenderse.', { field: 'state' });
}

/** The ticket's life cycle: transitions, assignment, taking, escalation (GIS 2.2–2.3, 2.7). */
@Injectable()
export class TicketWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TicketAccess,
    private readonly historyWriter: TicketHistoryWriter,
    private readonly outbox: OutboxService,
    private readonly events: TicketEventsPublisher,
    private readonly users: UserDirectory,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async transition(actor: Actor, id: string, body: TransitionBody): Promise<TicketDto> {
    return this.change(actor, id, body.version, async (_m, t) => {
      const staff = isStaff(actor.roles);
      if (!staff && t.requesterId !== actor.userId) throw new MesaError('TICKET_ACTION_FORBIDDEN', 'Solo el solicitante del ticket puede cambiar su estado.');
      // Only the approver moves a ticket out of its approval step; the requester may still withdraw it.
      if (t.pendingReason === 'approval' && !(body.to === 'cancelled' && t.requesterId === actor.userId)) awaitingApproval();
      if (body.to === 'resolved' && staff && !mayResolveAtLevel(t.supportLevel, actor.roles)) {
        throw new MesaError('TICKET_VALIDATION_REQUIRED', 'La solución de tercer nivel la valida y registra el segundo nivel: proponga la solución.', {
          field: 'to',
        });
      }
      const now = this.clock.now();
      const pendingUntil = body.pendingUntil ? new Date(body.pendingUntil) : null;
      const until = checkPendingUntil({ to: body.to, pendingUntil, staff, now });
      if (!until.ok) throw new MesaError('VALIDATION_FAILED', until.message, { field: 'pendingUntil' });
      const from = t.state;
      const change = changeState(
        t,
        { to: body.to, as: staff ? 'staff' : 'requester', reason: body.reason, solution: body.solution, pendingReason: body.pendingReason, pendingUntil },
        now,
      );
      const articles: ConversationEntry[] = [];
      // The solution is a message to the requester: it stays in the conversation after they confirm or reject it.
      if (change.to === 'resolved' && t.solution) articles.push({ kind: 'public', origin: 'solution', body: t.solution });
      // The requester's reason for rejecting a solution is their message to the desk.
      if (!staff && from === 'resolved' && change.to === 'in_progress' && body.reason)
        articles.push({ kind: 'public', origin: 'rejection', body: body.reason });
      return { ticket: t, history: change.history, events: [change.event], live: 'state', articles };
    });
  }

  /** Assign to a team (its coordinator distributes) or directly to a resolver (GIS 2.2 act. 4). */
  async assign(actor: Actor, id: string, body: AssignBody): Promise<TicketDto> {
    this.access.requireStaff(actor);
    return this.change(actor, id, body.version, async (m, t) => {
      if (!OPEN_STATES.includes(t.state)) throw new MesaError('TICKET_READ_ONLY', `Un ticket ${STATE_LABELS[t.state]} no se reasigna.`, { field: 'state' });
      if (t.pendingReason === 'approval') awaitingApproval();
      const target = await this.resolveTarget(m, body.teamId ?? null, body.assigneeId ?? null);
      // Assigning to a 3rd-level team is an escalation: the same rule applies (L2 goes through its coordinator).
      if (target.supportLevel === '3' && t.supportLevel !== '3') {
        const decision = decideFunctionalEscalation(t.supportLevel, '3', actor.roles);
        if (!decision.ok)
          throw new MesaError('TICKET_ESCALATION_NOT_ALLOWED', decision.message, { field: 'teamId', extra: decision.hint ? { hint: decision.hint } : {} });
        t.escalatedFromTeamId = t.teamId;
      }
      const fromTeam = t.teamId;
      const { history, moved } = this.assignment(t, target, body.reason ?? null);
      return {
        ticket: t,
        history,
        events: [
          [
            'ticket.assigned',
            { ...moved, number: t.number, teamId: t.teamId, assigneeId: t.assigneeId, teamChanged: t.teamId !== fromTeam, reason: body.reason ?? null },
          ],
        ],
        live: 'assigned',
      };
    });
  }

  /**
   * "Take" an unassigned ticket: the row lock serialises two agents clicking at once, so exactly
   * one wins and the other gets 409 with the current ticket.
   */
  async take(actor: Actor, id: string, version?: number): Promise<TicketDto> {
    this.access.requireStaff(actor);
    const { t: ticket, history } = await this.dataSource.transaction(async (m) => {
      const { ticket: t } = await this.access.load(m, actor, id, { lock: true });
      assertVersion(t, version, () => toTicketDto(t, 'staff'));
      if (t.assigneeId || (t.state !== 'new' && t.state !== 'assigned')) {
        throw new MesaError('TICKET_ALREADY_TAKEN', 'Otro agente ya tomó este ticket o ya no está disponible.', {
          extra: { current: toTicketDto(t, 'staff') },
        });
      }
      const assign: HistoryEntry = { action: 'assign', field: 'assigneeId', oldValue: null, newValue: actor.userId, reason: 'Tomado por el agente' };
      t.assigneeId = actor.userId;
      // Same effect as an assignment followed by "En atención", announced once as the assignment.
      const change = changeState(t, { to: 'in_progress', as: 'staff', event: 'ticket.assigned', payload: { teamId: t.teamId, assigneeId: actor.userId } });
      const saved = await m.save(t);
      const history = [assign, ...change.history];
      await this.historyWriter.write(m, actor, id, history);
      const [event, payload] = change.event;
      await this.outbox.emit(m, event, { type: 'ticket', id }, { ...payload, actorId: actor.userId });
      return { t: saved, history };
    });
    await this.events.publish('taken', ticket, actor.userId, history);
    return toTicketDto(ticket, 'staff');
  }

  async escalate(actor: Actor, id: string, body: EscalateBody): Promise<TicketDto> {
    this.access.requireStaff(actor);
    return this.change(actor, id, body.version, async (m, t) => {
      if (!OPEN_STATES.includes(t.state)) throw new MesaError('TICKET_READ_ONLY', `Un ticket ${STATE_LABELS[t.state]} no se escala.`, { field: 'state' });
      if (t.pendingReason === 'approval') awaitingApproval();
      if (body.kind === 'hierarchical') {
        if (!mayEscalateHierarchically(actor.roles))
          throw new MesaError('TICKET_ESCALATION_NOT_ALLOWED', 'El escalamiento jerárquico lo realiza un coordinador.', { field: 'kind' });
        t.hierarchicalEscalatedAt = new Date();
        return {
          ticket: t,
          history: [{ action: 'escalate', field: 'hierarchical', newValue: 'director', reason: body.reason, internal: true }],
          events: [['ticket.escalated', { number: t.number, kind: 'hierarchical', priority: t.priority, reason: body.reason }]],
          live: 'escalated',
          articles: [{ kind: 'internal', origin: 'escalation', body: body.reason }],
        };
      }
      const decision = decideFunctionalEscalation(t.supportLevel, body.toLevel, actor.roles);
      if (!decision.ok)
        throw new MesaError('TICKET_ESCALATION_NOT_ALLOWED', decision.message, { field: 'toLevel', extra: decision.hint ? { hint: decision.hint } : {} });
      const teamId = body.teamId ?? (await this.serviceTeamFor(m, t.serviceId, decision.to));
      if (!teamId && !body.assigneeId)
        throw new MesaError('VALIDATION_FAILED', 'Indica el equipo de destino: el servicio no tiene uno para ese nivel.', { field: 'teamId' });
      const target = await this.resolveTarget(m, teamId, body.assigneeId ?? null);
      if (target.supportLevel && target.supportLevel !== decision.to) {
        throw new MesaError('VALIDATION_FAILED', `El equipo es de nivel ${target.supportLevel}, no de nivel ${decision.to}.`, { field: 'teamId' });
      }
      const history: HistoryEntry[] = [
        { action: 'escalate', field: 'supportLevel', oldValue: t.supportLevel, newValue: decision.to, reason: body.reason, internal: true },
      ];
      if (decision.to === '3') t.escalatedFromTeamId = t.teamId;
      const assigned = this.assignment(t, { ...target, supportLevel: null }, body.reason);
      history.push(...assigned.history);
      t.supportLevel = decision.to;
      return {
        ticket: t,
        history,
        events: [
          ['ticket.escalated', { number: t.number, kind: 'functional', to: decision.to, teamId: t.teamId, assigneeId: t.assigneeId, reason: body.reason }],
        ],
        live: 'escalated',
        articles: [{ kind: 'internal', origin: 'escalation', body: body.reason }],
      };
    });
  }

  /** GIS 2.3 act. 4: 2nd level hands the ticket back to its team coordinator, with the reasons. */
  async returnToCoordinator(actor: Actor, id: string, version: number, reason: string): Promise<TicketDto> {
    this.access.requireStaff(actor);
    return this.change(actor, id, version, async (m, t) => {
      if (!OPEN_STATES.includes(t.state)) throw new MesaError('TICKET_READ_ONLY', `Un ticket ${STATE_LABELS[t.state]} no se regresa.`, { field: 'state' });
      if (!t.teamId) throw new MesaError('VALIDATION_FAILED', 'El ticket no tiene equipo: no hay coordinador a quien regresarlo.', { field: 'teamId' });
      const coordinatorId = (await this.users.teamFacts(t.teamId, m))?.coordinatorId;
      if (!coordinatorId) throw new MesaError('VALIDATION_FAILED', 'El equipo no tiene coordinador.', { field: 'teamId' });
      const { history, moved } = this.assignment(t, { teamId: t.teamId, assigneeId: coordinatorId, supportLevel: t.supportLevel }, reason);
      history.unshift({ action: 'escalate', field: 'returnedToCoordinator', newValue: coordinatorId, reason, internal: true });
      return {
        ticket: t,
        history,
        events: [['ticket.assigned', { ...moved, number: t.number, teamId: t.teamId, assigneeId: t.assigneeId, reason, returned: true }]],
        live: 'assigned',
        articles: [{ kind: 'internal', origin: 'return', body: reason }],
      };
    });
  }

  /** 3rd level proposes; 2nd level validates and records the solution (GIS 2.3 act. 6). */
  async proposeSolution(actor: Actor, id: string, version: number, solution: string): Promise<TicketDto> {
    this.access.requireStaff(actor);
    return this.change(actor, id, version, async (_m, t) => {
      if (t.supportLevel !== '3')
        throw new MesaError('VALIDATION_FAILED', 'Solo un ticket en tercer nivel lleva propuesta de solución.', { field: 'supportLevel' });
      if (!OPEN_STATES.includes(t.state))
        throw new MesaError('TICKET_READ_ONLY', `Un ticket ${STATE_LABELS[t.state]} no admite propuestas.`, { field: 'state' });
      const old = t.proposedSolution;
      t.proposedSolution = solution;
      return {
        ticket: t,
        history: [{ action: 'field', field: 'proposedSolution', oldValue: old, newValue: solution, internal: true }],
        events: [['ticket.solution_proposed', { number: t.number }]],
        live: 'updated',
      };
    });
  }

  /** The approver's decision: approval sends the request to the desk (Nuevo); rejection closes it with the reason. */
  async decideApproval(actor: Actor, id: string, version: number, decision: 'approve' | 'reject', reason?: string): Promise<TicketDto> {
    return this.change(actor, id, version, async (_m, t) => {
      const may = mayDecideApproval(t, actor.userId);
      if (!may.ok) {
        throw new MesaError(
          'TICKET_ACTION_FORBIDDEN',
          may.reason === 'own_request'
            ? 'Nadie aprueba su propia solicitud; el gestor del catálogo debe designar otro titular.'
            : 'Solo el titular designado decide esta aprobación.',
        );
      }
      if (t.approvalStatus !== 'pending') throw new MesaError('TICKET_READ_ONLY', 'La aprobación ya fue decidida.', { field: 'decision' });
      const approved = decision === 'approve';
      const change = changeState(t, {
        to: approved ? 'new' : 'closed',
        as: 'approver',
        reason: reason ?? null,
        event: approved ? 'ticket.approved' : 'ticket.approval_rejected',
      });
      t.approvalStatus = approved ? 'approved' : 'rejected';
      return {
        ticket: t,
        history: [{ action: 'approval', field: 'approvalStatus', oldValue: 'pending', newValue: t.approvalStatus, reason: reason ?? null }, ...change.history],
        events: [change.event],
        live: 'state',
      };
    });
  }

  /** GIS 2.3 act. 5: tell the requester that more time is needed, and why. */
  async moreTime(actor: Actor, id: string, version: number, reason: string): Promise<TicketDto> {
    this.access.requireStaff(actor);
    return this.change(actor, id, version, async (_m, t) => {
      if (!OPEN_STATES.includes(t.state))
        throw new MesaError('TICKET_READ_ONLY', `Un ticket ${STATE_LABELS[t.state]} no requiere más tiempo.`, { field: 'state' });
      t.updatedAt = new Date();
      return { ticket: t, history: [{ action: 'more_time', reason }], events: [['ticket.more_time', { number: t.number, reason }]], live: 'updated' };
    });
  }

  /** Loads under lock, checks the version, applies the change, writes history and outbox, publishes. */
  private async change(actor: Actor, id: string, version: number, apply: (m: EntityManager, t: Ticket) => Promise<Change>): Promise<TicketDto> {
    const { ticket, live, history } = await this.dataSource.transaction(async (m) => {
      const { ticket: t } = await this.access.load(m, actor, id, { lock: true });
      assertVersion(t, version, () => toTicketDto(t, isStaff(actor.roles) ? 'staff' : 'requester'));
      const c = await apply(m, t);
      const saved = await m.save(c.ticket);
      await this.historyWriter.write(m, actor, t.id, c.history);
      // Written with the action's own history row (which names the change): no separate "article" row.
      for (const a of c.articles ?? [])
        await m.insert(Article, { ticketId: t.id, authorId: actor.userId, kind: a.kind, origin: a.origin, body: a.body, movedFromTicketId: null });
      for (const [event, payload] of c.events ?? []) await this.outbox.emit(m, event, { type: 'ticket', id: t.id }, { ...payload, actorId: actor.userId });
      return { ticket: saved, live: c.live, history: c.history };
    });
    await this.events.publish(live, ticket, actor.userId, history);
    return toTicketDto(ticket, isStaff(actor.roles) ? 'staff' : 'requester');
  }

  /**
   * Points the ticket at its new team/resolver and moves it to Asignado through the state
   * machine. The caller's event (assigned, escalated) announces the move: `moved` carries its
   * from/to for the event's payload.
   */
  private assignment(
    t: Ticket,
    target: { teamId: string | null; assigneeId: string | null; supportLevel: SupportLevel | null },
    reason: string | null,
  ): { history: HistoryEntry[]; moved: { from?: TicketState; to?: TicketState } } {
    const history: HistoryEntry[] = [];
    if (target.teamId !== t.teamId) history.push({ action: 'assign', field: 'teamId', oldValue: t.teamId, newValue: target.teamId, reason, internal: true });
    if (target.assigneeId !== t.assigneeId)
      history.push({ action: 'assign', field: 'assigneeId', oldValue: t.assigneeId, newValue: target.assigneeId, reason, internal: true });
    if (target.supportLevel && target.supportLevel !== t.supportLevel)
      history.push({ action: 'field', field: 'supportLevel', oldValue: t.supportLevel, newValue: target.supportLevel, internal: true });
    t.teamId = target.teamId;
    t.assigneeId = target.assigneeId;
    if (target.supportLevel) t.supportLevel = target.supportLevel;
    if (t.state === 'assigned') return { history, moved: {} };
    const change = changeState(t, { to: 'assigned', as: 'staff', reason });
    return { history: [...history, ...change.history], moved: { from: change.from, to: change.to } };
  }

  /** Validates the team and the resolver: the resolver must be active staff and, with a team, one of its members. */
  private async resolveTarget(
    m: EntityManager,
    teamId: string | null,
    assigneeId: string | null,
  ): Promise<{ teamId: string | null; assigneeId: string | null; supportLevel: SupportLevel | null }> {
    let supportLevel: SupportLevel | null = null;
    if (teamId) {
      const team = await this.users.teamFacts(teamId, m);
      if (!team || !team.isActive) throw new MesaError('VALIDATION_FAILED', 'El equipo no existe o está inactivo.', { field: 'teamId' });
      supportLevel = team.supportLevel;
    }
    if (assigneeId) {
      const user = await this.users.userFacts(assigneeId, m);
      if (!user || !user.isActive || !isStaff(user.roles))
        throw new MesaError('VALIDATION_FAILED', 'El resolutor no existe, está deshabilitado o no es personal de la mesa.', { field: 'assigneeId' });
      if (teamId) {
        if (!(await this.users.worksIn(teamId, assigneeId, m)))
          throw new MesaError('VALIDATION_FAILED', 'El resolutor no pertenece al equipo indicado.', { field: 'assigneeId' });
      }
    }
    return { teamId, assigneeId, supportLevel };
  }

  private async serviceTeamFor(m: EntityManager, serviceId: string | null, level: SupportLevel): Promise<string | null> {
    return this.catalog.teamFor(serviceId, level, m);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { CatalogService } from '../catalog/catalog.service';
import { UserDirectory } from '../identity/user-directory.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { OutboxService } from '../outbox/outbox.service';
import type { CreateTicketBody, TicketListQuery, UpdateTicketBody } from './dto/tickets.dto';
import { Article, type ArticleKind } from './entities/article.entity';
import { TicketHistory } from './entities/ticket-history.entity';
import { chooseApprover } from './approval.rules';
import { historyViewer, viewHistoryRow } from './history-visibility.rules';
import { PriorityMatrixService } from './priority-matrix.service';
import { decidePriority } from './priority.rules';
import { TicketAccess, assertVersion } from './ticket-access.service';
import { TicketEventsPublisher } from './ticket-events.publisher';
import { type HistoryEntry, TicketHistoryWriter } from './ticket-history.writer';
import { ticketYear } from './ticket-number.rules';
import { changeState } from './ticket-state.changer';
import { initialState, TERMINAL_STATES } from './ticket-state.rules';
import { isStaff, mayRegisterChannel } from './ticket-visibility.rules';
import { countByReason, myActionReason } from './my-action.rules';
import { toArticleDto, toHistoryDto, toTicketDto, type TicketDto } from './tickets.mapper';
import { type TicketNames, TicketsRepository } from './tickets.repository';
import { TicketCreateWriter } from './ticket-create.writer';
import { CHANNEL_LABELS } from './ticket-labels';
import { TicketAttachmentsService } from './ticket-attachments.service';
import { fileAnswers, type FileAnswer } from './staged-attachment.rules';

const EDITABLE = ['type', 'serviceId', 'category', 'title', 'description', 'impact', 'urgency', 'isMajor', 'letterNumber', 'letterAnswer'] as const;

/** Registration, reading and editing of tickets, and their conversation. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TicketAccess,
    private readonly historyWriter: TicketHistoryWriter,
    private readonly outbox: OutboxService,
    private readonly events: TicketEventsPublisher,
    private readonly matrix: PriorityMatrixService,
    private readonly catalog: CatalogService,
    private readonly organisations: OrganisationsService,
    private readonly repository: TicketsRepository,
    private readonly createWriter: TicketCreateWriter,
    private readonly users: UserDirectory,
    private readonly attachments: TicketAttachmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, body: CreateTicketBody): Promise<TicketDto> {
    const staff = isStaff(actor.roles);
    if (!staff) {
      // Requesters open their own tickets through the portal; classification is the desk's job.
      for (const field of ['requesterId', 'impact', 'urgency', 'isMajor', 'letterNumber'] as const) {
        if (body[field] !== undefined && !(field === 'requesterId' && body.requesterId === actor.userId)) {
          throw new MesaError('TICKET_ACTION_FORBIDDEN', 'Solo el personal de la mesa de servicio puede indicar este dato.', { field });
        }
      }
      if (body.channel !== undefined && body.channel !== 'portal') {
        throw new MesaError('TICKET_CHANNEL_FORBIDDEN', 'Los solicitantes registran sus tickets desde el portal.', { field: 'channel' });
      }
    }
    const channel = body.channel ?? (staff ? 'phone' : 'portal');
    if (!mayRegisterChannel(actor.roles, channel)) {
      throw new MesaError(
        'TICKET_CHANNEL_FORBIDDEN',
        'Solo el coordinador de mesa de servicio y los directores registran tickets de oficio o firma electrónica.',
        { field: 'channel' },
      );
    }
    if (channel === 'letter' && !body.letterNumber) {
      throw new MesaError('VALIDATION_FAILED', 'Un ticket recibido por oficio requiere el número de oficio.', { field: 'letterNumber' });
    }
    const requesterId = body.requesterId ?? actor.userId;

    // Reads first, then one atomic statement writes ticket, history and outbox (TicketCreateWriter).
    const m = this.dataSource.manager;
    const { requester, unitId, matrix, service: serviceRow } = await this.createWriter.context(requesterId, body.serviceId ?? null);
    if (!requester || !requester.isActive) throw new MesaError('VALIDATION_FAILED', 'El solicitante no existe o está deshabilitado.', { field: 'requesterId' });
    let form: { formData: Record<string, unknown>; formVersion: number } | null = null;
    let approverId: string | null = null;
    let files: FileAnswer[] = [];
    if (body.serviceId) {
      const service = this.catalog.orderableFrom(serviceRow, 'serviceId', !staff);
      if (service.type !== 'both' && body.type !== 'complaint' && service.type !== body.type) {
        throw new MesaError('VALIDATION_FAILED', `El servicio ${service.name} no admite tickets de este tipo.`, { field: 'type' });
      }
      if (!staff && !service.portalOrderable)
        throw new MesaError('TICKET_SERVICE_UNAVAILABLE', 'Este servicio no se solicita desde el portal.', { field: 'serviceId' });
      form = { formData: this.catalog.validateRequest(service, body.formData), formVersion: service.formVersion };
      files = fileAnswers(service.form, form.formData);
      if (service.approval !== 'none') {
        // The requester's head, or the head of the area that owns the service, walking up the tree
        // and never stopping at the requester (approval.rules).
        const decision = chooseApprover({
          approval: service.approval,
          requesterId,
          requesterChain: service.approval === 'requester_head' ? await this.organisations.headChain(requester.organisationId, m) : [],
          ownerChain: await this.organisations.headChain(service.ownerOrganisationId, m),
        });
        if (!decision.ok) {
          throw new MesaError(
            'TICKET_SERVICE_UNAVAILABLE',
            decision.reason === 'only_requester'
              ? 'El servicio requiere aprobación y el único titular que podría otorgarla es el propio solicitante; avisa al gestor del catálogo.'
              : 'El servicio requiere aprobación y no hay titular que la otorgue; avisa al gestor del catálogo.',
            { field: 'serviceId' },
          );
        }
        approverId = decision.approverId;
      }
    } else if (body.formData && Object.keys(body.formData).length) {
      throw new MesaError('VALIDATION_FAILED', 'Los datos de formulario requieren un servicio del catálogo.', { field: 'formData' });
    }
    const impact = body.impact ?? 'medium';
    const urgency = body.urgency ?? 'medium';
    const priority = decidePriority(matrix, impact, urgency, requester.isVip);
    const state = initialState(Boolean(approverId));
    const isMajor = body.isMajor ?? false;
    const history: HistoryEntry[] = [
      {
        action: 'create',
        field: 'state',
        newValue: state,
        reason: requesterId !== actor.userId ? `Registrado a nombre del solicitante (canal: ${CHANNEL_LABELS[channel]})` : null,
      },
      { action: 'field', field: 'priority', newValue: priority, reason: requester.isVip ? 'Solicitante VIP: prioridad mínima Alta' : null },
      ...(approverId ? [{ action: 'approval', field: 'approvalStatus', newValue: 'pending', reason: 'El servicio requiere aprobación' }] : []),
    ];
    const ticket = await this.createWriter.insert(
      ticketYear(new Date(), this.config.deskTimeZone),
      {
        type: body.type,
        channel,
        requesterId,
        createdById: actor.userId,
        organisationId: requester.organisationId,
        unitId,
        serviceId: body.serviceId ?? null,
        category: body.category ?? null,
        title: body.title,
        description: body.description,
        impact,
        urgency,
        priority,
        state,
        pendingReason: approverId ? 'approval' : null,
        approverId,
        approvalStatus: approverId ? 'pending' : null,
        isMajor,
        letterNumber: body.letterNumber ?? null,
        formData: form?.formData ?? null,
        formVersion: form?.formVersion ?? null,
      },
      actor.userId,
      history,
      [
        { event: 'ticket.created', payload: { requesterId, priority } },
        ...(approverId ? [{ event: 'ticket.approval_requested' as const, payload: { approverId, actorId: actor.userId } }] : []),
        // GIS 2.5 act. 1: the director of operations is alerted as soon as a major incident is registered.
        ...(isMajor ? [{ event: 'ticket.major_incident' as const, payload: {} }] : []),
      ],
      // The form's files were uploaded before the ticket existed (staged): claimed before it is
      // written, so a refused file costs no ticket number, and bound in the same transaction.
      files.length
        ? { claim: (tx) => this.attachments.claimStaged(tx, actor, files), bind: (tx, ticketId) => this.attachments.bindStaged(tx, actor, ticketId, files) }
        : undefined,
    );
    await this.events.publish('created', ticket, actor.userId, history);
    return toTicketDto(ticket, staff ? 'staff' : 'requester');
  }

  async list(actor: Actor, q: TicketListQuery) {
    const { scope, teamIds } = await this.access.contextFor(actor);
    return this.repository.list(scope, { userId: actor.userId, teamIds }, q);
  }

  async counters(actor: Actor) {
    const { scope, teamIds } = await this.access.contextFor(actor);
    return this.repository.counters(scope, { userId: actor.userId, teamIds });
  }

  /** The coordinators' home: figures over the open tickets they may see. */
  async overview(actor: Actor) {
    return this.repository.overview(await this.access.scopeFor(actor), 10);
  }

  /** "Requiere mi acción": what waits for this staff member, one reason per ticket, with counts (my-action.rules). */
  async myAction(actor: Actor) {
    this.access.requireStaff(actor);
    const classified = (await this.repository.myActionCandidates(actor.userId)).flatMap((c) => {
      const reason = myActionReason(c);
      if (!reason) return [];
      const { assignedToMe: _a, approvalPendingOnMe: _b, proposalForMe: _c, returnedToMe: _d, reopenCount: _e, ...item } = c;
      return [{ ...item, reason }];
    });
    return { counts: countByReason(classified.map((i) => i.reason)), items: classified };
  }

  async lookup(actor: Actor, text: string, limit: number) {
    return { items: await this.repository.lookup(await this.access.scopeFor(actor), text, limit) };
  }

  async get(actor: Actor, id: string): Promise<TicketDto & { names: TicketNames; formFields: { key: string; label: string; type: string }[] }> {
    const { ticket } = await this.access.load(this.dataSource.manager, actor, id);
    const names = await this.repository.namesOf(ticket.id);
    // The labels of the form version the ticket was opened with, so its answers can be shown.
    const formFields = ticket.serviceId && ticket.formVersion ? await this.catalog.formOf(ticket.serviceId, ticket.formVersion) : [];
    return { ...toTicketDto(ticket, isStaff(actor.roles) ? 'staff' : 'requester'), names, formFields };
  }

  /** The agent's sidebar: who asked and their other tickets (staff only; issue 11, item 8). */
  async requesterContext(actor: Actor, id: string) {
    this.access.requireStaff(actor);
    const { ticket, scope } = await this.access.load(this.dataSource.manager, actor, id);
    return this.repository.requesterContext(scope, ticket.id, ticket.requesterId);
  }

  async update(actor: Actor, id: string, body: UpdateTicketBody): Promise<TicketDto> {
    this.access.requireStaff(actor);
    const { ticket, entries } = await this.dataSource.transaction(async (m) => {
      const { ticket: t } = await this.access.load(m, actor, id, { lock: true });
      assertVersion(t, body.version, () => toTicketDto(t, 'staff'));
      const onlyLetterAnswer = Object.keys(body).every((k) => k === 'version' || k === 'letterAnswer' || k === 'reason');
      if (TERMINAL_STATES.includes(t.state) && !onlyLetterAnswer) {
        throw new MesaError('TICKET_READ_ONLY', 'El ticket está cerrado; solo puede registrarse la respuesta al oficio.');
      }
      if (body.serviceId && body.serviceId !== t.serviceId)
        await this.catalog.requireOrderable(m, body.serviceId, 'serviceId', { organisationId: null, checkVisibility: false });
      const entries: HistoryEntry[] = [];
      for (const field of EDITABLE) {
        const value = body[field];
        if (value === undefined || value === t[field]) continue;
        entries.push({ action: 'field', field, oldValue: t[field], newValue: value, reason: body.reason ?? null });
        Object.assign(t, { [field]: value });
      }
      if (body.letterAnswer !== undefined) t.letterAnsweredAt = body.letterAnswer ? new Date() : null;
      if (body.impact !== undefined || body.urgency !== undefined) {
        const requester = await this.users.userFacts(t.requesterId, m);
        const priority = decidePriority(await this.matrix.get(m), t.impact, t.urgency, requester?.isVip ?? false);
        if (priority !== t.priority) {
          entries.push({ action: 'field', field: 'priority', oldValue: t.priority, newValue: priority });
          t.priority = priority;
        }
      }
      if (!entries.length) return { ticket: t, entries };
      const saved = await m.save(t);
      await this.historyWriter.write(m, actor, t.id, entries);
      if (body.isMajor === true) await this.outbox.emit(m, 'ticket.major_incident', { type: 'ticket', id: t.id }, { number: t.number });
      return { ticket: saved, entries };
    });
    await this.events.publish('updated', ticket, actor.userId, entries);
    return toTicketDto(ticket, 'staff');
  }

  async history(actor: Actor, id: string) {
    const { ticket } = await this.access.load(this.dataSource.manager, actor, id);
    const staff = isStaff(actor.roles);
    const viewer = historyViewer({ userId: actor.userId, staff }, ticket);
    const stored = await this.dataSource.getRepository(TicketHistory).find({
      where: staff ? { ticketId: ticket.id } : { ticketId: ticket.id, internal: false },
      order: { at: 'ASC', id: 'ASC' },
    });
    const rows = stored.map((r) => viewHistoryRow(r, viewer)).filter((r): r is TicketHistory => r !== null);
    const names = await this.namesOf(rows.map((r) => r.actorId));
    return { items: rows.map((r) => ({ ...toHistoryDto(r), actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })) };
  }

  async articles(actor: Actor, id: string) {
    const { ticket } = await this.access.load(this.dataSource.manager, actor, id);
    const rows = await this.dataSource.getRepository(Article).find({
      where: isStaff(actor.roles) ? { ticketId: ticket.id } : { ticketId: ticket.id, kind: 'public' },
      order: { createdAt: 'ASC' },
    });
    const names = await this.namesOf(rows.map((r) => r.authorId));
    return { items: rows.map((r) => ({ ...toArticleDto(r), authorName: r.authorId ? (names.get(r.authorId) ?? null) : null })) };
  }

  /** Display names for the people in a timeline, in one query. */
  private async namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    return this.users.namesOf(unique);
  }

  async addArticle(actor: Actor, id: string, kind: ArticleKind, body: string) {
    const staff = isStaff(actor.roles);
    if (!staff && kind === 'internal') throw new MesaError('TICKET_ACTION_FORBIDDEN', 'Las notas internas son exclusivas del personal.', { field: 'kind' });
    const { article, ticket, entries } = await this.dataSource.transaction(async (m) => {
      const { ticket: t } = await this.access.load(m, actor, id, { lock: true });
      if (TERMINAL_STATES.includes(t.state)) throw new MesaError('TICKET_READ_ONLY', 'El ticket está cerrado; abre uno nuevo si el problema continúa.');
      const a = await m.save(m.create(Article, { ticketId: t.id, authorId: actor.userId, kind, body, movedFromTicketId: null }));
      const entries: HistoryEntry[] = [{ action: 'article', field: kind, newValue: a.id, internal: kind === 'internal' }];
      if (staff && kind === 'public' && !t.firstResponseAt) t.firstResponseAt = new Date();
      // A requester answering a ticket that waits on them puts it back in attention (as in Zammad/OTRS).
      const resumes = !staff && t.requesterId === actor.userId && t.state === 'pending' && t.pendingReason === 'requester';
      const resumed = resumes ? changeState(t, { to: 'in_progress', as: 'requester', reason: 'Respuesta del solicitante' }) : null;
      if (resumed) entries.push(...resumed.history);
      t.updatedAt = new Date();
      const saved = await m.save(t);
      await this.historyWriter.write(m, actor, t.id, entries);
      if (staff && kind === 'public') await this.outbox.emit(m, 'ticket.public_reply', { type: 'ticket', id: t.id }, { number: t.number, articleId: a.id });
      // SLA clocks paused while waiting on the requester listen for this.
      if (resumed) await this.outbox.emit(m, resumed.event[0], { type: 'ticket', id: t.id }, { ...resumed.event[1], actorId: actor.userId });
      return { article: a, ticket: saved, entries };
    });
    await this.events.publish('article', ticket, actor.userId, entries);
    return toArticleDto(article);
  }
}

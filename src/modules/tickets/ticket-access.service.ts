import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { UserDirectory } from '../identity/user-directory.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { Ticket } from './entities/ticket.entity';
import { canSee, isStaff, ticketScope, type TicketScope } from './ticket-visibility.rules';

/** Row-level authorisation for tickets: every read and write loads through here. */
@Injectable()
export class TicketAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly users: UserDirectory,
  ) {}

  // Inside a transaction, pass its manager: asking the pool for a second connection while holding
  // one deadlocks once every pooled connection is held by such a transaction.
  async teamIdsOf(userId: string, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    return this.users.teamIdsOf(userId, m);
  }

  async scopeFor(actor: Actor, m: EntityManager = this.dataSource.manager): Promise<TicketScope> {
    return (await this.contextFor(actor, m)).scope;
  }

  /** The scope plus the actor's teams (queues need both; a desk-wide scope does not carry them). */
  async contextFor(actor: Actor, m: EntityManager = this.dataSource.manager): Promise<{ scope: TicketScope; teamIds: string[] }> {
    const teamIds: string[] = isStaff(actor.roles) ? await this.teamIdsOf(actor.userId, m) : [];
    const unit = isStaff(actor.roles) ? { unitId: null, sharesTickets: false } : await this.organisations.unitOf(actor.organisationId, m);
    return { scope: ticketScope(actor, { teamIds, unitWithSharedTickets: unit.sharesTickets ? unit.unitId : null }), teamIds };
  }

  /**
   * Loads a ticket the actor may see, or answers 404 (never 403: a requester must not learn that
   * another requester's ticket exists).
   */
  async load(m: EntityManager, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<{ ticket: Ticket; scope: TicketScope }> {
    const ticket = await m.getRepository(Ticket).findOne({ where: { id }, lock: options.lock ? { mode: 'pessimistic_write' } : undefined });
    const scope = await this.scopeFor(actor, m);
    if (!ticket || !canSee(scope, ticket)) throw new MesaError('TICKET_NOT_FOUND', 'No existe el ticket o no tienes acceso a él.', { field: 'id' });
    return { ticket, scope };
  }

  requireStaff(actor: Actor): void {
    if (!isStaff(actor.roles)) throw new MesaError('TICKET_ACTION_FORBIDDEN', 'Esta acción es exclusiva del personal de la mesa de servicio.');
  }
}

export function assertVersion(ticket: Ticket, version: number | undefined, current: () => unknown): void {
  if (version !== undefined && version !== ticket.version) {
    throw new MesaError('RECORD_VERSION_CONFLICT', 'Otra persona modificó el ticket; revisa los cambios y vuelve a intentarlo.', {
      field: 'version',
      extra: { current: current() },
    });
  }
}

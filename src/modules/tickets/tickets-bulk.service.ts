import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import type { BulkBody } from './dto/tickets.dto';
import { SavedFilter } from './entities/saved-filter.entity';
import { TicketAccess } from './ticket-access.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketsService } from './tickets.service';

export type BulkResult = { ticketId: string; ok: boolean; status?: number; code?: string; detail?: string };

/**
 * Bulk actions run the same single-ticket use case per ticket (each in its own transaction,
 * with every rule and history row), and report each ticket's outcome.
 */
@Injectable()
export class TicketsBulkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TicketAccess,
    private readonly tickets: TicketsService,
    private readonly workflow: TicketWorkflowService,
  ) {}

  async run(actor: Actor, body: BulkBody): Promise<{ results: BulkResult[] }> {
    this.access.requireStaff(actor);
    if (body.action === 'assign' && !body.teamId && !body.assigneeId) throw new MesaError('VALIDATION_FAILED', 'Indique equipo o resolutor.', { field: 'assigneeId' });
    if (body.action === 'priority' && !body.impact && !body.urgency) throw new MesaError('VALIDATION_FAILED', 'Indique impacto o urgencia.', { field: 'impact' });
    const results: BulkResult[] = [];
    for (const ticketId of [...new Set(body.ticketIds)]) {
      try {
        const { ticket } = await this.access.load(this.dataSource.manager, actor, ticketId);
        const version = ticket.version;
        if (body.action === 'assign') await this.workflow.assign(actor, ticketId, { version, teamId: body.teamId ?? null, assigneeId: body.assigneeId ?? null, reason: body.reason });
        else if (body.action === 'priority') await this.tickets.update(actor, ticketId, { version, impact: body.impact, urgency: body.urgency, reason: body.reason });
        else await this.workflow.transition(actor, ticketId, { version, to: 'closed', reason: body.reason });
        results.push({ ticketId, ok: true });
      } catch (error) {
        if (!(error instanceof MesaError)) throw error;
        results.push({ ticketId, ok: false, status: error.status, code: error.code, detail: error.message });
      }
    }
    return { results };
  }
}

/** An agent's named queue filters. */
@Injectable()
export class SavedFiltersService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor) {
    const rows = await this.dataSource.getRepository(SavedFilter).find({ where: { userId: actor.userId }, order: { name: 'ASC' } });
    return { items: rows.map((f) => ({ id: f.id, name: f.name, query: f.query, createdAt: f.createdAt.toISOString() })) };
  }

  async save(actor: Actor, name: string, query: Record<string, unknown>) {
    // Same name replaces: saving "Críticos de mi equipo" again updates it.
    await this.dataSource.query(
      `INSERT INTO saved_filters (user_id, name, query) VALUES ($1, $2, $3) ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query`,
      [actor.userId, name, JSON.stringify(query)],
    );
    const f = await this.dataSource.getRepository(SavedFilter).findOneByOrFail({ userId: actor.userId, name });
    return { id: f.id, name: f.name, query: f.query, createdAt: f.createdAt.toISOString() };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const res = await this.dataSource.getRepository(SavedFilter).delete({ id, userId: actor.userId });
    if (!res.affected) throw new MesaError('SAVED_FILTER_NOT_FOUND', 'No existe el filtro.', { field: 'id' });
  }
}

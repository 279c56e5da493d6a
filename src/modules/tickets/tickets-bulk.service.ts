import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import type { BulkBody } from './dto/tickets.dto';
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
    if (body.action === 'assign' && !body.teamId && !body.assigneeId)
      throw new MesaError('VALIDATION_FAILED', 'Indica el equipo o el resolutor.', { field: 'assigneeId' });
    if (body.action === 'priority' && !body.impact && !body.urgency)
      throw new MesaError('VALIDATION_FAILED', 'Indica el impacto o la urgencia.', { field: 'impact' });
    const results: BulkResult[] = [];
    for (const ticketId of [...new Set(body.ticketIds)]) {
      try {
        const { ticket } = await this.access.load(this.dataSource.manager, actor, ticketId);
        const version = ticket.version;
        if (body.action === 'assign')
          await this.workflow.assign(actor, ticketId, { version, teamId: body.teamId ?? null, assigneeId: body.assigneeId ?? null, reason: body.reason });
        else if (body.action === 'priority')
          await this.tickets.update(actor, ticketId, { version, impact: body.impact, urgency: body.urgency, reason: body.reason });
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

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { violatedConstraint } from '../../common/infra/db-errors';
import { OutboxService } from '../outbox/outbox.service';
import { TicketLink, type LinkKind } from './entities/ticket-link.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess, assertVersion } from './ticket-access.service';
import { TicketEventsPublisher } from './ticket-events.publisher';
import { type HistoryEntry, TicketHistoryWriter } from './ticket-history.writer';
import { changeState } from './ticket-state.changer';
import { TERMINAL_STATES, type TicketState } from './ticket-state.rules';
import { canSee } from './ticket-visibility.rules';
import { toTicketDto } from './tickets.mapper';

export type LinkDto = {
  id: string;
  kind: LinkKind;
  direction: 'outgoing' | 'incoming';
  ticket: { id: string; number: string; title: string; state: TicketState };
  createdAt: string;
};

/** Relations between tickets and merging a duplicate into its original (issue 4, *Links*). */
@Injectable()
export class TicketLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TicketAccess,
    private readonly historyWriter: TicketHistoryWriter,
    private readonly outbox: OutboxService,
    private readonly events: TicketEventsPublisher,
  ) {}

  async list(actor: Actor, id: string): Promise<{ items: LinkDto[] }> {
    const { ticket, scope } = await this.access.load(this.dataSource.manager, actor, id);
    const rows = (await this.dataSource.query(
      `SELECT l.id, l.kind, l.created_at, CASE WHEN l.from_ticket_id = $1 THEN 'outgoing' ELSE 'incoming' END AS direction,
              o.id AS other_id, o.number, o.title, o.state, o.requester_id, o.created_by_id, o.assignee_id, o.team_id, o.unit_id, o.escalated_from_team_id, o.approver_id
         FROM ticket_links l JOIN tickets o ON o.id = CASE WHEN l.from_ticket_id = $1 THEN l.to_ticket_id ELSE l.from_ticket_id END
        WHERE l.from_ticket_id = $1 OR l.to_ticket_id = $1 ORDER BY l.created_at`,
      [ticket.id],
    )) as Record<string, string & Date>[];
    // A link never reveals a ticket the caller could not open.
    const visible = rows.filter((r) =>
      canSee(scope, {
        requesterId: r.requester_id,
        createdById: r.created_by_id,
        assigneeId: r.assignee_id,
        teamId: r.team_id,
        unitId: r.unit_id,
        escalatedFromTeamId: r.escalated_from_team_id,
        approverId: r.approver_id,
      }),
    );
    return {
      items: visible.map((r) => ({
        id: r.id,
        kind: r.kind as LinkKind,
        direction: r.direction as 'outgoing' | 'incoming',
        ticket: { id: r.other_id, number: r.number, title: r.title, state: r.state as TicketState },
        createdAt: (r.created_at as Date).toISOString(),
      })),
    };
  }

  async add(actor: Actor, id: string, toTicketId: string, kind: LinkKind): Promise<{ id: string }> {
    this.access.requireStaff(actor);
    if (id === toTicketId) throw new MesaError('TICKET_LINK_INVALID', 'Un ticket no se relaciona consigo mismo.', { field: 'toTicketId' });
    return this.dataSource.transaction(async (m) => {
      const { ticket: from } = await this.access.load(m, actor, id);
      const { ticket: to } = await this.access.load(m, actor, toTicketId).catch(() => {
        throw new MesaError('TICKET_LINK_INVALID', 'No existe el ticket a relacionar.', { field: 'toTicketId' });
      });
      let link: TicketLink;
      try {
        link = await m.save(m.create(TicketLink, { fromTicketId: from.id, toTicketId: to.id, kind, createdById: actor.userId }));
      } catch (error) {
        if (violatedConstraint(error)?.kind === 'unique') throw new MesaError('TICKET_LINK_INVALID', 'Esa relación ya existe.', { field: 'kind' });
        throw error;
      }
      await this.historyWriter.write(m, actor, from.id, [{ action: 'link', field: kind, newValue: to.number }]);
      await this.historyWriter.write(m, actor, to.id, [{ action: 'link', field: `${kind} (inversa)`, newValue: from.number }]);
      return { id: link.id };
    });
  }

  async remove(actor: Actor, id: string, linkId: string): Promise<void> {
    this.access.requireStaff(actor);
    await this.dataSource.transaction(async (m) => {
      const { ticket } = await this.access.load(m, actor, id);
      const link = await m.getRepository(TicketLink).findOneBy({ id: linkId });
      if (!link || (link.fromTicketId !== ticket.id && link.toTicketId !== ticket.id))
        throw new MesaError('TICKET_LINK_INVALID', 'No existe esa relación en este ticket.', { field: 'linkId' });
      await m.delete(TicketLink, { id: linkId });
      const [a, b] = (await m
        .getRepository(Ticket)
        .find({ select: { id: true, number: true }, where: [{ id: link.fromTicketId }, { id: link.toTicketId }] })) as Ticket[];
      for (const [self, other] of [
        [a, b],
        [b, a],
      ] as const) {
        if (self && other) await this.historyWriter.write(m, actor, self.id, [{ action: 'link', field: link.kind, oldValue: other.number, newValue: null }]);
      }
    });
  }

  /**
   * Merges a duplicate into the original: its articles and attachments move, it closes with a
   * pointer to the original, and both histories say so.
   */
  async merge(actor: Actor, id: string, intoTicketId: string, version: number, reason?: string) {
    this.access.requireStaff(actor);
    if (id === intoTicketId) throw new MesaError('TICKET_MERGE_INVALID', 'Un ticket no se fusiona consigo mismo.', { field: 'intoTicketId' });
    const { source, target, srcHistory, dstHistory } = await this.dataSource.transaction(async (m) => {
      // Lock both rows in id order so two opposite merges cannot deadlock.
      for (const lockId of [id, intoTicketId].sort()) await m.query(`SELECT 1 FROM tickets WHERE id = $1 FOR UPDATE`, [lockId]);
      const { ticket: src } = await this.access.load(m, actor, id);
      assertVersion(src, version, () => toTicketDto(src, 'staff'));
      const { ticket: dst } = await this.access.load(m, actor, intoTicketId).catch(() => {
        throw new MesaError('TICKET_MERGE_INVALID', 'No existe el ticket destino.', { field: 'intoTicketId' });
      });
      // Merging moves the duplicate's conversation and files into the original, where the original's
      // requester reads them. So a merge never crosses requesters (issue 9, item 7): tickets of
      // different requesters about the same matter are related with a link instead, and each
      // requester keeps seeing only their own ticket.
      if (src.requesterId !== dst.requesterId) {
        throw new MesaError(
          'TICKET_MERGE_INVALID',
          'Solo se fusionan tickets del mismo solicitante; para tickets de distintos solicitantes use una relación.',
          { field: 'intoTicketId' },
        );
      }
      if (TERMINAL_STATES.includes(dst.state)) throw new MesaError('TICKET_MERGE_INVALID', 'El ticket destino está cerrado.', { field: 'intoTicketId' });
      if ((src.channel === 'letter' || src.channel === 'e_signature') && !src.letterAnswer) {
        throw new MesaError('TICKET_LETTER_ANSWER_REQUIRED', 'El ticket se recibió por oficio: registre la respuesta al oficio antes de fusionarlo.', {
          field: 'letterAnswer',
        });
      }
      const now = new Date();
      // Closing the duplicate is the system's consequence of the merge, so the state machine decides it
      // (a ticket already closed, declined or cancelled is refused with 409 and no edges) before anything moves.
      // The close reason is shown to the requester: the desk's own reason stays in the (staff) history.
      // Announced as a plain state change, not "closed": the requester is not told their matter is done.
      const close = changeState(
        src,
        { to: 'closed', as: 'system', reason: `Fusionado con ${dst.number}`, event: 'ticket.state_changed', payload: { mergedInto: dst.number } },
        now,
      );
      src.mergedIntoId = dst.id;
      const [, moved] = (await m.query(`UPDATE articles SET ticket_id = $2, moved_from_ticket_id = $1 WHERE ticket_id = $1`, [src.id, dst.id])) as [
        unknown,
        number,
      ];
      await m.query(`UPDATE attachments SET ticket_id = $2 WHERE ticket_id = $1`, [src.id, dst.id]);
      await m.query(`INSERT INTO ticket_links (from_ticket_id, to_ticket_id, kind, created_by_id) VALUES ($1, $2, 'duplicate_of', $3) ON CONFLICT DO NOTHING`, [
        src.id,
        dst.id,
        actor.userId,
      ]);
      const savedSrc = await m.save(src);
      dst.updatedAt = now;
      const savedDst = await m.save(dst);
      const srcHistory: HistoryEntry[] = [{ action: 'merge', field: 'mergedIntoId', newValue: dst.number, reason: reason ?? null }, ...close.history];
      const dstHistory: HistoryEntry[] = [{ action: 'merge', field: 'mergedFrom', newValue: src.number, reason: `${moved} artículo(s) movidos` }];
      await this.historyWriter.write(m, actor, src.id, srcHistory);
      await this.historyWriter.write(m, actor, dst.id, dstHistory);
      const [event, payload] = close.event;
      await this.outbox.emit(m, event, { type: 'ticket', id: src.id }, { ...payload, actorId: actor.userId });
      return { source: savedSrc, target: savedDst, srcHistory, dstHistory };
    });
    await this.events.publish('merged', source, actor.userId, srcHistory);
    await this.events.publish('updated', target, actor.userId, dstHistory);
    return { source: toTicketDto(source, 'staff'), target: toTicketDto(target, 'staff') };
  }
}

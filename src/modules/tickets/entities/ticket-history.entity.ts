import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Ticket } from './ticket.entity';

/** Every field change and transition of a ticket, written in the transaction of the change. */
@Entity('ticket_history')
@Index('ticket_history_ticket_idx', ['ticketId', 'at'])
export class TicketHistory {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ type: 'uuid' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_history_ticket_id_fkey' })
  ticket?: Ticket;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  /** Null for system actions (timers, merges done by jobs). */
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  /** create | transition | assign | escalate | field | article | link | merge | … */
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text', nullable: true }) field!: string | null;
  @Column({ type: 'text', nullable: true }) oldValue!: string | null;
  @Column({ type: 'text', nullable: true }) newValue!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** Internal entries (e.g. about internal notes) are never shown to requesters. */
  @Column({ type: 'boolean', default: false }) internal!: boolean;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Ticket } from './ticket.entity';

export const LINK_KINDS = ['duplicate_of', 'caused_by', 'parent_of', 'related_to'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

@Entity('ticket_links')
@Check('ticket_links_kind_check', `kind IN ('duplicate_of', 'caused_by', 'parent_of', 'related_to')`)
@Check('ticket_links_not_self_check', `from_ticket_id <> to_ticket_id`)
@Index('ticket_links_unique', ['fromTicketId', 'toTicketId', 'kind'], { unique: true })
@Index('ticket_links_to_idx', ['toTicketId'])
export class TicketLink {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) fromTicketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_ticket_id', foreignKeyConstraintName: 'ticket_links_from_ticket_id_fkey' })
  fromTicket?: Ticket;
  @Column({ type: 'uuid' }) toTicketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_ticket_id', foreignKeyConstraintName: 'ticket_links_to_ticket_id_fkey' })
  toTicket?: Ticket;
  @Column({ type: 'text' }) kind!: LinkKind;
  @Column({ type: 'uuid', nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Ticket } from './ticket.entity';

export const ARTICLE_KINDS = ['public', 'internal'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** A public reply (requester sees it) or an internal note (requesters never do). */
@Entity('articles')
@Check('articles_kind_check', `kind IN ('public', 'internal')`)
@Index('articles_ticket_idx', ['ticketId', 'createdAt'])
export class Article {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'articles_ticket_id_fkey' })
  ticket?: Ticket;
  @ForeignKey('users', { name: 'articles_author_id_fkey', onDelete: 'SET NULL' }) @Column({ type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ type: 'text' }) kind!: ArticleKind;
  @Column({ type: 'text' }) body!: string;
  /** Set when the article came from another ticket by a merge. */
  @Column({ type: 'uuid', nullable: true }) movedFromTicketId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Ticket } from './ticket.entity';

export const ARTICLE_KINDS = ['public', 'internal'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
/** The action that wrote the article, when not a plain reply or note (issue 11, item 4). */
export const ARTICLE_ORIGINS = ['escalation', 'return', 'rejection', 'solution'] as const;
export type ArticleOrigin = (typeof ARTICLE_ORIGINS)[number];

/** A public reply (requester sees it) or an internal note (requesters never do). */
@Entity('articles')
@Check('articles_kind_check', `kind IN ('public', 'internal')`)
@Check('articles_origin_check', `origin IN ('escalation', 'return', 'rejection', 'solution')`)
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
  @Column({ type: 'text', nullable: true }) origin!: ArticleOrigin | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Article } from './article.entity';
import { Ticket } from './ticket.entity';

/**
 * File metadata; the bytes live on disk under DATA_DIR, content-addressed by SHA-256. A row with
 * no ticket is a staged upload (a request form's file, sent before the ticket exists): readable
 * only by its uploader, bound to the ticket the same uploader creates, swept when never bound.
 */
@Entity('attachments')
@Check('attachments_staged_check', `ticket_id IS NOT NULL OR (uploaded_by_id IS NOT NULL AND article_id IS NULL)`)
@Index('attachments_staged_idx', ['createdAt'], { where: 'ticket_id IS NULL' })
@Index('attachments_ticket_idx', ['ticketId'])
// The orphan sweep asks, blob by blob, whether any row still references it.
@Index('attachments_sha256_idx', ['sha256'])
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'attachments_ticket_id_fkey' })
  ticket?: Ticket;
  @Column({ type: 'uuid', nullable: true }) articleId!: string | null;
  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'attachments_article_id_fkey' })
  article?: Article;
  @Column({ type: 'text' }) fileName!: string;
  @Column({ type: 'text' }) contentType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'uuid', nullable: true }) uploadedById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * One outgoing e-mail, rendered when its outbox event is relayed and sent later by the worker.
 * Unique per (event, template, address): a redelivered event queues nothing twice.
 */
@Entity('mail_messages')
@Check('mail_messages_status_check', `status IN ('queued', 'sent', 'failed')`)
@Index('mail_messages_event_recipient_key', ['eventId', 'template', 'toAddress'], { unique: true })
@Index('mail_messages_due_idx', { synchronize: false })
export class MailMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The outbox event that caused it; null for mail sent outside the outbox (none yet). */
  @Column({ type: 'bigint', nullable: true }) eventId!: string | null;
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'text' }) toAddress!: string;
  @Column({ type: 'uuid', nullable: true }) recipientId!: string | null;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) html!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text', default: 'queued' }) status!: MailStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'text', nullable: true }) messageId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

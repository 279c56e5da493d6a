import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: side effects (notifications, e-mails, timers) are rows written with the
 * change; the worker's relay turns them into jobs and marks them published.
 */
@Entity('outbox')
@Index('outbox_unpublished_idx', { synchronize: false })
export class OutboxEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ type: 'text' }) event!: string;
  @Column({ type: 'text' }) aggregateType!: string;
  @Column({ type: 'text' }) aggregateId!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
}

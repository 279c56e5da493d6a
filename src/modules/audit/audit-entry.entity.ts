import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per changed field (or per create/delete), written in the transaction of the change. */
@Entity('audit_log')
@Index('audit_log_entity_idx', ['entity', 'entityId', 'at'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Index('audit_log_at_idx')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) entity!: string;
  @Column({ type: 'text' }) entityId!: string;
  @Column({ type: 'text' }) action!: 'create' | 'update' | 'delete';
  @Column({ type: 'text', nullable: true }) field!: string | null;
  @Column({ type: 'jsonb', nullable: true }) oldValue!: unknown;
  @Column({ type: 'jsonb', nullable: true }) newValue!: unknown;
  @Column({ type: 'text', nullable: true }) requestId!: string | null;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TokenScope } from '../../../common/auth/actor';
import { User } from './user.entity';

/** Personal API token (Bearer) for integrations; shown once, stored as SHA-256. */
@Entity('api_tokens')
@Check('api_tokens_scope_check', `scope IN ('read_only', 'read_write')`)
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('api_tokens_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'api_tokens_user_id_fkey' })
  user?: User;
  @Column({ type: 'text' }) name!: string;
  @Index('api_tokens_token_hash_key', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;
  /** First characters of the token, so a user can tell tokens apart. */
  @Column({ type: 'text' }) prefix!: string;
  /** read_only tokens may only use GET/HEAD/OPTIONS; the access guard enforces it. */
  @Column({ type: 'text', default: 'read_write' }) scope!: TokenScope;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

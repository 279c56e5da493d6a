import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '../../../common/auth/roles';

// Hand-written in SearchPeopleAndTicketRequesters (an expression index); synchronize:false keeps the drift check quiet.
@Index('users_search_trgm_idx', { synchronize: false })
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-cased; unique. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email!: string;
  @Column({ type: 'text' }) fullName!: string;
  @Column({ type: 'text', select: false }) passwordHash!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles!: Role[];
  @Index('users_organisation_id_idx')
  @ForeignKey('organisations', { name: 'users_organisation_id_fkey', onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;
  @Column({ type: 'boolean', default: false }) isVip!: boolean;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'boolean', default: true }) isActive!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) passwordChangedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

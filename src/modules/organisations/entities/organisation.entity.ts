import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['dependency', 'responsible_unit', 'area'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Dependencia/entidad → Unidad Responsable (UR) → área: one table, a kind and a parent. */
@Entity('organisations')
@Check('organisations_kind_check', `kind IN ('dependency', 'responsible_unit', 'area')`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: OrganisationKind;
  @Index('organisations_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;
  @Column({ type: 'text' }) name!: string;
  @Index('organisations_parent_id_idx')
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'organisations_parent_id_fkey' })
  parent?: Organisation;
  @Column({ type: 'boolean', default: true }) isActive!: boolean;
  /** Titular of the organisation: approves requests that need the requester's head (GCS approvals). */
  @Column({ type: 'uuid', nullable: true }) headUserId!: string | null;
  /** Shared mailbox of the organisation (an owner area hears about its catalog services here). */
  @Column({ type: 'text', nullable: true }) email!: string | null;
  /** When set on a responsible unit, its requesters may see each other's tickets (SPEC *Security*). */
  @Column({ type: 'boolean', default: false }) requestersSeeUnitTickets!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

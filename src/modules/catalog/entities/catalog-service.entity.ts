import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Team } from '../../identity/entities/team.entity';

export const SERVICE_TYPES = ['incident', 'service_request', 'both'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_STATUSES = ['draft', 'active', 'retired'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * Minimal catalog service record (issue 4 needs it to classify tickets); the catalog issue
 * extends it into the full service sheet.
 */
@Entity('catalog_services')
@Check('catalog_services_type_check', `type IN ('incident', 'service_request', 'both')`)
@Check('catalog_services_status_check', `status IN ('draft', 'active', 'retired')`)
export class CatalogService {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('catalog_services_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text', nullable: true }) subcategory!: string | null;
  @Column({ type: 'text' }) type!: ServiceType;
  @Column({ type: 'text', default: 'draft' }) status!: ServiceStatus;
  @Column({ type: 'boolean', default: true }) portalOrderable!: boolean;
  @Column({ type: 'uuid', nullable: true }) teamL1Id!: string | null;
  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_l1_id', foreignKeyConstraintName: 'catalog_services_team_l1_id_fkey' })
  teamL1?: Team;
  @Column({ type: 'uuid', nullable: true }) teamL2Id!: string | null;
  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_l2_id', foreignKeyConstraintName: 'catalog_services_team_l2_id_fkey' })
  teamL2?: Team;
  @Column({ type: 'uuid', nullable: true }) teamL3Id!: string | null;
  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_l3_id', foreignKeyConstraintName: 'catalog_services_team_l3_id_fkey' })
  teamL3?: Team;
  @Column({ type: 'uuid', nullable: true }) teamFieldId!: string | null;
  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_field_id', foreignKeyConstraintName: 'catalog_services_team_field_id_fkey' })
  teamField?: Team;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { FormField } from '../request-form.rules';

export const SERVICE_TYPES = ['incident', 'service_request', 'both'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_STATUSES = ['draft', 'active', 'retired'] as const;
export const APPROVALS = ['none', 'requester_head', 'catalog_owner'] as const;
export type Approval = (typeof APPROVALS)[number];
/** Minutes of business time per priority; the SLA module computes due dates from them. */
export type SlaTargets = Partial<Record<'critical' | 'high' | 'medium' | 'low', { responseMinutes: number; resolutionMinutes: number }>>;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * A catalog service and its current sheet (GCS 4.1–4.3). Named ...Record so it never meets the
 * Nest `CatalogService` (the module's use cases) in one file.
 */
@Entity('catalog_services')
@Check('catalog_services_type_check', `type IN ('incident', 'service_request', 'both')`)
@Check('catalog_services_status_check', `status IN ('draft', 'active', 'retired')`)
@Check('catalog_services_approval_check', `approval IN ('none', 'requester_head', 'catalog_owner')`)
export class CatalogServiceRecord {
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
  @ForeignKey('teams', { name: 'catalog_services_team_l1_id_fkey', onDelete: 'SET NULL' }) @Column({ type: 'uuid', nullable: true }) teamL1Id!: string | null;
  @ForeignKey('teams', { name: 'catalog_services_team_l2_id_fkey', onDelete: 'SET NULL' }) @Column({ type: 'uuid', nullable: true }) teamL2Id!: string | null;
  @ForeignKey('teams', { name: 'catalog_services_team_l3_id_fkey', onDelete: 'SET NULL' }) @Column({ type: 'uuid', nullable: true }) teamL3Id!: string | null;
  @ForeignKey('teams', { name: 'catalog_services_team_field_id_fkey', onDelete: 'SET NULL' }) @Column({ type: 'uuid', nullable: true }) teamFieldId!:
    string | null;
  /** Área responsable: the organisation that owns the service and hears about its changes. */
  @ForeignKey('organisations', { name: 'catalog_services_owner_organisation_id_fkey', onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  ownerOrganisationId!: string | null;
  /** Minimum days between the request and the dates it asks for (event support: 15, GCS). */
  @Column({ type: 'integer', default: 0 }) leadTimeDays!: number;
  @Column({ type: 'text', default: 'none' }) approval!: Approval;
  /** The business calendar its SLA clocks run on (the sla module's business_calendars.code). */
  @ForeignKey('business_calendars', 'code', { name: 'catalog_services_calendar_code_fkey', onDelete: 'RESTRICT' })
  @Column({ type: 'text', default: 'mx' })
  calendarCode!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) slaTargets!: SlaTargets;
  /** When set, only the listed organisations (and those under them) may see and order it. */
  @Column({ type: 'boolean', default: false }) restricted!: boolean;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) allowedOrganisationIds!: string[];
  /** The request form being edited; a publish freezes it into a version. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) form!: FormField[];
  /** 0 until first published; each publish or edit of an active service adds one. */
  @Column({ type: 'integer', default: 0 }) publishedVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

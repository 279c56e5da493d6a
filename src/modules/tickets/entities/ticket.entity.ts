import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { SupportLevel } from '../../../common/auth/roles';
import type { Level, Priority } from '../priority.rules';
import type { PendingReason, TicketState } from '../ticket-state.rules';

export const TICKET_TYPES = ['incident', 'service_request', 'complaint'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const CHANNELS = ['portal', 'email', 'phone', 'letter', 'e_signature', 'walk_in', 'field'] as const;
export type Channel = (typeof CHANNELS)[number];

@Entity('tickets')
@Check('tickets_state_check', `state IN ('new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'declined', 'cancelled')`)
@Check('tickets_type_check', `type IN ('incident', 'service_request', 'complaint')`)
@Check('tickets_priority_check', `priority IN ('critical', 'high', 'medium', 'low')`)
// Hand-written in the migration (TypeORM cannot express them); synchronize:false keeps the drift check quiet.
@Index('tickets_search_idx', { synchronize: false })
@Index('tickets_public_search_idx', { synchronize: false })
@Index('tickets_title_trgm_idx', { synchronize: false })
@Index('tickets_number_pattern_idx', { synchronize: false })
@Index('tickets_team_queue_idx', { synchronize: false })
@Index('tickets_assignee_queue_idx', { synchronize: false })
@Index('tickets_created_idx', { synchronize: false })
@Index('tickets_title_lower_idx', { synchronize: false })
@Index('tickets_approver_idx', { synchronize: false })
@Index('tickets_pending_until_idx', ['pendingUntil'], { where: 'pending_until IS NOT NULL AND pending_reminded_at IS NULL' })
@Index('tickets_requester_idx', ['requesterId', 'createdAt'])
@Index('tickets_unit_idx', ['unitId', 'createdAt'])
export class Ticket {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('tickets_number_key', { unique: true })
  @Column({ type: 'text' })
  number!: string;
  @Column({ type: 'text' }) type!: TicketType;
  @Column({ type: 'text' }) channel!: Channel;
  @ForeignKey('users', { name: 'tickets_requester_id_fkey', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) requesterId!: string;
  @ForeignKey('users', { name: 'tickets_created_by_id_fkey', onDelete: 'RESTRICT' }) @Column({ type: 'uuid' }) createdById!: string;
  /** The requester's organisation when the ticket was opened. */
  @ForeignKey('organisations', { name: 'tickets_organisation_id_fkey', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) organisationId!:
    string | null;
  /** The responsible unit (UR) above that organisation: indicators and unit visibility group by it. */
  @ForeignKey('organisations', { name: 'tickets_unit_id_fkey', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) unitId!: string | null;
  @Index('tickets_service_id_idx')
  @ForeignKey('catalog_services', { name: 'tickets_service_id_fkey', onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  serviceId!: string | null;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) impact!: Level;
  @Column({ type: 'text' }) urgency!: Level;
  @Column({ type: 'text' }) priority!: Priority;
  @Column({ type: 'text', default: 'new' }) state!: TicketState;
  @Column({ type: 'text', nullable: true }) pendingReason!: PendingReason | null;
  /** "Pendiente hasta": when the assignee is reminded of a pending ticket (cleared when it leaves Pendiente). */
  @Column({ type: 'timestamptz', nullable: true }) pendingUntil!: Date | null;
  /** Set once, by the reminder sweeper's conditional UPDATE: the reminder fires exactly once. */
  @Column({ type: 'timestamptz', nullable: true }) pendingRemindedAt!: Date | null;
  @ForeignKey('teams', { name: 'tickets_team_id_fkey', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) teamId!: string | null;
  @ForeignKey('users', { name: 'tickets_assignee_id_fkey', onDelete: 'RESTRICT' }) @Column({ type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ type: 'text', default: '1' }) supportLevel!: SupportLevel;
  /** The 2nd-level team a ticket came from when it went to 3rd level: it validates the solution (GIS 2.3 act. 6). */
  @ForeignKey('teams', { name: 'tickets_escalated_from_team_id_fkey', onDelete: 'SET NULL' }) @Column({ type: 'uuid', nullable: true }) escalatedFromTeamId!:
    string | null;
  @Column({ type: 'boolean', default: false }) isMajor!: boolean;
  @Column({ type: 'text', nullable: true }) letterNumber!: string | null;
  @Column({ type: 'text', nullable: true }) letterAnswer!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) letterAnsweredAt!: Date | null;
  @Column({ type: 'text', nullable: true }) solution!: string | null;
  /** A 3rd-level solution awaiting 2nd-level validation (GIS 2.3 activity 6). */
  @Column({ type: 'text', nullable: true }) proposedSolution!: string | null;
  @Column({ type: 'text', nullable: true }) closeReason!: string | null;
  @Column({ type: 'integer', default: 0 }) reopenCount!: number;
  @Column({ type: 'timestamptz', nullable: true }) firstResponseAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  /** SLA due dates; the SLA issue computes them in business time. */
  @Column({ type: 'timestamptz', nullable: true }) responseDueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolutionDueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) hierarchicalEscalatedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) mergedIntoId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'tickets_merged_into_id_fkey' })
  mergedInto?: Ticket;
  /** Request-form answers and the form version they were validated against (catalog issue). */
  /** Approval step for services that require it: who decides, and how it stands. */
  @ForeignKey('users', { name: 'tickets_approver_id_fkey', onDelete: 'SET NULL' }) @Column({ type: 'uuid', nullable: true }) approverId!: string | null;
  @Column({ type: 'text', nullable: true }) approvalStatus!: 'pending' | 'approved' | 'rejected' | null;
  @Column({ type: 'jsonb', nullable: true }) formData!: Record<string, unknown> | null;
  @Column({ type: 'integer', nullable: true }) formVersion!: number | null;
  @Column({ type: 'tsvector', nullable: true, select: false }) searchVector!: string | null;
  @Column({ type: 'tsvector', nullable: true, select: false }) publicSearchVector!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

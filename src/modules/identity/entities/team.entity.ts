import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { User } from './user.entity';
import type { SupportLevel } from '../../../common/auth/roles';

/** Resolver group (grupo resolutor) with a coordinator, tagged with its support level. */
@Entity('teams')
@Check('teams_support_level_check', `support_level IN ('1', '2', '3', 'field')`)
export class Team {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('teams_name_key', { unique: true })
  @Column({ type: 'text' })
  name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) supportLevel!: SupportLevel;
  @Column({ type: 'uuid', nullable: true }) coordinatorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'teams_coordinator_id_fkey' })
  coordinator?: User;
  @Column({ type: 'boolean', default: true }) isActive!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

@Entity('team_members')
export class TeamMember {
  @PrimaryColumn({ type: 'uuid' }) teamId!: string;
  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'team_members_team_id_fkey' })
  team?: Team;
  @Index('team_members_user_id_idx')
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'team_members_user_id_fkey' })
  user?: User;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

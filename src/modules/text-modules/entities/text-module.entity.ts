import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { TextModuleScope } from '../text-module.rules';

/** A canned response agents insert into replies and notes (text-module.rules.ts). */
@Entity('text_modules')
@Check('text_modules_scope_check', `scope IN ('global', 'team')`)
@Check('text_modules_team_check', `(scope = 'team') = (team_id IS NOT NULL)`)
export class TextModule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) keywords!: string[];
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text' }) scope!: TextModuleScope;
  @Index('text_modules_team_id_idx')
  @ForeignKey('teams', { name: 'text_modules_team_id_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;
  @Column({ type: 'boolean', default: true }) isActive!: boolean;
  @Column({ type: 'uuid', nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An agent's named queue filter. */
@Entity('saved_filters')
@Index('saved_filters_user_name_key', ['userId', 'name'], { unique: true })
export class SavedFilter {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ForeignKey('users', { name: 'saved_filters_user_id_fkey', onDelete: 'CASCADE' }) @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'jsonb' }) query!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/** An agent's named queue filter. */
@Entity('saved_filters')
@Index('saved_filters_user_name_key', ['userId', 'name'], { unique: true })
export class SavedFilter {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'saved_filters_user_id_fkey' })
  user?: User;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'jsonb' }) query!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Level, Priority } from '../priority.rules';

/** One cell of the impact × urgency matrix; admins edit it (seeded with DEFAULT_MATRIX). */
@Entity('priority_matrix')
export class PriorityMatrixEntry {
  @PrimaryColumn({ type: 'text' }) impact!: Level;
  @PrimaryColumn({ type: 'text' }) urgency!: Level;
  @Column({ type: 'text' }) priority!: Priority;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

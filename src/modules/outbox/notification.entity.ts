import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** In-app notification; unique per (event, recipient) so a redelivered event notifies once. */
@Entity('notifications')
@Index('notifications_event_recipient_key', ['eventId', 'recipientId'], { unique: true })
@Index('notifications_recipient_idx', ['recipientId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint' }) eventId!: string;
  @Column({ type: 'uuid' }) recipientId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text', nullable: true }) link!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

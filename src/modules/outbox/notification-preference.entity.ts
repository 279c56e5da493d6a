import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A user's chosen channel for one notification kind; no row means the kind's default (notification-preferences.rules). */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @PrimaryColumn({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) channel!: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last sign of life of each worker process, written by the heartbeat job. */
@Entity('worker_heartbeats')
export class WorkerHeartbeat {
  @PrimaryColumn({ type: 'text' }) workerId!: string;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz' }) lastBeatAt!: Date;
  @Column({ type: 'integer', default: 0 }) beats!: number;
}

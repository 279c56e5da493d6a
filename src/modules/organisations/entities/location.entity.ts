import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/** A physical site of an organisation; field dispatch (GIS 2.4) ranks technicians by it. */
@Entity('locations')
export class Location {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('locations_organisation_id_idx')
  @Column({ type: 'uuid' })
  organisationId!: string;
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'locations_organisation_id_fkey' })
  organisation?: Organisation;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) building!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text' }) municipality!: string;
  @Column({ type: 'text', nullable: true }) state!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CatalogServiceRecord } from './catalog-service.entity';

/** A published version of a service sheet and its form: tickets keep the version they were opened with. */
@Entity('catalog_service_versions')
@Index('catalog_service_versions_key', ['serviceId', 'version'], { unique: true })
export class CatalogServiceVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) serviceId!: string;
  @ManyToOne(() => CatalogServiceRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'catalog_service_versions_service_id_fkey' })
  service?: CatalogServiceRecord;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) snapshot!: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) publishedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) publishedById!: string | null;
}

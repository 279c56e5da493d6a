import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { violatedConstraint } from '../../common/infra/db-errors';
import { pageOf, type Page } from '../../common/http/pagination';
import { diffFields, snapshot } from '../audit/audit.rules';
import { AuditService } from '../audit/audit.service';
import type { CreateServiceBody, ServiceListQuery, UpdateServiceBody } from './dto/catalog.dto';
import { CatalogService as Service } from './entities/catalog-service.entity';

const FIELDS = ['code', 'name', 'description', 'category', 'subcategory', 'type', 'status', 'portalOrderable', 'teamL1Id', 'teamL2Id', 'teamL3Id', 'teamFieldId'] as const;
export type ServiceDto = Pick<Service, (typeof FIELDS)[number] | 'id' | 'version'>;
const toDto = (s: Service): ServiceDto => ({ id: s.id, version: s.version, ...snapshot(s, FIELDS) }) as ServiceDto;

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Staff see every service; everyone else only active, portal-orderable ones. */
  async list(q: ServiceListQuery, audience: 'staff' | 'requester'): Promise<Page<ServiceDto>> {
    const qb = this.dataSource.getRepository(Service).createQueryBuilder('s');
    if (audience === 'requester') qb.andWhere(`s.status = 'active' AND s.portal_orderable`);
    else if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.category) qb.andWhere('s.category = :category', { category: q.category });
    if (q.q) qb.andWhere('(s.name ILIKE :q OR s.code ILIKE :q)', { q: `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    qb.orderBy('s.category').addOrderBy('s.name').skip((q.page - 1) * q.pageSize).take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(toDto), total, q);
  }

  async get(id: string): Promise<ServiceDto> {
    return toDto(await this.find(this.dataSource.manager, id));
  }

  /** For ticket registration: the service must exist and be active (GIS 2.1 reception check). */
  async requireActive(m: EntityManager, id: string, field: string): Promise<ServiceDto> {
    const s = await m.getRepository(Service).findOneBy({ id });
    if (!s) throw new MesaError('TICKET_SERVICE_UNAVAILABLE', 'El servicio no existe en el catálogo.', { field });
    if (s.status !== 'active') throw new MesaError('TICKET_SERVICE_UNAVAILABLE', 'El servicio no está activo en el catálogo (borrador o dado de baja).', { field });
    return toDto(s);
  }

  async create(actor: Actor, body: CreateServiceBody): Promise<ServiceDto> {
    return this.dataSource.transaction(async (m) => {
      const s = m.create(Service, { ...body, status: body.status ?? 'draft' });
      await this.save(m, s);
      await this.audit.record(m, actor, { entity: 'catalog_service', entityId: s.id, action: 'create', snapshot: snapshot(s, FIELDS) });
      return toDto(s);
    });
  }

  async update(actor: Actor, id: string, body: UpdateServiceBody): Promise<ServiceDto> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.find(m, id, true);
      if (body.version !== undefined && body.version !== s.version) {
        throw new MesaError('RECORD_VERSION_CONFLICT', 'El servicio fue modificado por otra persona.', { field: 'version' });
      }
      const before = { ...s };
      const { version: _v, ...changes } = body;
      Object.assign(s, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
      const diff = diffFields(before, s, FIELDS);
      if (diff.length) {
        await this.save(m, s);
        await this.audit.record(m, actor, { entity: 'catalog_service', entityId: id, action: 'update', changes: diff });
      }
      return toDto(s);
    });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<Service> {
    const s = await m.getRepository(Service).findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!s) throw new MesaError('CATALOG_SERVICE_NOT_FOUND', 'No existe el servicio.', { field: 'id' });
    return s;
  }

  private async save(m: EntityManager, s: Service): Promise<void> {
    try {
      await m.save(s);
    } catch (error) {
      const v = violatedConstraint(error);
      if (v?.constraint === 'catalog_services_code_key') throw new MesaError('CATALOG_CODE_TAKEN', 'Ya existe un servicio con esa clave.', { field: 'code' });
      if (v?.kind === 'foreign_key') throw new MesaError('VALIDATION_FAILED', 'El equipo de soporte indicado no existe.', { field: v.constraint.replace('catalog_services_', '').replace('_fkey', '').replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()) });
      throw error;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { violatedConstraint } from '../../common/infra/db-errors';
import { pageOf, type Page } from '../../common/http/pagination';
import { diffFields, snapshot } from '../audit/audit.rules';
import { AuditService } from '../audit/audit.service';
import type { CreateLocationBody, CreateOrganisationBody, OrganisationListQuery, UpdateLocationBody, UpdateOrganisationBody } from './dto/organisations.dto';
import { Location } from './entities/location.entity';
import { Organisation, type OrganisationKind } from './entities/organisation.entity';
import { checkParent } from './organisation.rules';
import { unitIdOf } from './organisations.sql';

export type OrganisationDto = {
  id: string;
  kind: OrganisationKind;
  code: string;
  name: string;
  parentId: string | null;
  isActive: boolean;
  requestersSeeUnitTickets: boolean;
  headUserId: string | null;
  email: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type LocationDto = {
  id: string;
  organisationId: string;
  name: string;
  building: string | null;
  address: string | null;
  municipality: string;
  state: string | null;
  version: number;
};

const ORG_FIELDS = ['kind', 'code', 'name', 'parentId', 'isActive', 'requestersSeeUnitTickets', 'headUserId', 'email'] as const;
const LOCATION_FIELDS = ['organisationId', 'name', 'building', 'address', 'municipality', 'state'] as const;

/**
 * How organisations learn which titulars are active users. Users belong to identity, which sits
 * above organisations (a user belongs to an organisation), so identity registers this at start-up
 * (UserDirectory) instead of organisations reading its table.
 */
export type TitularDirectory = { activeAmong(m: EntityManager, ids: string[]): Promise<Set<string>> };

@Injectable()
export class OrganisationsService {
  private titulars: TitularDirectory | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  useTitularDirectory(directory: TitularDirectory): void {
    this.titulars = directory;
  }

  private titularDirectory(): TitularDirectory {
    if (!this.titulars) throw new Error('No titular directory: IdentityModule registers it; import it beside OrganisationsModule');
    return this.titulars;
  }

  async list(q: OrganisationListQuery): Promise<Page<OrganisationDto>> {
    const qb = this.dataSource.getRepository(Organisation).createQueryBuilder('o');
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    if (q.parentId) qb.andWhere('o.parent_id = :parentId', { parentId: q.parentId });
    if (q.isActive !== undefined) qb.andWhere('o.is_active = :active', { active: q.isActive });
    if (q.q) qb.andWhere('(o.name ILIKE :q OR o.code ILIKE :q)', { q: `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    qb.orderBy('o.name')
      .addOrderBy('o.id')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(toDto), total, q);
  }

  async get(id: string): Promise<OrganisationDto & { locations: LocationDto[] }> {
    const org = await this.find(this.dataSource.manager, id);
    const locations = await this.dataSource.getRepository(Location).find({ where: { organisationId: id }, order: { name: 'ASC' } });
    return { ...toDto(org), locations: locations.map(toLocationDto) };
  }

  /** For other modules: the minimal shape they may show (used by /me). */
  async summary(id: string): Promise<{ id: string; name: string; kind: OrganisationKind } | null> {
    const org = await this.dataSource.getRepository(Organisation).findOne({ select: { id: true, name: true, kind: true }, where: { id } });
    return org ? { id: org.id, name: org.name, kind: org.kind } : null;
  }

  /** Every organisation's id and code (catalog import/export name organisations by code). */
  async codes(m: EntityManager = this.dataSource.manager): Promise<{ id: string; code: string }[]> {
    return m.getRepository(Organisation).find({ select: { id: true, code: true } });
  }

  /** An organisation's shared mailbox and titular (as stored: the caller checks the titular is active). */
  async mailboxOf(id: string, m: EntityManager = this.dataSource.manager): Promise<{ name: string; email: string | null; headUserId: string | null } | null> {
    const org = await m.getRepository(Organisation).findOne({ select: { id: true, name: true, email: true, headUserId: true }, where: { id } });
    return org ? { name: org.name, email: org.email, headUserId: org.headUserId } : null;
  }

  /**
   * The responsible unit (UR) an organisation belongs to: itself for a UR, its parent for an
   * area, none for a dependency. `sharesTickets` says whether its requesters see each other's tickets.
   */
  async unitOf(organisationId: string | null, m: EntityManager = this.dataSource.manager): Promise<{ unitId: string | null; sharesTickets: boolean }> {
    if (!organisationId) return { unitId: null, sharesTickets: false };
    const rows: { id: string; shares: boolean }[] = await m.query(
      `SELECT u.id, u.requesters_see_unit_tickets AS shares
         FROM organisations o
         JOIN organisations u ON u.id = ${unitIdOf('o')}
        WHERE o.id = $1`,
      [organisationId],
    );
    return rows[0] ? { unitId: rows[0].id, sharesTickets: rows[0].shares } : { unitId: null, sharesTickets: false };
  }

  /**
   * The organisation and everything above it, nearest first, each with its titular (null when it
   * has none or the titular is disabled): what the approval walk needs to skip the requester.
   */
  async headChain(organisationId: string | null, m: EntityManager = this.dataSource.manager): Promise<{ organisationId: string; headUserId: string | null }[]> {
    if (!organisationId) return [];
    const rows = (await m.query(
      `WITH RECURSIVE up(id, parent_id, head_user_id, depth) AS (SELECT id, parent_id, head_user_id, 0 FROM organisations WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id, o.head_user_id, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id)
       SELECT up.id AS organisation_id, up.head_user_id FROM up ORDER BY depth`,
      [organisationId],
    )) as { organisation_id: string; head_user_id: string | null }[];
    const active = await this.titularDirectory().activeAmong(
      m,
      rows.flatMap((r) => (r.head_user_id ? [r.head_user_id] : [])),
    );
    return rows.map((r) => ({ organisationId: r.organisation_id, headUserId: r.head_user_id && active.has(r.head_user_id) ? r.head_user_id : null }));
  }

  private async assertActiveUser(m: EntityManager, id: string): Promise<void> {
    if (!(await this.titularDirectory().activeAmong(m, [id])).has(id))
      throw new MesaError('VALIDATION_FAILED', 'El titular indicado no existe o está deshabilitado.', { field: 'headUserId' });
  }

  /** The organisation and everything above it (area → UR → dependency). */
  async ancestorsOf(organisationId: string | null, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!organisationId) return [];
    const rows = (await m.query(
      `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM organisations WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id)
       SELECT id FROM up`,
      [organisationId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async assertExists(m: EntityManager, id: string, field: string): Promise<void> {
    if (!(await m.getRepository(Organisation).exists({ where: { id } }))) {
      throw new MesaError('VALIDATION_FAILED', 'No existe la organización indicada.', { field });
    }
  }

  async create(actor: Actor, body: CreateOrganisationBody): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (m) => {
      await this.assertParent(m, body.kind, body.parentId ?? null);
      if (body.headUserId) await this.assertActiveUser(m, body.headUserId);
      const org = m.create(Organisation, {
        kind: body.kind,
        code: body.code,
        name: body.name,
        parentId: body.parentId ?? null,
        requestersSeeUnitTickets: body.requestersSeeUnitTickets ?? false,
        headUserId: body.headUserId ?? null,
        email: body.email?.toLowerCase() ?? null,
      });
      await this.save(m, org);
      await this.audit.record(m, actor, { entity: 'organisation', entityId: org.id, action: 'create', snapshot: snapshot(org, ORG_FIELDS) });
      return toDto(org);
    });
  }

  async update(actor: Actor, id: string, body: UpdateOrganisationBody): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (m) => {
      const org = await this.find(m, id, true);
      if (body.version !== undefined && body.version !== org.version) {
        throw new MesaError('RECORD_VERSION_CONFLICT', 'La organización fue modificada por otra persona; recarga y vuelve a intentarlo.', {
          field: 'version',
          extra: { current: toDto(org) },
        });
      }
      if (body.parentId !== undefined && body.parentId !== org.parentId) await this.assertParent(m, org.kind, body.parentId);
      if (body.headUserId) await this.assertActiveUser(m, body.headUserId);
      const before = { ...org };
      const { version: _v, ...changes } = body;
      if (changes.email) changes.email = changes.email.toLowerCase();
      Object.assign(org, changes);
      const diff = diffFields(before, org, ORG_FIELDS);
      if (diff.length) {
        await this.save(m, org);
        await this.audit.record(m, actor, { entity: 'organisation', entityId: id, action: 'update', changes: diff });
      }
      return toDto(org);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const org = await this.find(m, id, true);
      // Locations go with their organisation; each removal is audited like a direct delete.
      const locations = await m.getRepository(Location).find({ where: { organisationId: id } });
      try {
        for (const loc of locations) {
          await m.delete(Location, { id: loc.id });
          await this.audit.record(m, actor, { entity: 'location', entityId: loc.id, action: 'delete', snapshot: snapshot(loc, LOCATION_FIELDS) });
        }
        await m.delete(Organisation, { id });
      } catch (error) {
        if (violatedConstraint(error)?.kind === 'foreign_key') {
          throw new MesaError('ORGANISATION_IN_USE', 'La organización tiene unidades o usuarios asociados; desactívala en lugar de eliminarla.', {
            field: 'id',
          });
        }
        throw error;
      }
      await this.audit.record(m, actor, { entity: 'organisation', entityId: id, action: 'delete', snapshot: snapshot(org, ORG_FIELDS) });
    });
  }

  async listLocations(organisationId: string): Promise<{ items: LocationDto[] }> {
    await this.find(this.dataSource.manager, organisationId);
    const rows = await this.dataSource.getRepository(Location).find({ where: { organisationId }, order: { name: 'ASC' } });
    return { items: rows.map(toLocationDto) };
  }

  async createLocation(actor: Actor, organisationId: string, body: CreateLocationBody): Promise<LocationDto> {
    return this.dataSource.transaction(async (m) => {
      await this.find(m, organisationId);
      const loc = m.create(Location, {
        organisationId,
        name: body.name,
        building: body.building ?? null,
        address: body.address ?? null,
        municipality: body.municipality,
        state: body.state ?? null,
      });
      await m.save(loc);
      await this.audit.record(m, actor, { entity: 'location', entityId: loc.id, action: 'create', snapshot: snapshot(loc, LOCATION_FIELDS) });
      return toLocationDto(loc);
    });
  }

  async updateLocation(actor: Actor, id: string, body: UpdateLocationBody): Promise<LocationDto> {
    return this.dataSource.transaction(async (m) => {
      const loc = await this.findLocation(m, id);
      if (body.version !== undefined && body.version !== loc.version) {
        throw new MesaError('RECORD_VERSION_CONFLICT', 'La ubicación fue modificada por otra persona; recarga y vuelve a intentarlo.', { field: 'version' });
      }
      const before = { ...loc };
      const { version: _v, ...changes } = body;
      Object.assign(loc, changes);
      const diff = diffFields(before, loc, LOCATION_FIELDS);
      if (diff.length) {
        await m.save(loc);
        await this.audit.record(m, actor, { entity: 'location', entityId: id, action: 'update', changes: diff });
      }
      return toLocationDto(loc);
    });
  }

  async removeLocation(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const loc = await this.findLocation(m, id);
      await m.delete(Location, { id });
      await this.audit.record(m, actor, { entity: 'location', entityId: id, action: 'delete', snapshot: snapshot(loc, LOCATION_FIELDS) });
    });
  }

  private async assertParent(m: EntityManager, kind: OrganisationKind, parentId: string | null): Promise<void> {
    const parent = parentId ? await m.getRepository(Organisation).findOneBy({ id: parentId }) : null;
    if (parentId && !parent) throw new MesaError('ORGANISATION_INVALID_PARENT', 'No existe la organización superior indicada.', { field: 'parentId' });
    const check = checkParent(kind, parent);
    if (!check.ok) throw new MesaError('ORGANISATION_INVALID_PARENT', `Organización superior inválida: ${check.reason}.`, { field: 'parentId' });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<Organisation> {
    const org = await m.getRepository(Organisation).findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!org) throw new MesaError('ORGANISATION_NOT_FOUND', 'No existe la organización.', { field: 'id' });
    return org;
  }

  private async findLocation(m: EntityManager, id: string): Promise<Location> {
    const loc = await m.getRepository(Location).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!loc) throw new MesaError('LOCATION_NOT_FOUND', 'No existe la ubicación.', { field: 'id' });
    return loc;
  }

  private async save(m: EntityManager, org: Organisation): Promise<void> {
    try {
      await m.save(org);
    } catch (error) {
      if (violatedConstraint(error)?.constraint === 'organisations_code_key') {
        throw new MesaError('ORGANISATION_CODE_TAKEN', 'Ya existe una organización con esa clave.', { field: 'code' });
      }
      throw error;
    }
  }
}

function toDto(o: Organisation): OrganisationDto {
  return {
    id: o.id,
    kind: o.kind,
    code: o.code,
    name: o.name,
    parentId: o.parentId,
    isActive: o.isActive,
    requestersSeeUnitTickets: o.requestersSeeUnitTickets,
    headUserId: o.headUserId,
    email: o.email,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

function toLocationDto(l: Location): LocationDto {
  return {
    id: l.id,
    organisationId: l.organisationId,
    name: l.name,
    building: l.building,
    address: l.address,
    municipality: l.municipality,
    state: l.state,
    version: l.version,
  };
}

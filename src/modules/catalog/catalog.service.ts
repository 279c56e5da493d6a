import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { violatedConstraint } from '../../common/infra/db-errors';
import { pageOf, type Page } from '../../common/http/pagination';
import { diffFields, snapshot } from '../audit/audit.rules';
import { AuditService } from '../audit/audit.service';
import { UserDirectory } from '../identity/user-directory.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { OutboxService } from '../outbox/outbox.service';
import type { SheetFacts } from './catalog-indicator.rules';
import { type CatalogAction, decideCatalogAction, TEAM_SLOTS, type TeamSlot, teamSlotProblems, visibilityProblem } from './catalog-lifecycle.rules';
import type { CreateServiceBody, ServiceListQuery, UpdateServiceBody } from './dto/catalog.dto';
import { CatalogServiceVersion } from './entities/catalog-service-version.entity';
import { CatalogServiceRecord as Service } from './entities/catalog-service.entity';
import { checkFormDefinition, type FormField, leadTimeContext, validateForm } from './request-form.rules';
import { preparedQuery } from '../../common/infra/prepared';
import { SHEET_FIELDS } from './catalog-fields';
import { ORDERABLE_SQL, type OrderableRow } from './catalog.sql';

const FIELDS = SHEET_FIELDS;
export type ServiceDto = Pick<Service, (typeof FIELDS)[number] | 'id' | 'version' | 'publishedVersion'>;
const toDto = (s: Service): ServiceDto => ({ id: s.id, version: s.version, publishedVersion: s.publishedVersion, ...snapshot(s, FIELDS) }) as ServiceDto;

/** What ticket registration needs from the catalog: the published form and rules in force. */
export type OrderableService = {
  id: string;
  name: string;
  type: Service['type'];
  portalOrderable: boolean;
  approval: Service['approval'];
  ownerOrganisationId: string | null;
  formVersion: number;
  form: FormField[];
  leadTimeDays: number;
};

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly organisations: OrganisationsService,
    private readonly users: UserDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Staff see every service; requesters only active, portal-orderable ones their organisation may order. */
  async list(q: ServiceListQuery, audience: { kind: 'staff' } | { kind: 'requester'; organisationId: string | null }): Promise<Page<ServiceDto>> {
    const qb = this.dataSource.getRepository(Service).createQueryBuilder('s');
    if (audience.kind === 'requester') {
      qb.andWhere(`s.status = 'active' AND s.portal_orderable`);
      qb.andWhere('(NOT s.restricted OR s.allowed_organisation_ids && :orgs::uuid[])', { orgs: await this.organisations.ancestorsOf(audience.organisationId) });
    } else if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.category) qb.andWhere('s.category = :category', { category: q.category });
    if (q.q) qb.andWhere('(s.name ILIKE :q OR s.code ILIKE :q)', { q: `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    qb.orderBy('s.category')
      .addOrderBy('s.name')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(toDto), total, q);
  }

  async get(id: string, audience: { kind: 'staff' } | { kind: 'requester'; organisationId: string | null }): Promise<ServiceDto> {
    const s = await this.find(this.dataSource.manager, id);
    if (audience.kind === 'requester' && (s.status !== 'active' || !s.portalOrderable || !(await this.mayOrder(s, audience.organisationId)))) {
      throw new MesaError('CATALOG_SERVICE_NOT_FOUND', 'No existe el servicio.', { field: 'id' });
    }
    return toDto(s);
  }

  /**
   * Every service's sheet facts, by name: what the "documented services" indicator weighs. Which
   * services have tickets is the tickets module's to say (the catalog never reads tickets).
   */
  async sheets(): Promise<(SheetFacts & { id: string; code: string; name: string })[]> {
    const rows = await this.dataSource.getRepository(Service).find({
      select: { id: true, code: true, name: true, description: true, ownerOrganisationId: true, teamL1Id: true, slaTargets: true, status: true },
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      description: s.description,
      ownerOrganisationId: s.ownerOrganisationId,
      teamL1Id: s.teamL1Id,
      slaTargets: s.slaTargets,
      status: s.status,
    }));
  }

  /** The team a service names for a support level (null without a service or a team there). */
  async teamFor(serviceId: string | null, level: '1' | '2' | '3' | 'field', m: EntityManager = this.dataSource.manager): Promise<string | null> {
    if (!serviceId) return null;
    const s = await m
      .getRepository(Service)
      .findOne({ select: { id: true, teamL1Id: true, teamL2Id: true, teamL3Id: true, teamFieldId: true }, where: { id: serviceId } });
    if (!s) return null;
    return { '1': s.teamL1Id, '2': s.teamL2Id, '3': s.teamL3Id, field: s.teamFieldId }[level];
  }

  /** The form of a published version, to show a ticket's answers with their labels. */
  async formOf(serviceId: string, version: number): Promise<Pick<FormField, 'key' | 'label' | 'type'>[]> {
    const v = await this.dataSource.getRepository(CatalogServiceVersion).findOneBy({ serviceId, version });
    const form = ((v?.snapshot ?? {}) as { form?: FormField[] }).form ?? [];
    return form.map((f) => ({ key: f.key, label: f.label, type: f.type }));
  }

  async versions(id: string) {
    await this.find(this.dataSource.manager, id);
    const rows = await this.dataSource.getRepository(CatalogServiceVersion).find({ where: { serviceId: id }, order: { version: 'DESC' } });
    return { items: rows.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedById: v.publishedById, snapshot: v.snapshot })) };
  }

  /**
   * For ticket registration (GIS 2.1 reception check): the service must be active and, for a
   * requester, open to their organisation; returns the form version in force.
   */
  async requireOrderable(
    m: EntityManager,
    id: string,
    field: string,
    requester: { organisationId: string | null; checkVisibility: boolean },
  ): Promise<OrderableService> {
    const [row] = await preparedQuery<OrderableRow>(m, 'mesa_catalog_orderable', ORDERABLE_SQL, [id, requester.organisationId]);
    return this.orderableFrom(row, field, requester.checkVisibility);
  }

  /** The rules over an orderableSelect() row: it exists (and is visible to the requester) and is active. */
  orderableFrom(s: OrderableRow | null | undefined, field: string, checkVisibility: boolean): OrderableService {
    if (!s || (checkVisibility && !s.may_order)) {
      throw new MesaError('TICKET_SERVICE_UNAVAILABLE', 'El servicio no existe en el catálogo.', { field });
    }
    if (s.status !== 'active')
      throw new MesaError('TICKET_SERVICE_UNAVAILABLE', 'El servicio no está activo en el catálogo (borrador o dado de baja).', { field });
    const snap = (s.snapshot ?? {}) as { form?: FormField[]; leadTimeDays?: number };
    return {
      id: s.id,
      name: s.name,
      type: s.type,
      portalOrderable: s.portal_orderable,
      approval: s.approval,
      ownerOrganisationId: s.owner_organisation_id,
      formVersion: s.published_version,
      form: snap.form ?? [],
      leadTimeDays: snap.leadTimeDays ?? 0,
    };
  }

  /** Validates request-form answers against the version in force, with the lead time from today in the desk's zone. */
  validateRequest(service: OrderableService, formData: Record<string, unknown> | undefined, now = new Date()) {
    const result = validateForm(service.form, formData, leadTimeContext(now, this.config.deskTimeZone, service.leadTimeDays));
    if (!result.ok) throw new MesaError('VALIDATION_FAILED', 'Revisa los datos de la solicitud.', { errors: result.errors });
    return result.values;
  }

  async create(actor: Actor, body: CreateServiceBody): Promise<ServiceDto> {
    return this.dataSource.transaction((m) => this.createIn(m, actor, body));
  }

  async update(actor: Actor, id: string, body: UpdateServiceBody): Promise<ServiceDto> {
    return this.dataSource.transaction((m) => this.updateIn(m, actor, id, body));
  }

  /** Create inside the caller's transaction (the importer applies a whole file in one). */
  async createIn(m: EntityManager, actor: Actor, body: CreateServiceBody): Promise<ServiceDto> {
    this.assertForm(body.form ?? []);
    const { status, ...rest } = body;
    const s = m.create(Service, { ...rest, status: 'draft' });
    this.assertVisibility(s);
    await this.assertTeamSlots(m, s, Object.keys(TEAM_SLOTS) as TeamSlot[]);
    await this.save(m, s);
    await this.audit.record(m, actor, { entity: 'catalog_service', entityId: s.id, action: 'create', snapshot: snapshot(s, FIELDS) });
    if (status === 'active') await this.apply(m, actor, s, 'publish');
    return toDto(s);
  }

  async updateIn(m: EntityManager, actor: Actor, id: string, body: UpdateServiceBody): Promise<ServiceDto> {
    if (body.form) this.assertForm(body.form);
    const s = await this.find(m, id, true);
    if (body.version !== undefined && body.version !== s.version) {
      throw new MesaError('RECORD_VERSION_CONFLICT', 'El servicio fue modificado por otra persona.', { field: 'version' });
    }
    const decision = decideCatalogAction(s.status, 'edit');
    if (!decision.ok) throw new MesaError('CATALOG_ILLEGAL_TRANSITION', decision.message, { extra: { allowed: decision.allowed } });
    const before = { ...s };
    const { version: _v, ...changes } = body;
    Object.assign(s, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
    const diff = diffFields(before, s, FIELDS);
    if (!diff.length) return toDto(s);
    this.assertVisibility(s);
    // Only the slots this edit changes: a team that changed level later does not block other edits.
    await this.assertTeamSlots(
      m,
      s,
      diff.map((d) => d.field).filter((f): f is TeamSlot => f in TEAM_SLOTS),
    );
    await this.save(m, s);
    await this.audit.record(m, actor, { entity: 'catalog_service', entityId: id, action: 'update', changes: diff });
    // Editing an active service publishes a new version; open tickets keep the one they were opened with.
    if (decision.newVersion) await this.freezeVersion(m, actor, s, 'catalog.changed');
    return toDto(s);
  }

  async publish(actor: Actor, id: string): Promise<ServiceDto> {
    return this.act(actor, id, 'publish');
  }

  async retire(actor: Actor, id: string): Promise<ServiceDto> {
    return this.act(actor, id, 'retire');
  }

  async publishIn(m: EntityManager, actor: Actor, id: string): Promise<void> {
    await this.apply(m, actor, await this.find(m, id, true), 'publish');
  }

  private async act(actor: Actor, id: string, action: CatalogAction): Promise<ServiceDto> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.find(m, id, true);
      await this.apply(m, actor, s, action);
      return toDto(s);
    });
  }

  private async apply(m: EntityManager, actor: Actor, s: Service, action: CatalogAction): Promise<void> {
    const decision = decideCatalogAction(s.status, action);
    if (!decision.ok) throw new MesaError('CATALOG_ILLEGAL_TRANSITION', decision.message, { extra: { allowed: decision.allowed } });
    const from = s.status;
    s.status = decision.to;
    await this.save(m, s);
    await this.audit.record(m, actor, {
      entity: 'catalog_service',
      entityId: s.id,
      action: 'update',
      changes: [{ field: 'status', oldValue: from, newValue: decision.to }],
    });
    if (decision.newVersion) await this.freezeVersion(m, actor, s, 'catalog.published');
    else await this.outbox.emit(m, 'catalog.retired', { type: 'catalog_service', id: s.id }, { code: s.code, name: s.name, actorId: actor.userId });
  }

  private async freezeVersion(m: EntityManager, actor: Actor, s: Service, event: 'catalog.published' | 'catalog.changed'): Promise<void> {
    s.publishedVersion += 1;
    await m.update(Service, { id: s.id }, { publishedVersion: s.publishedVersion });
    await m.insert(CatalogServiceVersion, {
      serviceId: s.id,
      version: s.publishedVersion,
      snapshot: snapshot(s, FIELDS) as never,
      publishedById: actor.userId,
    });
    await this.outbox.emit(m, event, { type: 'catalog_service', id: s.id }, { code: s.code, name: s.name, version: s.publishedVersion, actorId: actor.userId });
  }

  private async mayOrder(s: Service, organisationId: string | null, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!s.restricted) return true;
    const chain = await this.organisations.ancestorsOf(organisationId, m);
    return chain.some((id) => s.allowedOrganisationIds.includes(id));
  }

  private async assertTeamSlots(m: EntityManager, s: Service, slots: TeamSlot[]): Promise<void> {
    const chosen = Object.fromEntries(slots.map((slot) => [slot, s[slot] ?? null])) as Partial<Record<TeamSlot, string | null>>;
    const ids = Object.values(chosen).filter((id): id is string => Boolean(id));
    if (!ids.length) return;
    const problems = teamSlotProblems(chosen, await this.users.teamLevels(ids, m));
    if (problems.length) throw new MesaError('VALIDATION_FAILED', 'Cada nivel de soporte lleva un equipo de ese nivel.', { errors: problems });
  }

  private assertVisibility(s: Service): void {
    const problem = visibilityProblem(s);
    if (problem)
      throw new MesaError('VALIDATION_FAILED', 'Revisa la visibilidad del servicio.', { errors: [{ field: 'allowedOrganisationIds', message: problem }] });
  }

  assertForm(form: FormField[]): void {
    const errors = checkFormDefinition(form);
    if (errors.length)
      throw new MesaError('VALIDATION_FAILED', 'El formulario tiene errores.', {
        errors: errors.map((e) => ({ field: e.field.replace(/^fields/, 'form'), message: e.message })),
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
      if (v?.constraint === 'catalog_services_calendar_code_fkey') {
        throw new MesaError('VALIDATION_FAILED', 'No existe un calendario con esa clave; créalo antes en Calendarios.', { field: 'calendarCode' });
      }
      if (v?.kind === 'foreign_key') {
        const field = v.constraint
          .replace('catalog_services_', '')
          .replace('_fkey', '')
          .replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
        throw new MesaError('VALIDATION_FAILED', 'La referencia indicada no existe.', { field });
      }
      throw error;
    }
  }
}

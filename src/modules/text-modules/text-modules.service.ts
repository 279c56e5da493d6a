import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { rolesHave } from '../../common/auth/permissions';
import { MesaError } from '../../common/errors/mesa-error';
import { diffFields, snapshot } from '../audit/audit.rules';
import { AuditService } from '../audit/audit.service';
import { UserDirectory } from '../identity/user-directory.service';
import { TicketsService } from '../tickets/tickets.service';
import type { CreateTextModuleBody, TextModuleListQuery, UpdateTextModuleBody } from './dto/text-modules.dto';
import { TextModule } from './entities/text-module.entity';
import {
  canManageTextModule,
  canSeeTextModule,
  canUseTextModule,
  firstName,
  matchesFilter,
  PLACEHOLDERS,
  renderTextModule,
  textModuleErrors,
  type Viewer,
} from './text-module.rules';

const AUDITED_FIELDS = ['name', 'keywords', 'body', 'scope', 'teamId', 'isActive'] as const;

export type TextModuleDto = {
  id: string;
  name: string;
  keywords: string[];
  body: string;
  scope: TextModule['scope'];
  teamId: string | null;
  teamName: string | null;
  isActive: boolean;
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** Text modules: admins manage the global ones, a team's coordinator that team's; agents insert the ones they may use. */
@Injectable()
export class TextModulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly directory: UserDirectory,
    private readonly tickets: TicketsService,
  ) {}

  private async viewer(actor: Actor, m: EntityManager = this.dataSource.manager): Promise<Viewer> {
    return (await this.viewerAndTeams(actor, m)).viewer;
  }

  /** The viewer, and the active teams they coordinate (the ones whose modules they manage). */
  private async viewerAndTeams(actor: Actor, m: EntityManager = this.dataSource.manager) {
    const [teamIds, coordinated] = await Promise.all([this.directory.teamIdsOf(actor.userId, m), this.directory.activeTeams(actor.userId, m)]);
    const viewer: Viewer = {
      works: rolesHave(actor.roles, 'tickets.work'),
      isAdmin: actor.roles.includes('admin'),
      teamIds,
      coordinatedTeamIds: coordinated.map((t) => t.id),
    };
    return { viewer, coordinated };
  }

  private async teamNames(m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    return new Map((await this.directory.teamNames(m)).map((t) => [t.id, t.name]));
  }

  private toDto(t: TextModule, viewer: Viewer, teams: Map<string, string>): TextModuleDto {
    return {
      id: t.id,
      name: t.name,
      keywords: t.keywords,
      body: t.body,
      scope: t.scope,
      teamId: t.teamId,
      teamName: t.teamId ? (teams.get(t.teamId) ?? null) : null,
      isActive: t.isActive,
      canManage: canManageTextModule(t, viewer),
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      version: t.version,
    };
  }

  async list(actor: Actor, q: TextModuleListQuery) {
    const { viewer, coordinated } = await this.viewerAndTeams(actor);
    // A desk has tens or hundreds of modules: filtering them here keeps the access rule in one place.
    const rows = await this.dataSource.getRepository(TextModule).find({ order: { name: 'ASC', id: 'ASC' } });
    const allowed = q.view === 'use' ? (t: TextModule) => canUseTextModule(t, viewer) : (t: TextModule) => canManageTextModule(t, viewer);
    const teams = await this.teamNames();
    const manageableTeams = viewer.isAdmin ? await this.directory.activeTeams() : coordinated;
    return {
      items: rows.filter((t) => allowed(t) && (!q.q || matchesFilter(t, q.q))).map((t) => this.toDto(t, viewer, teams)),
      placeholders: [...PLACEHOLDERS],
      manageableTeams,
      canManageGlobal: viewer.isAdmin,
    };
  }

  async get(actor: Actor, id: string): Promise<TextModuleDto> {
    const viewer = await this.viewer(actor);
    const row = await this.find(this.dataSource.manager, id);
    if (!canSeeTextModule(row, viewer)) throw notFound();
    return this.toDto(row, viewer, await this.teamNames());
  }

  async create(actor: Actor, body: CreateTextModuleBody): Promise<TextModuleDto> {
    const input = { name: body.name, keywords: body.keywords, body: body.body, scope: body.scope, teamId: body.teamId ?? null };
    assertValid(textModuleErrors(input));
    return this.dataSource.transaction(async (m) => {
      const viewer = await this.viewer(actor, m);
      if (input.teamId && !(await this.directory.teamFacts(input.teamId, m))) {
        throw new MesaError('VALIDATION_FAILED', 'El equipo no existe.', { field: 'teamId' });
      }
      if (!canManageTextModule(input, viewer)) throw forbidden(input.scope);
      const row = m.create(TextModule, {
        ...clean(input),
        scope: input.scope,
        teamId: input.teamId,
        isActive: body.isActive ?? true,
        createdById: actor.userId,
      });
      await m.save(row);
      await this.audit.record(m, actor, { entity: 'text_module', entityId: row.id, action: 'create', snapshot: snapshot(row, AUDITED_FIELDS) });
      return this.toDto(row, viewer, await this.teamNames(m));
    });
  }

  async update(actor: Actor, id: string, body: UpdateTextModuleBody): Promise<TextModuleDto> {
    return this.dataSource.transaction(async (m) => {
      const viewer = await this.viewer(actor, m);
      const row = await this.find(m, id, true);
      if (!canManageTextModule(row, viewer)) throw canSeeTextModule(row, viewer) ? forbidden(row.scope) : notFound();
      if (body.version !== row.version) {
        throw new MesaError('RECORD_VERSION_CONFLICT', 'Otra persona modificó el módulo de texto; recarga y vuelve a intentar.', { field: 'version' });
      }
      const next = { name: body.name ?? row.name, keywords: body.keywords ?? row.keywords, body: body.body ?? row.body, scope: row.scope, teamId: row.teamId };
      assertValid(textModuleErrors(next));
      const before = { ...row };
      Object.assign(row, clean(next), body.isActive === undefined ? {} : { isActive: body.isActive });
      await m.save(row);
      await this.audit.record(m, actor, { entity: 'text_module', entityId: row.id, action: 'update', changes: diffFields(before, row, AUDITED_FIELDS) });
      return this.toDto(row, viewer, await this.teamNames(m));
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const viewer = await this.viewer(actor, m);
      const row = await this.find(m, id, true);
      if (!canManageTextModule(row, viewer)) throw canSeeTextModule(row, viewer) ? forbidden(row.scope) : notFound();
      await this.audit.record(m, actor, { entity: 'text_module', entityId: row.id, action: 'delete', snapshot: snapshot(row, AUDITED_FIELDS) });
      await m.delete(TextModule, { id });
    });
  }

  /**
   * The module's body filled for a ticket the caller may read (TicketsService.get checks the row
   * scope): only requester-visible fields go in, since the text usually becomes a public reply.
   */
  async render(actor: Actor, id: string, ticketId: string): Promise<{ body: string }> {
    const viewer = await this.viewer(actor);
    const row = await this.find(this.dataSource.manager, id);
    if (!canUseTextModule(row, viewer)) throw notFound();
    const ticket = await this.tickets.get(actor, ticketId);
    const agent = (await this.directory.namesOf([actor.userId])).get(actor.userId) ?? '';
    return {
      body: renderTextModule(row.body, {
        'requester.name': ticket.names.requester,
        'requester.firstName': firstName(ticket.names.requester),
        'ticket.number': ticket.number,
        'ticket.title': ticket.title,
        'ticket.service': ticket.names.service ?? '',
        'agent.name': agent,
        'agent.firstName': firstName(agent),
      }),
    };
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<TextModule> {
    const row = await m.getRepository(TextModule).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row) throw notFound();
    return row;
  }
}

const clean = (m: { name: string; keywords: string[]; body: string }) => ({ name: m.name.trim(), keywords: m.keywords.map((k) => k.trim()), body: m.body });

function assertValid(errors: { field: string; message: string }[]): void {
  if (errors.length) throw new MesaError('VALIDATION_FAILED', 'Revisa los datos del módulo de texto.', { errors });
}

const notFound = () => new MesaError('TEXT_MODULE_NOT_FOUND', 'No existe el módulo de texto.', { field: 'id' });
const forbidden = (scope: string) =>
  new MesaError(
    'TEXT_MODULE_FORBIDDEN',
    scope === 'global'
      ? 'Solo un administrador gestiona los módulos de texto globales.'
      : 'Solo un administrador o el coordinador del equipo gestiona sus módulos de texto.',
  );

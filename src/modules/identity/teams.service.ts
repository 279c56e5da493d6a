import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import type { SupportLevel } from '../../common/auth/roles';
import { MesaError } from '../../common/errors/mesa-error';
import { violatedConstraint } from '../../common/infra/db-errors';
import { pageOf, type Page } from '../../common/http/pagination';
import { diffFields, snapshot } from '../audit/audit.rules';
import { AuditService } from '../audit/audit.service';
import type { CreateTeamBody, TeamListQuery, UpdateTeamBody } from './dto/identity.dto';
import { Team, TeamMember } from './entities/team.entity';
import { User } from './entities/user.entity';
import { SessionsService } from './sessions.service';

export type TeamDto = {
  id: string;
  name: string;
  description: string | null;
  supportLevel: SupportLevel;
  coordinatorId: string | null;
  isActive: boolean;
  memberIds: string[];
  version: number;
};

const AUDITED_TEAM_FIELDS = ['name', 'description', 'supportLevel', 'coordinatorId', 'isActive'] as const;

@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * A team's members and coordinator see its tickets: once a change commits, tell their open live
   * streams (which hold the ticket scope they started with) to read their scope again.
   */
  private announce(userIds: Iterable<string | null | undefined>): void {
    for (const userId of new Set(userIds)) if (userId) this.sessions.announceCommitted({ userId });
  }

  async list(q: TeamListQuery): Promise<Page<TeamDto>> {
    const qb = this.dataSource.getRepository(Team).createQueryBuilder('t');
    if (q.supportLevel) qb.andWhere('t.support_level = :level', { level: q.supportLevel });
    if (q.q) qb.andWhere('t.name ILIKE :q', { q: `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    qb.orderBy('t.name')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [teams, total] = await qb.getManyAndCount();
    const members = await this.membersOf(
      this.dataSource.manager,
      teams.map((t) => t.id),
    );
    return pageOf(
      teams.map((t) => toDto(t, members.get(t.id) ?? [])),
      total,
      q,
    );
  }

  async get(id: string): Promise<TeamDto> {
    const team = await this.find(this.dataSource.manager, id);
    return toDto(team, (await this.membersOf(this.dataSource.manager, [id])).get(id) ?? []);
  }

  async create(actor: Actor, body: CreateTeamBody): Promise<TeamDto> {
    const created = await this.dataSource.transaction(async (m) => {
      if (body.coordinatorId) await this.assertUsers(m, [body.coordinatorId], 'coordinatorId');
      const team = m.create(Team, {
        name: body.name,
        description: body.description ?? null,
        supportLevel: body.supportLevel,
        coordinatorId: body.coordinatorId ?? null,
      });
      await this.save(m, team);
      await this.audit.record(m, actor, { entity: 'team', entityId: team.id, action: 'create', snapshot: snapshot(team, AUDITED_TEAM_FIELDS) });
      const memberIds = await this.replaceMembers(m, actor, team.id, body.memberIds ?? [], 'memberIds');
      return toDto(team, memberIds);
    });
    this.announce([created.coordinatorId, ...created.memberIds]);
    return created;
  }

  async update(actor: Actor, id: string, body: UpdateTeamBody): Promise<TeamDto> {
    let formerCoordinator: string | null = null;
    const updated = await this.dataSource.transaction(async (m) => {
      const team = await this.find(m, id, true);
      if (body.version !== undefined && body.version !== team.version) {
        throw new MesaError('RECORD_VERSION_CONFLICT', 'El equipo fue modificado por otra persona; recarga y vuelve a intentarlo.', { field: 'version' });
      }
      if (body.coordinatorId) await this.assertUsers(m, [body.coordinatorId], 'coordinatorId');
      const before = { ...team };
      formerCoordinator = before.coordinatorId;
      const { version: _v, ...changes } = body;
      Object.assign(team, changes);
      const diff = diffFields(before, team, AUDITED_TEAM_FIELDS);
      if (diff.length) {
        await this.save(m, team);
        await this.audit.record(m, actor, { entity: 'team', entityId: id, action: 'update', changes: diff });
      }
      return toDto(team, (await this.membersOf(m, [id])).get(id) ?? []);
    });
    if (formerCoordinator !== updated.coordinatorId) this.announce([formerCoordinator, updated.coordinatorId]);
    return updated;
  }

  async setMembers(actor: Actor, id: string, userIds: string[]): Promise<TeamDto> {
    let former: string[] = [];
    const updated = await this.dataSource.transaction(async (m) => {
      const team = await this.find(m, id, true);
      former = (await this.membersOf(m, [id])).get(id) ?? [];
      const memberIds = await this.replaceMembers(m, actor, id, userIds);
      return toDto(team, memberIds);
    });
    const now = new Set(updated.memberIds);
    this.announce([...former.filter((u) => !now.has(u)), ...updated.memberIds.filter((u) => !former.includes(u))]);
    return updated;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const affected = await this.dataSource.transaction(async (m) => {
      const team = await this.find(m, id, true);
      const memberIds = (await this.membersOf(m, [id])).get(id) ?? [];
      await m.delete(Team, { id });
      await this.audit.record(m, actor, { entity: 'team', entityId: id, action: 'delete', snapshot: { ...snapshot(team, AUDITED_TEAM_FIELDS), memberIds } });
      return [team.coordinatorId, ...memberIds];
    });
    this.announce(affected);
  }

  private async replaceMembers(m: EntityManager, actor: Actor, teamId: string, userIds: string[], field = 'userIds'): Promise<string[]> {
    const wanted = [...new Set(userIds)].sort();
    await this.assertUsers(m, wanted, field);
    const current = ((await this.membersOf(m, [teamId])).get(teamId) ?? []).sort();
    if (JSON.stringify(current) === JSON.stringify(wanted)) return current;
    await m.delete(TeamMember, { teamId });
    if (wanted.length)
      await m.insert(
        TeamMember,
        wanted.map((userId) => ({ teamId, userId })),
      );
    await this.audit.record(m, actor, {
      entity: 'team',
      entityId: teamId,
      action: 'update',
      changes: [{ field: 'memberIds', oldValue: current, newValue: wanted }],
    });
    return wanted;
  }

  private async assertUsers(m: EntityManager, ids: string[], field: string): Promise<void> {
    if (!ids.length) return;
    const found = await m.getRepository(User).find({ select: { id: true }, where: { id: In(ids) } });
    const missing = ids.filter((id) => !found.some((u) => u.id === id));
    if (missing.length) throw new MesaError('VALIDATION_FAILED', `No existen los usuarios: ${missing.join(', ')}.`, { field });
  }

  private async membersOf(m: EntityManager, teamIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!teamIds.length) return map;
    const rows = await m.getRepository(TeamMember).find({ where: { teamId: In(teamIds) } });
    for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), r.userId]);
    return map;
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<Team> {
    const team = await m.getRepository(Team).findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!team) throw new MesaError('TEAM_NOT_FOUND', 'No existe el equipo.', { field: 'id' });
    return team;
  }

  private async save(m: EntityManager, team: Team): Promise<void> {
    try {
      await m.save(team);
    } catch (error) {
      if (violatedConstraint(error)?.constraint === 'teams_name_key')
        throw new MesaError('TEAM_NAME_TAKEN', 'Ya existe un equipo con ese nombre.', { field: 'name' });
      throw error;
    }
  }
}

function toDto(t: Team, memberIds: string[]): TeamDto {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    supportLevel: t.supportLevel,
    coordinatorId: t.coordinatorId,
    isActive: t.isActive,
    memberIds,
    version: t.version,
  };
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role, SupportLevel } from '../../common/auth/roles';
import { OrganisationsService } from '../organisations/organisations.service';

export type UserContact = { id: string; email: string; fullName: string };

/**
 * What other modules may ask identity about users and teams (ARCHITECTURE.md, Module
 * boundaries: they never read identity's tables themselves). Every method takes the caller's
 * manager, so it runs inside the caller's transaction when there is one.
 */
@Injectable()
export class UserDirectory implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  /** Organisations sit below identity and cannot read users: they ask for titulars through this seam. */
  onModuleInit(): void {
    this.organisations.useTitularDirectory({ activeAmong: (m, ids) => this.activeAmong(ids, m) });
  }

  /** Which of these ids are active users. */
  async activeAmong(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = (await m.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND is_active`, [ids])) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Address and name of the active users among these ids. */
  async contactsOf(ids: string[], m: EntityManager = this.dataSource.manager): Promise<UserContact[]> {
    if (!ids.length) return [];
    const rows = (await m.query(`SELECT id, email, full_name FROM users WHERE id = ANY($1::uuid[]) AND is_active`, [ids])) as {
      id: string;
      email: string;
      full_name: string;
    }[];
    return rows.map((r) => ({ id: r.id, email: r.email, fullName: r.full_name }));
  }

  /** Display names by id (inactive users too: a timeline still names who acted). */
  async namesOf(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = (await m.query(`SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; full_name: string }[];
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }

  /** Ids of the active users holding any of these roles. */
  async activeWithAnyRole(roles: Role[], m: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = (await m.query(`SELECT id FROM users WHERE roles && $1::text[] AND is_active`, [roles])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Roles, status and VIP flag of a user; null for an unknown id. */
  async userFacts(id: string, m: EntityManager = this.dataSource.manager): Promise<{ roles: Role[]; isActive: boolean; isVip: boolean } | null> {
    const [row] = (await m.query(`SELECT roles, is_active, is_vip FROM users WHERE id = $1`, [id])) as { roles: Role[]; is_active: boolean; is_vip: boolean }[];
    return row ? { roles: row.roles, isActive: row.is_active, isVip: row.is_vip } : null;
  }

  /** A team's level, status and coordinator; null for an unknown id. */
  async teamFacts(
    id: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ supportLevel: SupportLevel; isActive: boolean; coordinatorId: string | null } | null> {
    const [row] = (await m.query(`SELECT support_level, is_active, coordinator_id FROM teams WHERE id = $1`, [id])) as {
      support_level: SupportLevel;
      is_active: boolean;
      coordinator_id: string | null;
    }[];
    return row ? { supportLevel: row.support_level, isActive: row.is_active, coordinatorId: row.coordinator_id } : null;
  }

  /** Whether the user works in the team, as a member or as its coordinator. */
  async worksIn(teamId: string, userId: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = (await m.query(
      `SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2 UNION SELECT 1 FROM teams WHERE id = $1 AND coordinator_id = $2`,
      [teamId, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The teams a user works in: as a member or as its coordinator. */
  async teamIdsOf(userId: string, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = (await m.query(`SELECT team_id FROM team_members WHERE user_id = $1 UNION SELECT id FROM teams WHERE coordinator_id = $1`, [userId])) as {
      team_id: string;
    }[];
    return rows.map((r) => r.team_id);
  }

  /** The active teams, by name; only those a user coordinates when given one. */
  async activeTeams(coordinatorId?: string, m: EntityManager = this.dataSource.manager): Promise<{ id: string; name: string }[]> {
    return (await m.query(`SELECT id, name FROM teams WHERE is_active AND ($1::uuid IS NULL OR coordinator_id = $1) ORDER BY name`, [
      coordinatorId ?? null,
    ])) as { id: string; name: string }[];
  }

  /** Support level of each of these teams that exists. */
  async teamLevels(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = (await m.query(`SELECT id, support_level FROM teams WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; support_level: string }[];
    return new Map(rows.map((r) => [r.id, r.support_level]));
  }

  /** Every team's id and name (catalog import/export name teams by name). */
  async teamNames(m: EntityManager = this.dataSource.manager): Promise<{ id: string; name: string }[]> {
    return (await m.query(`SELECT id, name FROM teams`)) as { id: string; name: string }[];
  }

  /** Roles of the active users among these ids. */
  async activeRolesOf(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, Role[]>> {
    if (!ids.length) return new Map();
    const rows = (await m.query(`SELECT id, roles FROM users WHERE id = ANY($1::uuid[]) AND is_active`, [ids])) as { id: string; roles: Role[] }[];
    return new Map(rows.map((r) => [r.id, r.roles]));
  }

  /** Everyone who works in these teams: members and coordinators. */
  async teamPeople(teamIds: string[], m: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!teamIds.length) return [];
    const rows = (await m.query(
      `SELECT user_id AS id FROM team_members WHERE team_id = ANY($1::uuid[]) UNION SELECT coordinator_id FROM teams WHERE id = ANY($1::uuid[]) AND coordinator_id IS NOT NULL`,
      [teamIds],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}

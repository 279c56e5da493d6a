import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { PERMISSIONS } from '../../common/auth/permissions';
import { MesaError } from '../../common/errors/mesa-error';
import { violatedConstraint } from '../../common/infra/db-errors';
import { pageOf, type Page } from '../../common/http/pagination';
import { diffFields, snapshot } from '../audit/audit.rules';
import { AuditService } from '../audit/audit.service';
import { OrganisationsService } from '../organisations/organisations.service';
import type { CreateUserBody, UpdateUserBody, UserListQuery } from './dto/identity.dto';
import { User } from './entities/user.entity';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions.service';
import { AUDITED_USER_FIELDS, toUserDto, type UserDto } from './users.mapper';

/** The words of a people search: at most five, so a pasted paragraph cannot build a huge query. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(q: UserListQuery): Promise<Page<UserDto>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    // Every typed word must appear in the name or address, ignoring accents and case ("Lucia" finds
    // "Lucía"); the expression is the one users_search_trgm_idx indexes, so this stays an index scan.
    searchWords(q.q).forEach((word, i) =>
      qb.andWhere(`lower(mesa_unaccent(u.full_name || ' ' || u.email)) LIKE lower(mesa_unaccent(:w${i}))`, {
        [`w${i}`]: `%${word.replace(/[\\%_]/g, (c) => '\\' + c)}%`,
      }),
    );
    if (q.role) qb.andWhere(':role = ANY(u.roles)', { role: q.role });
    if (q.organisationId) qb.andWhere('u.organisation_id = :org', { org: q.organisationId });
    if (q.isActive !== undefined) qb.andWhere('u.is_active = :active', { active: q.isActive });
    if (q.teamId)
      qb.andWhere('(u.id IN (SELECT user_id FROM team_members WHERE team_id = :teamId) OR u.id IN (SELECT coordinator_id FROM teams WHERE id = :teamId))', {
        teamId: q.teamId,
      });
    if (q.staff) qb.andWhere('u.roles && :staffRoles::text[]', { staffRoles: PERMISSIONS['tickets.work'] });
    qb.orderBy('u.full_name', 'ASC')
      .addOrderBy('u.id')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(toUserDto), total, q);
  }

  async get(id: string): Promise<UserDto> {
    return toUserDto(await this.find(this.dataSource.manager, id));
  }

  async create(actor: Actor, body: CreateUserBody): Promise<UserDto> {
    const passwordHash = await this.passwords.hashNew(body.password, 'password');
    return this.dataSource.transaction(async (m) => {
      if (body.organisationId) await this.organisations.assertExists(m, body.organisationId, 'organisationId');
      const user = m.create(User, {
        email: body.email,
        fullName: body.fullName,
        passwordHash,
        roles: body.roles,
        organisationId: body.organisationId ?? null,
        isVip: body.isVip ?? false,
        phone: body.phone ?? null,
        passwordChangedAt: new Date(),
      });
      await this.save(m, user);
      await this.audit.record(m, actor, { entity: 'user', entityId: user.id, action: 'create', snapshot: snapshot(user, AUDITED_USER_FIELDS) });
      return toUserDto(user);
    });
  }

  async update(actor: Actor, id: string, body: UpdateUserBody): Promise<UserDto> {
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await this.find(m, id, true);
      if (body.version !== undefined && body.version !== user.version) {
        throw new MesaError('RECORD_VERSION_CONFLICT', 'El usuario fue modificado por otra persona; recarga y vuelve a intentarlo.', {
          field: 'version',
          extra: { current: toUserDto(user) },
        });
      }
      if (body.organisationId) await this.organisations.assertExists(m, body.organisationId, 'organisationId');
      if (id === actor.userId && (body.isActive === false || (body.roles && !body.roles.includes('admin') && user.roles.includes('admin')))) {
        throw new MesaError('VALIDATION_FAILED', 'No puedes deshabilitarte ni quitarte el rol de administrador.', {
          field: body.isActive === false ? 'isActive' : 'roles',
        });
      }
      const before = { ...user };
      const { version: _v, ...changes } = body;
      Object.assign(user, changes);
      const diff = diffFields(before, user, AUDITED_USER_FIELDS);
      if (diff.length === 0) return toUserDto(user);
      await this.save(m, user);
      // Roles, organisation or status may have changed: no request may act on the old ones.
      this.sessions.forgetUser(user.id);
      await this.audit.record(m, actor, { entity: 'user', entityId: user.id, action: 'update', changes: diff });
      if (before.isActive && !user.isActive) {
        // Disabling ends every way in: sessions and API tokens (re-enabling must not revive old tokens).
        await this.sessions.revokeAllOf(m, user.id);
        await this.sessions.revokeAndAuditTokensOf(m, actor, user.id, 'account_disabled');
      } else if (before.roles.length !== user.roles.length || before.roles.some((r) => !user.roles.includes(r))) {
        // A token issued for one job must not silently gain (or keep) the powers of another.
        await this.sessions.revokeAndAuditTokensOf(m, actor, user.id, 'roles_changed');
      }
      return toUserDto(user);
    });
    this.sessions.announceCommitted({ userId: id });
    return updated;
  }

  /** Admin reset: the user's sessions and API tokens end so the old password's holder is shut out everywhere. */
  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    const hash = await this.passwords.hashNew(newPassword, 'newPassword');
    await this.dataSource.transaction(async (m) => {
      const user = await this.find(m, id, true);
      await m.update(User, { id: user.id }, { passwordHash: hash, passwordChangedAt: new Date() });
      await this.sessions.revokeAllOf(m, user.id);
      await this.audit.record(m, actor, {
        entity: 'user',
        entityId: user.id,
        action: 'update',
        changes: [{ field: 'password', oldValue: null, newValue: '(reset by administrator)' }],
      });
      await this.sessions.revokeAndAuditTokensOf(m, actor, user.id, 'password_reset');
    });
    this.sessions.announceCommitted({ userId: id });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<User> {
    const user = await m.getRepository(User).findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!user) throw new MesaError('USER_NOT_FOUND', 'No existe el usuario.', { field: 'id' });
    return user;
  }

  private async save(m: EntityManager, user: User): Promise<void> {
    try {
      await m.save(user);
    } catch (error) {
      if (violatedConstraint(error)?.constraint === 'users_email_key') {
        throw new MesaError('USER_EMAIL_TAKEN', 'Ya existe un usuario con ese correo.', { field: 'email' });
      }
      throw error;
    }
  }
}

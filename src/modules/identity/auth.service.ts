import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Actor, TokenScope } from '../../common/auth/actor';
import { permissionsOf, type Permission } from '../../common/auth/permissions';
import type { Role } from '../../common/auth/roles';
import { MesaError } from '../../common/errors/mesa-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { ApiToken } from './entities/api-token.entity';
import { User } from './entities/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './secrets';
import { AuthCacheBus } from './auth-cache.bus';
import { SessionsService } from './sessions.service';
import { ME_SQL } from './identity.queries';

export type MeDto = {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  permissions: Permission[];
  organisation: { id: string; name: string; kind: string } | null;
  isVip: boolean;
  phone: string | null;
  /** DESK_TIME_ZONE: the portal counts request-form lead times in it, as the server does. */
  deskTimeZone: string;
};

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly authCache: AuthCacheBus,
    private readonly passwords: PasswordService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, meta: { ip: string; userAgent?: string; requestId?: string }) {
    // Counted before the (slow) verification: parallel guesses cannot all slip under the limit.
    await this.limiter.reserve(email, meta.ip);
    const user = await this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
    const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      throw new MesaError('AUTH_INVALID_CREDENTIALS', 'Correo o contraseña incorrectos.');
    }
    if (!user.isActive) throw new MesaError('AUTH_ACCOUNT_DISABLED', 'La cuenta está deshabilitada. Contacta al administrador.');
    await this.limiter.release(email, meta.ip);
    const session = await this.dataSource.transaction(async (m) => {
      const s = await this.sessions.create(m, user.id, meta);
      await m.update(User, { id: user.id }, { lastLoginAt: new Date() });
      await this.audit.record(
        m,
        { userId: user.id, requestId: meta.requestId },
        { entity: 'session', entityId: user.id, action: 'create', snapshot: { ip: meta.ip, userAgent: meta.userAgent ?? null } },
      );
      return s;
    });
    return { session, me: await this.me(user.id) };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.via !== 'session' || !actor.sessionId) return;
    const sessionId = actor.sessionId;
    await this.dataSource.transaction(async (m) => {
      await this.sessions.revoke(m, sessionId);
      await this.audit.record(m, actor, { entity: 'session', entityId: actor.userId, action: 'delete', snapshot: {} });
    });
    this.sessions.announceCommitted({ sessionId });
  }

  /**
   * The signed-in user's profile, the portal's most frequent call: one round trip, then reused
   * for AUTH_CACHE_SECONDS (changes to the user apply at once; an organisation rename after that).
   */
  async me(userId: string): Promise<MeDto> {
    const cached = this.authCache.cache.getProfile<MeDto>(userId);
    if (cached) return cached;
    const [row] = (await this.dataSource.query(ME_SQL, [userId])) as {
      id: string;
      email: string;
      full_name: string;
      roles: Role[];
      is_vip: boolean;
      phone: string | null;
      org_id: string | null;
      org_name: string;
      org_kind: string;
    }[];
    if (!row) throw new MesaError('USER_NOT_FOUND', 'User not found.');
    const me: MeDto = {
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      roles: row.roles,
      permissions: permissionsOf(row.roles),
      organisation: row.org_id ? { id: row.org_id, name: row.org_name, kind: row.org_kind } : null,
      isVip: row.is_vip,
      phone: row.phone,
      deskTimeZone: this.config.deskTimeZone,
    };
    this.authCache.cache.setProfile(userId, me);
    return me;
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string, meta: { ip: string }): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.userId })
      .getOneOrFail();
    // Checking the current password is a sign-in: counted by the same limits, or a stolen session
    // (or a script in the page) could guess the password here as fast as the CPU verifies them.
    await this.limiter.reserve(user.email, meta.ip);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new MesaError('PASSWORD_CURRENT_INCORRECT', 'La contraseña actual no es correcta.', { field: 'currentPassword' });
    }
    await this.limiter.release(user.email, meta.ip);
    if (currentPassword === newPassword) {
      throw new MesaError('PASSWORD_POLICY_VIOLATION', 'La nueva contraseña debe ser distinta de la actual.', { field: 'newPassword' });
    }
    const hash = await this.passwords.hashNew(newPassword, 'newPassword');
    await this.dataSource.transaction(async (m) => {
      await m.update(User, { id: user.id }, { passwordHash: hash, passwordChangedAt: new Date() });
      // Other devices must sign in again with the new password, and tokens made under the old
      // one (perhaps by whoever learnt it) stop working: the user issues new ones.
      await this.sessions.revokeAllOf(m, user.id, actor.sessionId);
      await this.audit.record(m, actor, {
        entity: 'user',
        entityId: user.id,
        action: 'update',
        changes: [{ field: 'password', oldValue: null, newValue: '(changed)' }],
      });
      await this.sessions.revokeAndAuditTokensOf(m, actor, user.id, 'password_changed');
    });
    this.sessions.announceCommitted({ userId: user.id });
  }

  async listTokens(actor: Actor): Promise<ApiTokenDto[]> {
    return this.liveTokensOf(actor.userId);
  }

  /** A user's live tokens (the caller's own, or anyone's for the administrator's user screen). */
  async liveTokensOf(userId: string): Promise<ApiTokenDto[]> {
    const tokens = await this.dataSource.getRepository(ApiToken).find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
    return tokens.map(toTokenDto);
  }

  async createToken(actor: Actor, name: string, scope: TokenScope, expiresInDays?: number | null): Promise<ApiTokenDto & { token: string }> {
    // The guard refuses token callers already; this keeps the rule if the route is ever reused.
    if (actor.via !== 'session') throw new MesaError('AUTH_SESSION_REQUIRED', 'API tokens are created from a signed-in session, never with another token.');
    const token = API_TOKEN_PREFIX + newSecret();
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86400_000) : null;
    const saved = await this.dataSource.transaction(async (m) => {
      const row = await m.save(
        m.create(ApiToken, { userId: actor.userId, name, scope, tokenHash: sha256(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), expiresAt }),
      );
      await this.audit.record(m, actor, {
        entity: 'api_token',
        entityId: row.id,
        action: 'create',
        snapshot: { name, prefix: row.prefix, scope, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return row;
    });
    return { ...toTokenDto(saved), token };
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    await this.revokeTokenOf(actor, actor.userId, id);
  }

  /**
   * Revokes one live token of `ownerId`: the owner's own from /me, or the administrator's from the
   * user screen (a token of another user under that user's path is "not found", never revoked).
   */
  async revokeTokenOf(actor: Actor, ownerId: string, id: string): Promise<void> {
    const byOwner = ownerId === actor.userId;
    await this.dataSource.transaction(async (m) => {
      this.sessions.forgetUser(ownerId);
      const at = new Date();
      const res = await m.update(ApiToken, { id, userId: ownerId, revokedAt: IsNull() }, { revokedAt: at });
      if (!res.affected) throw new MesaError('TOKEN_NOT_FOUND', 'No existe ese token de API.', { field: byOwner ? 'id' : 'tokenId' });
      await this.audit.record(m, actor, {
        entity: 'api_token',
        entityId: id,
        action: 'update',
        changes: [
          { field: 'revokedAt', oldValue: null, newValue: at.toISOString() },
          ...(byOwner ? [] : [{ field: 'revokedBecause', oldValue: null, newValue: 'revoked_by_admin' }]),
        ],
      });
    });
    this.sessions.announceCommitted({ userId: ownerId });
  }
}

function toTokenDto(t: ApiToken): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

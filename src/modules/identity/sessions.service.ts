import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor, TokenScope } from '../../common/auth/actor';
import type { Role } from '../../common/auth/roles';
import { AuditService } from '../audit/audit.service';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './secrets';
import { Session } from './entities/session.entity';
import { apiTokenKey, sessionKey } from './auth-cache';
import { AuthCacheBus } from './auth-cache.bus';

export type TokenRevocationReason = 'password_changed' | 'password_reset' | 'roles_changed' | 'account_disabled';

type AuthRow = {
  user_id: string;
  email: string;
  roles: Role[];
  organisation_id: string | null;
  csrf_token: string | null;
  last_seen_at: Date | null;
  expires_at: Date | null;
};

// Refresh last_seen_at at most once a minute: a write per request would cost more than the read.
const TOUCH_AFTER_MS = 60_000;

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authCache: AuthCacheBus,
    private readonly audit: AuditService,
  ) {}

  async create(
    manager: EntityManager,
    userId: string,
    meta: { ip?: string; userAgent?: string },
  ): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = newSecret();
    const csrfToken = newSecret(24);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.session.ttlHours * 3600_000);
    await manager.insert(Session, {
      tokenHash: sha256(token),
      userId,
      csrfToken,
      expiresAt,
      lastSeenAt: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken, expiresAt };
  }

  /** Resolves a session cookie to its actor; disabled users and expired sessions resolve to null. */
  async fromSession(token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
    const tokenHash = sha256(token);
    const cached = this.authCache.cache.get(sessionKey(tokenHash));
    if (cached) return { actor: cached.actor, csrfToken: cached.csrfToken };
    const rows: AuthRow[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.email, u.roles, u.organisation_id, s.csrf_token, s.last_seen_at, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND u.is_active`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_seen_at || Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1`, [tokenHash]);
    }
    const resolved = { actor: toActor(row, 'session', tokenHash), csrfToken: row.csrf_token ?? '' };
    this.authCache.cache.set(sessionKey(tokenHash), resolved.actor, resolved.csrfToken, row.expires_at?.getTime() ?? null);
    return resolved;
  }

  async fromApiToken(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const tokenHash = sha256(token);
    const cached = this.authCache.cache.get(apiTokenKey(tokenHash));
    if (cached) return cached.actor;
    const rows: (AuthRow & { token_id: string; scope: TokenScope })[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.email, u.roles, u.organisation_id, t.id AS token_id, t.scope, t.last_used_at AS last_seen_at, t.expires_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.is_active`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_seen_at || Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await this.dataSource.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.token_id]);
    }
    const actor: Actor = { ...toActor(row, 'token'), tokenId: row.token_id, tokenScope: row.scope };
    this.authCache.cache.set(apiTokenKey(tokenHash), actor, '', row.expires_at?.getTime() ?? null);
    return actor;
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    this.authCache.invalidateKey(sessionKey(sessionId));
    await manager.delete(Session, { tokenHash: sessionId });
  }

  /** Revokes every live API token of a user; returns the revoked ids so the caller can audit them. */
  async revokeTokensOf(manager: EntityManager, userId: string): Promise<string[]> {
    this.authCache.invalidateUser(userId);
    const [rows] = (await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId])) as [
      { id: string }[],
      number,
    ];
    return rows.map((r) => r.id);
  }

  /** Revokes a user's API tokens because their credentials or powers changed, with an audit row per token. */
  async revokeAndAuditTokensOf(
    manager: EntityManager,
    actor: Pick<Actor, 'userId' | 'requestId'>,
    userId: string,
    reason: TokenRevocationReason,
  ): Promise<void> {
    const at = new Date().toISOString();
    for (const id of await this.revokeTokensOf(manager, userId)) {
      await this.audit.record(manager, actor, {
        entity: 'api_token',
        entityId: id,
        action: 'update',
        changes: [
          { field: 'revokedAt', oldValue: null, newValue: at },
          { field: 'revokedBecause', oldValue: null, newValue: reason },
        ],
      });
    }
  }

  /** Ends every session of a user (optionally keeping the caller's own). */
  async revokeAllOf(manager: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    this.authCache.invalidateUser(userId);
    await manager.query(`DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR token_hash <> $2)`, [userId, keepSessionId ?? null]);
  }

  /**
   * Housekeeping for the system sweep, inside its transaction: expired sessions go. Returns how
   * many. Static because it needs nothing but the caller's manager (the sweep runs without HTTP).
   */
  static async deleteExpired(manager: EntityManager): Promise<number> {
    const [, deleted] = (await manager.query(`DELETE FROM sessions WHERE expires_at < now()`)) as [unknown, number];
    return deleted;
  }

  /** Roles, organisation or e-mail of a user changed: their cached sessions and tokens go. */
  forgetUser(userId: string): void {
    this.authCache.invalidateUser(userId);
  }

  /**
   * Announces again, once the change has committed, what was invalidated inside a transaction:
   * holders of long-lived connections (live event streams) re-check the credential on each
   * invalidation, and only after the commit does that re-check see the change.
   */
  announceCommitted(change: { userId?: string; sessionId?: string }): void {
    if (change.sessionId) this.authCache.invalidateKey(sessionKey(change.sessionId));
    if (change.userId) this.authCache.invalidateUser(change.userId);
  }

  /**
   * Whether the credential an actor was resolved from still stands, read from the database (never
   * the cache), and still gives the same roles and organisation; its end, if it has one.
   */
  async recheck(actor: Actor): Promise<{ valid: true; expiresAt: Date | null } | { valid: false }> {
    const rows: { roles: Role[]; organisation_id: string | null; expires_at: Date | null }[] =
      actor.via === 'session'
        ? await this.dataSource.query(
            `SELECT u.roles, u.organisation_id, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE s.token_hash = $1 AND s.expires_at > now() AND u.is_active`,
            [actor.sessionId ?? ''],
          )
        : await this.dataSource.query(
            `SELECT u.roles, u.organisation_id, t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id
              WHERE t.id = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.is_active`,
            [actor.tokenId ?? '00000000-0000-0000-0000-000000000000'],
          );
    const row = rows[0];
    if (!row || row.organisation_id !== actor.organisationId || !sameRoles(row.roles, actor.roles)) return { valid: false };
    return { valid: true, expiresAt: row.expires_at };
  }
}

const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((r) => b.includes(r));

function toActor(row: AuthRow, via: Actor['via'], sessionId?: string): Actor {
  return { userId: row.user_id, email: row.email, roles: row.roles, organisationId: row.organisation_id, via, sessionId };
}

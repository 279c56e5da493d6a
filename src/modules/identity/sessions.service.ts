import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../../common/auth/actor';
import type { Role } from '../../common/auth/roles';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './secrets';
import { Session } from './entities/session.entity';
import { apiTokenKey, sessionKey } from './auth-cache';
import { AuthCacheBus } from './auth-cache.bus';

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
  ) {}

  async create(manager: EntityManager, userId: string, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
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
    const rows: (AuthRow & { token_id: string })[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.email, u.roles, u.organisation_id, t.id AS token_id, t.last_used_at AS last_seen_at, t.expires_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.is_active`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_seen_at || Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await this.dataSource.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.token_id]);
    }
    const actor = toActor(row, 'token');
    this.authCache.cache.set(apiTokenKey(tokenHash), actor, '', row.expires_at?.getTime() ?? null);
    return actor;
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    this.authCache.invalidateKey(sessionKey(sessionId));
    await manager.delete(Session, { tokenHash: sessionId });
  }

  async revokeTokensOf(manager: EntityManager, userId: string): Promise<void> {
    this.authCache.invalidateUser(userId);
    await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** Ends every session of a user (optionally keeping the caller's own). */
  async revokeAllOf(manager: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    this.authCache.invalidateUser(userId);
    await manager.query(`DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR token_hash <> $2)`, [userId, keepSessionId ?? null]);
  }

  /** Roles, organisation or e-mail of a user changed: their cached sessions and tokens go. */
  forgetUser(userId: string): void {
    this.authCache.invalidateUser(userId);
  }
}

function toActor(row: AuthRow, via: Actor['via'], sessionId?: string): Actor {
  return { userId: row.user_id, email: row.email, roles: row.roles, organisationId: row.organisation_id, via, sessionId };
}

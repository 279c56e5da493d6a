import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxyList } from '../common/http/client-address.rules';

const bool = z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' }).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(0, 65535).default(3001),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('mesa'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./.mesa/data'),
  SESSION_TTL_HOURS: int(1, 24 * 30).default(12),
  COOKIE_SECURE: bool.optional(),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP: int(1, 1000).default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: int(1, 100000).default(30),
  LOGIN_ACCOUNT_DELAY_AFTER: int(1, 1000).default(10),
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: int(1, 3600).default(60),
  LOGIN_WINDOW_SECONDS: int(10, 86400).default(900),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'a size such as 100kb or 1mb')
    .default('100kb'),
  AUTH_CACHE_SECONDS: int(0, 60).default(5),
  LIVE_STREAMS_PER_USER: int(1, 100).default(5),
  LIVE_STREAM_LEASE_SECONDS: int(2, 3600).default(60),
  ARGON2_MEMORY_KIB: int(8192, 1048576).default(19456),
  ARGON2_TIME_COST: int(1, 10).default(2),
  // Under npm start the portal reaches the API over loopback; docker-compose names the portal's container.
  TRUSTED_PROXIES: z
    .string()
    .default('loopback')
    .transform((value, ctx) => {
      const parsed = parseTrustedProxies(value);
      if (parsed.ok) return parsed.list;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
  DESK_TIME_ZONE: z
    .string()
    .refine((z) => IANAZone.isValidZone(z), 'must be an IANA time zone such as America/Mexico_City')
    .default('America/Mexico_City'),
  ATTACHMENT_MAX_BYTES: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  ATTACHMENT_ORPHAN_GRACE_MINUTES: int(1, 7 * 24 * 60).default(60),
  RATE_LIMIT_WINDOW_SECONDS: int(1, 86400).default(600),
  RATE_LIMIT_TICKET_CREATES: int(1, 100000).default(30),
  RATE_LIMIT_REPLIES: int(1, 100000).default(120),
  RATE_LIMIT_UPLOADS: int(1, 100000).default(60),
  RATE_LIMIT_TOKEN_CREATES: int(1, 100000).default(10),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be an smtp:// or smtps:// URL such as smtp://user:pass@host:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Mesa de Servicio <mesa@localhost>'),
  TEMPLATES_DIR: z.string().min(1).default('./templates'),
});

export type AppConfig = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  redis: { url: string; prefix: string };
  logLevel: string;
  dataDir: string;
  session: { ttlHours: number; cookieSecure: boolean };
  /** How long a resolved session or API token is reused in process memory; 0 turns that off. */
  authCacheSeconds: number;
  /**
   * Concurrent live event streams (SSE) per user across all API processes; each holds a slot in
   * Redis for leaseSeconds, renewed while open, so a dead process's slots free themselves.
   */
  liveStreams: { perUser: number; leaseSeconds: number };
  login: { maxPerAccountAndIp: number; maxPerIp: number; windowSeconds: number; accountDelayAfter: number; accountMaxDelaySeconds: number };
  bodyLimit: string;
  argon2: { memoryCost: number; timeCost: number };
  /** Peers whose X-Forwarded-For is believed (src/common/http/client-address.rules.ts). */
  trustedProxies: TrustedProxyList;
  deskTimeZone: string;
  /** orphanGraceMinutes: a blob no row references is deleted only once it is at least this old. */
  attachments: { maxBytes: number; orphanGraceMinutes: number };
  /** Per-user limits on writes, each counted over the same window (Redis, shared by every API process). */
  writeLimits: { windowSeconds: number; ticketCreates: number; replies: number; uploads: number; tokenCreates: number };
  /** smtpUrl null: outgoing mail is written as .eml files under `<dataDir>/mail-out` (embedded default). */
  mail: { smtpUrl: string | null; from: string; templatesDir: string };
};

/** Thrown at boot; the message names every bad variable so the operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super('Invalid configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

// Variables whose values must never be printed (they may carry credentials): the logger blanks
// their values, and the passwords inside them, wherever they appear in a log line.
export const SENSITIVE_VARIABLES = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'] as const;

const SENSITIVE_VALUE: Record<(typeof SENSITIVE_VARIABLES)[number], (c: AppConfig) => string | null> = {
  DATABASE_URL: (c) => c.databaseUrl,
  REDIS_URL: (c) => c.redis.url,
  SMTP_URL: (c) => c.mail.smtpUrl,
};

/**
 * The secrets to keep out of logs: each sensitive variable's value, and its URL's password raw
 * and percent-decoded (drivers print a URL back in their own form, or just the password).
 */
export function sensitiveValues(config: AppConfig): string[] {
  const out = new Set<string>();
  for (const name of SENSITIVE_VARIABLES) {
    const value = SENSITIVE_VALUE[name](config);
    if (!value) continue;
    out.add(value);
    try {
      const password = new URL(value).password;
      if (password) {
        out.add(password);
        out.add(decodeURIComponent(password));
      }
    } catch {
      // Not a URL the WHATWG parser takes: the whole value is still redacted.
    }
  }
  // A one- or two-character password would blank half of every line; such a password is no secret anyway.
  return [...out].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length);
}

// Variables whose meaning changed: silently ignoring them would leave an operator believing a
// security setting still applies.
const REPLACED_VARIABLES: Record<string, string> = {
  TRUST_PROXY: 'replaced by TRUSTED_PROXIES (the proxy addresses whose X-Forwarded-For is believed; see README)',
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: 'replaced by LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP and LOGIN_ACCOUNT_DELAY_AFTER (see README)',
};

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  const replaced = Object.keys(REPLACED_VARIABLES)
    .filter((name) => name in present)
    .map((variable) => ({ variable, message: REPLACED_VARIABLES[variable] }));
  if (!parsed.success || replaced.length) {
    throw new ConfigError([
      ...(parsed.success ? [] : parsed.error.issues).map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
      })),
      ...replaced,
    ]);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    publicUrl: c.PUBLIC_URL,
    databaseUrl: c.DATABASE_URL,
    redis: { url: c.REDIS_URL, prefix: c.REDIS_PREFIX },
    logLevel: c.LOG_LEVEL,
    dataDir: c.DATA_DIR,
    session: { ttlHours: c.SESSION_TTL_HOURS, cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production' },
    authCacheSeconds: c.AUTH_CACHE_SECONDS,
    liveStreams: { perUser: c.LIVE_STREAMS_PER_USER, leaseSeconds: c.LIVE_STREAM_LEASE_SECONDS },
    login: {
      maxPerAccountAndIp: c.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP,
      maxPerIp: c.LOGIN_MAX_ATTEMPTS_PER_IP,
      windowSeconds: c.LOGIN_WINDOW_SECONDS,
      accountDelayAfter: c.LOGIN_ACCOUNT_DELAY_AFTER,
      accountMaxDelaySeconds: c.LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
    },
    bodyLimit: c.BODY_LIMIT,
    argon2: { memoryCost: c.ARGON2_MEMORY_KIB, timeCost: c.ARGON2_TIME_COST },
    trustedProxies: c.TRUSTED_PROXIES,
    deskTimeZone: c.DESK_TIME_ZONE,
    attachments: { maxBytes: c.ATTACHMENT_MAX_BYTES, orphanGraceMinutes: c.ATTACHMENT_ORPHAN_GRACE_MINUTES },
    writeLimits: {
      windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
      ticketCreates: c.RATE_LIMIT_TICKET_CREATES,
      replies: c.RATE_LIMIT_REPLIES,
      uploads: c.RATE_LIMIT_UPLOADS,
      tokenCreates: c.RATE_LIMIT_TOKEN_CREATES,
    },
    mail: { smtpUrl: c.SMTP_URL ?? null, from: c.MAIL_FROM, templatesDir: c.TEMPLATES_DIR },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

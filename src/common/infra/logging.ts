import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import { sensitiveValues, type AppConfig } from '../../config/config';

/** Paths pino blanks out: credentials must never reach the logs (tested). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.passwordHash',
];

type ErrLike = { name?: string; message?: string; stack?: string; code?: unknown };

const CENSOR = '[redacted]';

/** Where every logger of a process writes: the given stream (tests), else stdout. One per process keeps lines whole. */
export function logDestination(stream?: DestinationStream): DestinationStream {
  return stream ?? pino.destination(1);
}

/**
 * Blanks the sensitive configuration values (SENSITIVE_VARIABLES) in a finished log line,
 * wherever they appear: a driver's error message may quote DATABASE_URL, which no redaction path
 * can know. Matches the values as written and as JSON escapes them inside a string.
 */
export function valueRedactor(secrets: string[]): ((line: string) => string) | undefined {
  const needles = [...new Set(secrets.flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]))].sort((a, b) => b.length - a.length);
  if (!needles.length) return undefined;
  return (line) => {
    let out = line;
    for (const needle of needles) if (out.includes(needle)) out = out.replaceAll(needle, CENSOR);
    return out;
  };
}

function hooksFor(config: AppConfig) {
  const streamWrite = valueRedactor(sensitiveValues(config));
  return streamWrite ? { hooks: { streamWrite } } : {};
}

/** Structured JSON logs; query parameters of failed SQL are dropped (they may hold secrets). */
export function createLogger(config: AppConfig, stream?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: { err: (e: ErrLike) => ({ type: e?.name, message: e?.message, stack: e?.stack, code: e?.code }) },
    ...hooksFor(config),
  };
  return pino(options, logDestination(stream));
}

type LoggedRequest = {
  id: string;
  method: string;
  url: string;
  ip: string;
  clientAddress?: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: { userId: string };
};
type LoggedReply = { statusCode: number; elapsedTime: number };

/**
 * The access log: one JSON line per request when its response is done (method, URL, status,
 * time, client, user, request id). It logs a fixed set of fields and never headers, so it
 * carries no credentials by construction and skips the path-redaction pass (pino-http's per-request
 * child logger and wildcard redaction were the largest cost of a cheap request); the value check
 * for configured secrets stays, being a few substring searches per line. nestjs-pino is
 * not used either: its AsyncLocalStorage taxes every promise a request creates.
 */
export function accessLogHooks(config: AppConfig, destination: DestinationStream) {
  const access = pino({ level: config.logLevel, ...hooksFor(config) }, destination);
  const write = (req: LoggedRequest, status: number, responseTime: number, msg: string) => {
    if (req.url === '/api/health') return;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (!access.isLevelEnabled(level)) return;
    access[level](
      {
        req: { id: req.id, method: req.method, url: req.url, remoteAddress: req.clientAddress || req.ip, userAgent: req.headers['user-agent'] },
        res: { statusCode: status },
        userId: req.actor?.userId,
        responseTime: Math.round(responseTime),
      },
      msg,
    );
  };
  return {
    onResponse(req: LoggedRequest, reply: LoggedReply, done: () => void): void {
      write(req, reply.statusCode, reply.elapsedTime, 'request completed');
      done();
    },
    onRequestAbort(req: LoggedRequest, done: () => void): void {
      write(req, 499, 0, 'request aborted');
      done();
    },
  };
}

const BOOT_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Nest's logger interface over pino, for framework and service logs. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(requested: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    // Nest announces every module and route at start-up; useful when debugging, noise otherwise.
    const level = requested === 'info' && context !== undefined && BOOT_CHATTER.has(context) ? 'debug' : requested;
    if (message !== null && typeof message === 'object') this.logger[level]({ context, ...(message as object) }, context ?? '');
    else this.logger[level]({ context }, String(message));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
}

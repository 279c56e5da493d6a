import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { AppConfig } from '../../config/config';
import { genRequestId } from '../http/request-id';

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

/** Structured JSON logs; query parameters of failed SQL are dropped (they may hold secrets). */
export function createLogger(config: AppConfig, stream?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: (e: ErrLike) => ({ type: e?.name, message: e?.message, stack: e?.stack, code: e?.code }) },
  };
  return stream ? pino(options, stream) : pino(options);
}

/**
 * One JSON line per request with its id. Plain pino-http rather than nestjs-pino: the latter runs
 * every request inside AsyncLocalStorage, whose promise hook on Node 20 taxes each of the many
 * promises a database-backed request creates (it was most of /me's CPU time).
 */
export function createHttpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: genRequestId,
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
  });
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

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
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

/** Structured JSON logs with a request id; query parameters of failed SQL are dropped (they may hold secrets). */
export function loggerParams(config: AppConfig, stream?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: genRequestId,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
        serializers: {
          err: (e: ErrLike) => ({ type: e?.name, message: e?.message, stack: e?.stack, code: e?.code }),
        },
        autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      },
      stream,
    ].filter(Boolean) as Params['pinoHttp'],
  };
}

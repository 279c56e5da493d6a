import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { ERROR_STATUS, ERROR_TITLES, type ErrorCode } from './error-codes';
import { type FieldError, MesaError } from './mesa-error';
import { zodFieldErrors } from '../http/zod';
import { requestIdOf } from '../http/request-id';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors: FieldError[];
  requestId?: string;
  [extra: string]: unknown;
};

type BodyParserError = Error & { type?: string; status?: number; statusCode?: number };

/** Maps anything thrown to RFC 9457 problem+json; unknown errors become a logged, opaque 500. */
export function toProblem(error: unknown, requestId?: string): { problem: Problem; headers: Record<string, string>; internal: boolean } {
  const make = (code: ErrorCode, detail: string, errors: FieldError[] = [], status: number = ERROR_STATUS[code]) => ({
    type: `https://mesa.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: ERROR_TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    errors,
    requestId,
  });
  if (error instanceof MesaError) {
    const headers: Record<string, string> = {};
    if (typeof error.extra.retryAfterSeconds === 'number') headers['Retry-After'] = String(error.extra.retryAfterSeconds);
    const { retryAfterSeconds: _omit, ...extra } = error.extra;
    return { problem: { ...make(error.code, error.message, error.errors), ...extra }, headers, internal: false };
  }
  if (error instanceof ZodError) {
    return { problem: make('VALIDATION_FAILED', 'The request is invalid.', zodFieldErrors(error)), headers: {}, internal: false };
  }
  // NestJS 12 wraps body-parser errors in an HttpException; the original (with its `type`) is the cause.
  const bodyError = (error instanceof HttpException && error.cause instanceof Error ? error.cause : error) as BodyParserError;
  switch (bodyError?.type) {
    case 'entity.parse.failed':
      return { problem: make('REQUEST_MALFORMED_JSON', 'The request body is not valid JSON.', [{ field: 'body', message: 'JSON mal formado' }]), headers: {}, internal: false };
    case 'entity.too.large':
      return { problem: make('REQUEST_TOO_LARGE', 'The request body is too large.', [{ field: 'body', message: 'demasiado grande' }]), headers: {}, internal: false };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { problem: make('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported.', [{ field: 'body', message: bodyError.message }]), headers: {}, internal: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return { problem: make('ROUTE_NOT_FOUND', 'No such endpoint.'), headers: {}, internal: false };
    if (status < 500) {
      const code: ErrorCode = status === 413 ? 'REQUEST_TOO_LARGE' : status === 415 ? 'REQUEST_UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
      return { problem: make(code, error.message, [], status), headers: {}, internal: false };
    }
  }
  // node-postgres when every pooled connection stayed busy for connectionTimeoutMillis: overload, not a bug.
  if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) {
    return { problem: make('SERVICE_BUSY', 'El servicio está saturado; intente de nuevo en unos segundos.'), headers: { 'Retry-After': '2' }, internal: false };
  }
  if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return { problem: make('VALIDATION_FAILED', bodyError.message, [{ field: 'body', message: bodyError.message }], bodyError.status), headers: {}, internal: false };
  }
  return { problem: make('INTERNAL', 'An unexpected error occurred. Quote the request id when reporting it.'), headers: {}, internal: true };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const requestId = requestIdOf(req);
    const { problem, headers, internal } = toProblem(error, requestId);
    if (internal) this.logger.error({ err: error, requestId }, 'Unhandled error');
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { ERROR_STATUS, ERROR_TITLES, type ErrorCode } from './error-codes';
import { type FieldError, MesaError } from './mesa-error';
import { zodFieldErrors } from '../http/zod';
import { requestIdOf } from '../http/request-id';
import { dataException } from '../infra/db-errors';

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

type BodyParserError = Error & { type?: string; status?: number; statusCode?: number; code?: string };

/** Fastify's own request errors (body parsing, limits, multipart), by code prefix and status. */
function fastifyProblem(error: BodyParserError): { code: ErrorCode; detail: string; field: string; message: string } | null {
  if (typeof error?.code !== 'string' || !error.code.startsWith('FST_')) return null;
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_FIELDS_LIMIT') {
    return { code: 'REQUEST_TOO_LARGE', detail: 'El archivo o el formulario enviado es demasiado grande.', field: 'file', message: 'demasiado grande' };
  }
  if (status === 413)
    return { code: 'REQUEST_TOO_LARGE', detail: 'El cuerpo de la solicitud es demasiado grande.', field: 'body', message: 'demasiado grande' };
  if (status === 415 || error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return {
      code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
      detail: 'Envía el cuerpo de la solicitud como application/json.',
      field: 'content-type',
      message: 'tipo de contenido no admitido',
    };
  }
  if (status === 400 && (error.code.startsWith('FST_ERR_CTP_') || error instanceof SyntaxError)) {
    return { code: 'REQUEST_MALFORMED_JSON', detail: 'El cuerpo de la solicitud no es JSON válido.', field: 'body', message: 'JSON mal formado' };
  }
  if (status >= 400 && status < 500) return { code: 'REQUEST_INVALID', detail: error.message, field: 'body', message: error.message };
  return null;
}

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
    return { problem: make('REQUEST_INVALID', 'La solicitud no es válida.', zodFieldErrors(error)), headers: {}, internal: false };
  }
  // NestJS 12 wraps body-parser errors in an HttpException; the original (with its `type`) is the cause.
  const bodyError = (error instanceof HttpException && error.cause instanceof Error ? error.cause : error) as BodyParserError;
  const fromFastify = fastifyProblem(bodyError);
  if (fromFastify)
    return { problem: make(fromFastify.code, fromFastify.detail, [{ field: fromFastify.field, message: fromFastify.message }]), headers: {}, internal: false };
  // Fastify's JSON parser raises a plain SyntaxError (status 400) for a malformed body.
  if (bodyError instanceof SyntaxError && (bodyError as BodyParserError).statusCode === 400) {
    return {
      problem: make('REQUEST_MALFORMED_JSON', 'El cuerpo de la solicitud no es JSON válido.', [{ field: 'body', message: 'JSON mal formado' }]),
      headers: {},
      internal: false,
    };
  }
  switch (bodyError?.type) {
    case 'entity.parse.failed':
      return {
        problem: make('REQUEST_MALFORMED_JSON', 'El cuerpo de la solicitud no es JSON válido.', [{ field: 'body', message: 'JSON mal formado' }]),
        headers: {},
        internal: false,
      };
    case 'entity.too.large':
      return {
        problem: make('REQUEST_TOO_LARGE', 'El cuerpo de la solicitud es demasiado grande.', [{ field: 'body', message: 'demasiado grande' }]),
        headers: {},
        internal: false,
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        problem: make('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'La codificación del cuerpo de la solicitud no es compatible.', [
          { field: 'body', message: bodyError.message },
        ]),
        headers: {},
        internal: false,
      };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return { problem: make('ROUTE_NOT_FOUND', 'No such endpoint.'), headers: {}, internal: false };
    if (status < 500) {
      const code: ErrorCode = status === 413 ? 'REQUEST_TOO_LARGE' : status === 415 ? 'REQUEST_UNSUPPORTED_MEDIA_TYPE' : 'REQUEST_INVALID';
      return { problem: make(code, error.message, [], status), headers: {}, internal: false };
    }
  }
  const data = dataException(error);
  if (data) {
    return {
      problem: make('VALIDATION_FAILED', 'Un valor de la solicitud no es válido para la base de datos (fuera de rango o con caracteres no admitidos).', [
        { field: data.column ?? 'body', message: `valor no admitido (SQLSTATE ${data.sqlState})` },
      ]),
      headers: {},
      internal: false,
    };
  }
  // node-postgres when every pooled connection stayed busy for connectionTimeoutMillis: overload, not a bug.
  if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) {
    return { problem: make('SERVICE_BUSY', 'El servicio está saturado; intenta de nuevo en unos segundos.'), headers: { 'Retry-After': '2' }, internal: false };
  }
  if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return {
      problem: make('REQUEST_INVALID', bodyError.message, [{ field: 'body', message: bodyError.message }], bodyError.status),
      headers: {},
      internal: false,
    };
  }
  return { problem: make('INTERNAL', 'An unexpected error occurred. Quote the request id when reporting it.'), headers: {}, internal: true };
}

const logger = new Logger('ProblemFilter');

/** Answers with the problem for `error`; Nest routes Fastify's own errors (body parsing, limits) here too. */
function sendProblem(error: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const requestId = requestIdOf(req);
  const { problem, headers, internal } = toProblem(error, requestId);
  if (internal) logger.error({ err: error, requestId }, 'Unhandled error');
  // A 400 for the client, but a validator let the value through: worth a look.
  else if (dataException(error)) logger.warn({ err: error, requestId }, 'PostgreSQL data exception answered as 400');
  if (reply.sent || reply.raw.headersSent) return;
  void reply.status(problem.status).headers(headers).type('application/problem+json').send(JSON.stringify(problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendProblem(error, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>());
  }
}

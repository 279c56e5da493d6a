import fastifyMultipart from '@fastify/multipart';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { RouteInventory } from './common/auth/route-inventory';
import { MesaError } from './common/errors/mesa-error';
import { parseByteSize } from './common/http/byte-size';
import { registerClientAddress } from './common/http/client-address';
import { buildOpenApiDocument } from './common/http/openapi';
import { PathIdsInterceptor } from './common/http/path-ids.interceptor';
import { genRequestId } from './common/http/request-id';
import { accessLogHooks, createLogger, logDestination, PinoNestLogger } from './common/infra/logging';
import type { AppConfig } from './config/config';

export const GLOBAL_PREFIX = 'api';

// JSON is the API's one body format (file uploads aside): `application/json` and `application/*+json`.
const JSON_TYPES = /^application\/(?:[\w.-]+\+)?json(?:\s*;|\s*$)/i;

/**
 * Builds the HTTP app (used by main.ts, tests and benchmarks alike) without listening. Fastify,
 * not Express: on this workload Nest on Express spent most of each cheap request in Express's
 * router and response machinery (a bare Nest route: ~5,000 vs ~40,000 requests/s here).
 */
export async function createApi(config: AppConfig, options: { logStream?: DestinationStream } = {}): Promise<INestApplication> {
  // The app's logger and the access log write to one destination (one writer keeps lines whole).
  const destination = logDestination(options.logStream);
  const logger = createLogger(config, destination);
  const adapter = new FastifyAdapter({
    // The client address comes from registerClientAddress (config.trustedProxies), not from Fastify.
    trustProxy: false,
    bodyLimit: parseByteSize(config.bodyLimit),
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => genRequestId(req),
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config }), adapter, {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  registerBodyParsers(fastify, config);
  await app.register(fastifyMultipart as never, { limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 5 } });

  registerClientAddress(fastify, config.trustedProxies);
  const log = accessLogHooks(config, destination);
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.header('X-Request-Id', req.id);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Cache-Control', 'no-store');
    done();
  });
  fastify.addHook('onResponse', log.onResponse);
  fastify.addHook('onRequestAbort', log.onRequestAbort);

  app.useGlobalInterceptors(new PathIdsInterceptor());
  app.setGlobalPrefix(GLOBAL_PREFIX);
  app.get(RouteInventory).setGlobalPrefix(GLOBAL_PREFIX);
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${GLOBAL_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${GLOBAL_PREFIX}/docs/openapi.json` });
  return app;
}

/**
 * JSON bodies in UTF-8 only; any other body is refused with 415 rather than ignored (a PATCH
 * answering 200 with no change). Multipart is parsed by the upload route itself.
 */
function registerBodyParsers(fastify: FastifyInstance, config: AppConfig): void {
  fastify.removeAllContentTypeParsers();
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(JSON_TYPES, { parseAs: 'string', bodyLimit: parseByteSize(config.bodyLimit) }, (req, body, done) => {
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(String(req.headers['content-type'] ?? ''))?.[2]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      done(
        new MesaError('REQUEST_UNSUPPORTED_MEDIA_TYPE', `The request body charset ${charset} is not supported; send UTF-8.`, { field: 'content-type' }),
        undefined,
      );
      return;
    }
    json(req, String(body), (error, value) => {
      // Strict, like a JSON API should be: the top level is an object or a list, never a bare "x" or null.
      if (!error && (value === null || typeof value !== 'object')) {
        done(new MesaError('REQUEST_MALFORMED_JSON', 'El cuerpo de la solicitud debe ser un objeto o un arreglo JSON.', { field: 'body' }), undefined);
        return;
      }
      done(error, value);
    });
  });
  fastify.addContentTypeParser('*', (_req, _payload, done) => {
    done(new MesaError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Envía el cuerpo de la solicitud como application/json.', { field: 'content-type' }), undefined);
  });
}

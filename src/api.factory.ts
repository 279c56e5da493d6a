import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Request } from 'express';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { createAccessLog, createLogger, PinoNestLogger } from './common/infra/logging';
import type { AppConfig } from './config/config';
import { RouteInventory } from './common/auth/route-inventory';
import { MesaError } from './common/errors/mesa-error';
import { PathIdsInterceptor } from './common/http/path-ids.interceptor';

export const GLOBAL_PREFIX = 'api';

/** Builds the HTTP app (used by main.ts, tests and benchmarks alike) without listening. */
export async function createApi(config: AppConfig, options: { logStream?: DestinationStream } = {}): Promise<INestApplication> {
  const logger = createLogger(config, options.logStream);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config }), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.set('trust proxy', config.trustProxy ? 'loopback, linklocal, uniquelocal' : false);
  app.disable('x-powered-by');
  // Responses are Cache-Control: no-store, so an ETag (a SHA-1 of every JSON body) buys nothing.
  app.set('etag', false);
  // First middleware: body-parser failures (413, malformed JSON) must carry the request id too.
  app.use(createAccessLog(logger));
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] });
  // A body the JSON parser skipped would otherwise be ignored silently (a PATCH answering 200 with no change).
  app.use((req: Request, _res: unknown, next: (err?: unknown) => void) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    // File uploads are the one place a non-JSON body is expected (multer parses them there).
    const upload = req.path.endsWith('/attachments') && req.is('multipart/form-data') !== false;
    if (hasBody && !upload && req.is(['application/json', 'application/*+json']) === false) {
      return next(new MesaError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.', { field: 'content-type' }));
    }
    next();
  });
  app.use((_req: unknown, res: { setHeader(k: string, v: string): void }, next: () => void) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.useGlobalInterceptors(new PathIdsInterceptor());
  app.setGlobalPrefix(GLOBAL_PREFIX);
  app.get(RouteInventory).setGlobalPrefix(GLOBAL_PREFIX);
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mesa API')
      .setDescription('Mesa service desk REST API. Errors are RFC 9457 problem+json.')
      .setVersion('1')
      .addCookieAuth('mesa_session')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Personal API token (mesa_pat_…)' })
      .build(),
  );
  SwaggerModule.setup(`${GLOBAL_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${GLOBAL_PREFIX}/docs/openapi.json` });
  return app;
}

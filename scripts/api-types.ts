// `npm run api:types` writes the portal's API types (web/lib/api-schema.d.ts) from the OpenAPI
// document; `npm run check:api-types` (part of `npm run check`) fails when the checked-in file is stale.
// The app is created in preview mode: the module graph and routes without any provider running, so
// no database or Redis is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import { GLOBAL_PREFIX } from '../src/api.factory';
import { AppModule } from '../src/app.module';
import { buildOpenApiDocument } from '../src/common/http/openapi';
import { loadConfig } from '../src/config/config';

const TARGET = join(process.cwd(), 'web/lib/api-schema.d.ts');
const HEADER = `/**
 * The Mesa API as the portal sees it, generated from the API's OpenAPI document (response schemas
 * in src/modules/<name>/dto/*.dto.ts). Do not edit: run \`npm run api:types\` after changing the API.
 */

`;

export async function generateApiTypes(): Promise<string> {
  // Placeholders only: nothing connects in preview mode.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://preview@localhost/preview',
    REDIS_URL: 'redis://localhost:6379',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.register({ config }), new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(GLOBAL_PREFIX);
  const document = buildOpenApiDocument(app);
  const ast = await openapiTS(document as never, { alphabetize: true });
  return HEADER + astToString(ast);
}

async function main(): Promise<void> {
  const fresh = await generateApiTypes();
  if (process.argv.includes('--write')) {
    writeFileSync(TARGET, fresh);
    console.log(`Wrote ${TARGET}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(TARGET, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (current !== fresh) {
    console.error('web/lib/api-schema.d.ts does not match the API: run `npm run api:types` and commit the result.');
    process.exitCode = 1;
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

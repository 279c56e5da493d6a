import request from 'supertest';
import { RouteInventory } from '../../src/common/auth/route-inventory';
import { createTestApp, type TestApp } from '../support/app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('documents every route, with request body schemas from the DTOs', async () => {
    const doc = (await request(t.url).get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
    };
    for (const r of t.app.get(RouteInventory).routes()) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect({ route: `${r.method} ${path}`, documented: Boolean(doc.paths[path]?.[r.method.toLowerCase()]) }).toEqual({
        route: `${r.method} ${path}`,
        documented: true,
      });
    }
    const createUser = doc.paths['/api/v1/users'].post.requestBody!.content['application/json'].schema;
    expect(Object.keys(createUser.properties ?? {})).toEqual(expect.arrayContaining(['email', 'fullName', 'password', 'roles']));
  });

  it('documents the success response of every route: a named JSON schema, no body, or the content types of a stream or file', async () => {
    type Op = { responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }> };
    const doc = (await request(t.url).get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, unknown> };
    };
    const bad: string[] = [];
    for (const r of t.app.get(RouteInventory).routes()) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const name = `${r.method} ${r.path} (${r.handler})`;
      if (!r.response || !op) {
        bad.push(`${name}: no ApiZodResponse, ApiNoContent or ApiStreamResponse`);
        continue;
      }
      const success = op.responses[String(r.response.status)];
      if (!success) bad.push(`${name}: no ${r.response.status} response in the document`);
      else if (r.response.kind === 'json') {
        const ref = success.content?.['application/json']?.schema.$ref ?? '';
        if (!doc.components.schemas[ref.replace('#/components/schemas/', '')])
          bad.push(`${name}: ${r.response.status} names no schema of components.schemas (${ref || 'none'})`);
      } else if (r.response.kind === 'stream' && !r.response.contentTypes.every((type) => success.content?.[type]))
        bad.push(`${name}: content types not documented`);
      if (op.responses['4XX']?.$ref !== '#/components/responses/Problem') bad.push(`${name}: errors not documented as problem+json`);
    }
    expect(bad).toEqual([]);
  });

  it('serves the interactive docs page', async () => {
    const res = await request(t.url).get('/api/docs').expect(200);
    expect(res.text).toMatch(/swagger/i);
  });
});

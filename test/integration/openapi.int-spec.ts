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
      expect({ route: `${r.method} ${path}`, documented: Boolean(doc.paths[path]?.[r.method.toLowerCase()]) }).toEqual({ route: `${r.method} ${path}`, documented: true });
    }
    const createUser = doc.paths['/api/v1/users'].post.requestBody!.content['application/json'].schema;
    expect(Object.keys(createUser.properties ?? {})).toEqual(expect.arrayContaining(['email', 'fullName', 'password', 'roles']));
  });

  it('serves the interactive docs page', async () => {
    const res = await request(t.url).get('/api/docs').expect(200);
    expect(res.text).toMatch(/swagger/i);
  });
});

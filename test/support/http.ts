import request from 'supertest';

export type Session = { cookie: string; csrf: string };

/** Signs in through the real endpoint and returns the cookies and CSRF token to replay. */
export async function login(url: string, email: string, password: string): Promise<Session> {
  const res = await request(url).post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: res.body.csrfToken as string };
}

/** supertest helpers that send a session's cookie (and CSRF header on writes). */
export function as(url: string, s: Session) {
  const r = request(url);
  return {
    get: (path: string) => r.get(path).set('Cookie', s.cookie),
    post: (path: string) => r.post(path).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf),
    patch: (path: string) => r.patch(path).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf),
    put: (path: string) => r.put(path).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf),
    delete: (path: string) => r.delete(path).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf),
  };
}

import { toProblem } from './problem.filter';
import { MesaError } from './mesa-error';

describe('toProblem', () => {
  it('turns an exhausted connection pool into a 503 with Retry-After, not a 500', () => {
    const r = toProblem(new Error('timeout exceeded when trying to connect'), 'req-1');
    expect(r).toMatchObject({ problem: { status: 503, code: 'SERVICE_BUSY', requestId: 'req-1' }, headers: { 'Retry-After': '2' }, internal: false });
  });

  it('hides unknown errors behind an opaque 500', () => {
    const r = toProblem(new Error('relation "x" does not exist at character 15'));
    expect(r.internal).toBe(true);
    expect(r.problem.status).toBe(500);
    expect(JSON.stringify(r.problem)).not.toContain('relation');
  });

  it('renders a domain error with its fields and extra members', () => {
    const r = toProblem(new MesaError('AUTH_RATE_LIMITED', 'Espere', { extra: { retryAfterSeconds: 30 } }));
    expect(r).toMatchObject({ problem: { status: 429, code: 'AUTH_RATE_LIMITED' }, headers: { 'Retry-After': '30' } });
    expect(r.problem).not.toHaveProperty('retryAfterSeconds');
  });
});

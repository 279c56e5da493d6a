import type request from 'supertest';
import type { RouteInfo } from '../../src/common/auth/route-inventory';

/**
 * Why a success response does not match what its route documents (ApiZodResponse and friends), or
 * null when it does: the status, the content type, and for JSON the body against the route's schema
 * (strict: a field the schema does not name is drift too).
 */
export function responseDriftError(route: RouteInfo, res: request.Response): string | null {
  const documented = route.response;
  if (!documented) return 'no documented response';
  if (res.status !== documented.status) return `status ${res.status}, documented ${documented.status}`;
  const type = String(res.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  if (documented.kind === 'none') return res.text ? `a ${res.text.length}-character body where none is documented` : null;
  if (documented.kind === 'stream')
    return documented.contentTypes.includes(type) || documented.contentTypes.includes('application/octet-stream') ? null : `content type ${type}`;
  if (type !== 'application/json') return `content type ${type || '(none)'}`;
  const parsed = documented.schema.safeParse(res.body);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

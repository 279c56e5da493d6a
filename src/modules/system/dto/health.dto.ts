import { z } from 'zod';

export const healthResponse = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Health' });
const check = z.enum(['ok', 'down']);
/** Also the body of the 503 when a dependency is down. */
export const readinessResponse = z
  .strictObject({ status: z.enum(['ok', 'unavailable']), checks: z.strictObject({ database: check, redis: check }) })
  .meta({ id: 'Readiness' });

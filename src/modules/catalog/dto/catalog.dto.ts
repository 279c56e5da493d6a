import { z } from 'zod';
import { pageQuery } from '../../../common/http/pagination';
import { SERVICE_STATUSES, SERVICE_TYPES } from '../entities/catalog-service.entity';

const text = (max: number) => z.string().trim().min(1, 'no debe estar vacío').max(max);
const fields = {
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/, 'solo letras, dígitos, . _ -'),
  name: text(200),
  description: z.string().trim().max(5000).nullable().optional(),
  category: text(120),
  subcategory: z.string().trim().max(120).nullable().optional(),
  type: z.enum(SERVICE_TYPES),
  status: z.enum(SERVICE_STATUSES).optional(),
  portalOrderable: z.boolean().optional(),
  teamL1Id: z.uuid().nullable().optional(),
  teamL2Id: z.uuid().nullable().optional(),
  teamL3Id: z.uuid().nullable().optional(),
  teamFieldId: z.uuid().nullable().optional(),
};
export const createServiceBody = z.strictObject(fields);
export const updateServiceBody = z.strictObject({
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
  version: z.number().int().min(1).optional(),
} as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> } & { version: z.ZodOptional<z.ZodNumber> });
export const serviceListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  category: z.string().trim().max(120).optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  ...pageQuery,
});
export type CreateServiceBody = z.output<typeof createServiceBody>;
export type UpdateServiceBody = z.output<typeof updateServiceBody>;
export type ServiceListQuery = z.output<typeof serviceListQuery>;

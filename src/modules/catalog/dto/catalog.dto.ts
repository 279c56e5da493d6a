import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../common/http/pagination';
import { idField, instantField, itemsSchema } from '../../../common/http/response-fields';
import { APPROVALS, SERVICE_STATUSES, SERVICE_TYPES } from '../entities/catalog-service.entity';
import { FIELD_TYPES } from '../request-form.rules';

const text = (max: number) => z.string().trim().min(1, 'no debe estar vacío').max(max);
const minutes = z.number().int().min(1).max(525_600);
const target = z.strictObject({ responseMinutes: minutes, resolutionMinutes: minutes });

// Whether the field and values exist in the form is checked by checkFormDefinition, in Spanish.
const conditionSchema = z.strictObject({
  field: z.string().min(1).max(50),
  values: z.array(z.string().trim().min(1).max(200)).max(200),
});

export const formFieldSchema = z.strictObject({
  key: z.string().min(1).max(50),
  type: z.enum(FIELD_TYPES),
  label: text(200),
  help: z.string().trim().max(500).optional(),
  required: z.boolean().default(false),
  validation: z
    .strictObject({
      regex: z.string().max(500).optional(),
      regexMessage: z.string().max(200).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      minLength: z.number().int().min(0).optional(),
      maxLength: z.number().int().min(1).max(10000).optional(),
      integer: z.boolean().optional(),
      options: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    })
    .optional(),
  showWhen: conditionSchema.optional(),
  requiredWhen: conditionSchema.optional(),
});

const fields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'solo letras, dígitos, . _ -'),
  name: text(200),
  description: z.string().trim().max(5000).nullable().optional(),
  category: text(120),
  subcategory: z.string().trim().max(120).nullable().optional(),
  type: z.enum(SERVICE_TYPES),
  portalOrderable: z.boolean().optional(),
  teamL1Id: z.uuid().nullable().optional(),
  teamL2Id: z.uuid().nullable().optional(),
  teamL3Id: z.uuid().nullable().optional(),
  teamFieldId: z.uuid().nullable().optional(),
  ownerOrganisationId: z.uuid().nullable().optional(),
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  approval: z.enum(APPROVALS).optional(),
  calendarCode: z.string().trim().min(1).max(40).optional(),
  slaTargets: z.strictObject({ critical: target.optional(), high: target.optional(), medium: target.optional(), low: target.optional() }).optional(),
  restricted: z.boolean().optional(),
  allowedOrganisationIds: z.array(z.uuid()).max(500).optional(),
  form: z.array(formFieldSchema).max(100).optional(),
};
/** Creating as 'active' publishes version 1 at once (seeding, imports); otherwise it starts as a draft. */
export const createServiceBody = z.strictObject({ ...fields, status: z.enum(['draft', 'active']).optional() });
export const updateServiceBody = z.strictObject({
  ...(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> }),
  version: z.number().int().min(1).optional(),
});
export const serviceListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  category: z.string().trim().max(120).optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  ...pageQuery,
});
export type CreateServiceBody = z.output<typeof createServiceBody>;
export type UpdateServiceBody = z.output<typeof updateServiceBody>;
export type ServiceListQuery = z.output<typeof serviceListQuery>;

// ---- Responses ----

const id = idField();
const count = z.number().int();
const targetResponse = z.strictObject({ responseMinutes: count, resolutionMinutes: count });
const conditionResponse = z.strictObject({ field: z.string(), values: z.array(z.string()) }).meta({ id: 'FieldCondition' });
export const formFieldResponse = z
  .strictObject({
    key: z.string(),
    type: z.enum(FIELD_TYPES),
    label: z.string(),
    help: z.string().optional(),
    required: z.boolean(),
    validation: z
      .strictObject({
        regex: z.string().optional(),
        regexMessage: z.string().optional(),
        min: z.number().optional(),
        max: z.number().optional(),
        minLength: count.optional(),
        maxLength: count.optional(),
        integer: z.boolean().optional(),
        options: z.array(z.string()).optional(),
      })
      .optional(),
    showWhen: conditionResponse.optional(),
    requiredWhen: conditionResponse.optional(),
  })
  .meta({ id: 'FormField' });

export const serviceResponse = z
  .strictObject({
    id,
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string(),
    subcategory: z.string().nullable(),
    type: z.enum(SERVICE_TYPES),
    status: z.enum(SERVICE_STATUSES),
    portalOrderable: z.boolean(),
    ownerOrganisationId: id.nullable(),
    teamL1Id: id.nullable(),
    teamL2Id: id.nullable(),
    teamL3Id: id.nullable(),
    teamFieldId: id.nullable(),
    leadTimeDays: count,
    approval: z.enum(APPROVALS),
    calendarCode: z.string(),
    slaTargets: z.strictObject({
      critical: targetResponse.optional(),
      high: targetResponse.optional(),
      medium: targetResponse.optional(),
      low: targetResponse.optional(),
    }),
    restricted: z.boolean(),
    allowedOrganisationIds: z.array(id),
    form: z.array(formFieldResponse),
    /** 0 until first published. */
    publishedVersion: count,
    version: count,
  })
  .meta({ id: 'Service' });
export const servicePageResponse = pageSchema(serviceResponse, 'ServicePage');
export const serviceVersionsResponse = itemsSchema(
  z.strictObject({ version: count, publishedAt: instantField(), publishedById: id.nullable(), snapshot: z.record(z.string(), z.unknown()) }),
  'ServiceVersions',
);
export const catalogImportResponse = z.strictObject({ created: count, updated: count }).meta({ id: 'CatalogImportResult' });

import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../common/http/pagination';
import { idField, instantField, itemsSchema } from '../../../common/http/response-fields';
import { ORGANISATION_KINDS } from '../entities/organisation.entity';

const text = (max: number) => z.string().trim().min(1, 'no debe estar vacío').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createOrganisationBody = z.strictObject({
  kind: z.enum(ORGANISATION_KINDS),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'solo letras, dígitos, . _ -'),
  name: text(200),
  parentId: z.uuid().nullable().optional(),
  requestersSeeUnitTickets: z.boolean().optional(),
  headUserId: z.uuid().nullable().optional(),
  email: z.email('debe ser un correo electrónico válido').max(254).nullable().optional(),
});
export const updateOrganisationBody = z.strictObject({
  code: createOrganisationBody.shape.code.optional(),
  name: text(200).optional(),
  parentId: z.uuid().nullable().optional(),
  isActive: z.boolean().optional(),
  requestersSeeUnitTickets: z.boolean().optional(),
  headUserId: z.uuid().nullable().optional(),
  email: createOrganisationBody.shape.email,
  version: z.number().int().min(1).optional(),
});
export const organisationListQuery = z.strictObject({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  parentId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export const createLocationBody = z.strictObject({
  name: text(200),
  building: optionalText(200),
  address: optionalText(500),
  municipality: text(120),
  state: optionalText(120),
});
export const updateLocationBody = z.strictObject({
  name: text(200).optional(),
  building: optionalText(200),
  address: optionalText(500),
  municipality: text(120).optional(),
  state: optionalText(120),
  version: z.number().int().min(1).optional(),
});
export const historyQuery = z.strictObject({ ...pageQuery });

export type CreateOrganisationBody = z.output<typeof createOrganisationBody>;
export type UpdateOrganisationBody = z.output<typeof updateOrganisationBody>;
export type OrganisationListQuery = z.output<typeof organisationListQuery>;
export type CreateLocationBody = z.output<typeof createLocationBody>;
export type UpdateLocationBody = z.output<typeof updateLocationBody>;

// ---- Responses ----

const id = idField();
const instant = instantField();

export const organisationResponse = z
  .strictObject({
    id,
    kind: z.enum(ORGANISATION_KINDS),
    code: z.string(),
    name: z.string(),
    parentId: id.nullable(),
    isActive: z.boolean(),
    requestersSeeUnitTickets: z.boolean(),
    headUserId: id.nullable(),
    email: z.string().nullable(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Organisation' });
export const organisationPageResponse = pageSchema(organisationResponse, 'OrganisationPage');
export const locationResponse = z
  .strictObject({
    id,
    organisationId: id,
    name: z.string(),
    building: z.string().nullable(),
    address: z.string().nullable(),
    municipality: z.string(),
    state: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Location' });
export const locationsResponse = itemsSchema(locationResponse, 'Locations');
export const organisationDetailResponse = organisationResponse.extend({ locations: z.array(locationResponse) }).meta({ id: 'OrganisationDetail' });

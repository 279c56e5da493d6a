import { z } from 'zod';
import { TOKEN_SCOPES } from '../../../common/auth/actor';
import { ROLES, SUPPORT_LEVELS } from '../../../common/auth/roles';
import { pageQuery, pageSchema } from '../../../common/http/pagination';
import { idField, instantField, itemsSchema } from '../../../common/http/response-fields';
import { type Permission, PERMISSIONS } from '../../../common/auth/permissions';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'debe ser un correo electrónico válido' }).max(254));
// Length and composition are checked by the password policy so the error names the seed's rule.
const password = z.string().max(1000);
const text = (max: number) => z.string().trim().min(1, 'no debe estar vacío').max(max);

export const loginBody = z.strictObject({ email, password: z.string().min(1, 'es obligatorio').max(1000) });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1, 'es obligatorio').max(1000), newPassword: password });
export const resetPasswordBody = z.strictObject({ newPassword: password });
export const createTokenBody = z.strictObject({
  name: text(100),
  /** Least privilege by default: a token writes only if asked for. */
  scope: z.enum(TOKEN_SCOPES).default('read_only'),
  /** Omitted or null: the token never expires (until revoked, or its owner's password or roles change). */
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

const roles = z
  .array(z.enum(ROLES))
  .min(1, 'indica al menos un rol')
  .max(ROLES.length)
  .transform((r) => [...new Set(r)]);
export const createUserBody = z.strictObject({
  email,
  fullName: text(200),
  password,
  roles,
  organisationId: z.uuid().nullable().optional(),
  isVip: z.boolean().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
});
export const updateUserBody = z.strictObject({
  fullName: text(200).optional(),
  email: email.optional(),
  roles: roles.optional(),
  organisationId: z.uuid().nullable().optional(),
  isVip: z.boolean().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
export const userListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  organisationId: z.uuid().optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Members (and the coordinator) of a team: the resolver picker. */
  teamId: z.uuid().optional(),
  /** Only desk staff (anyone who can work tickets). */
  staff: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});

export const createTeamBody = z.strictObject({
  name: text(120),
  description: z.string().trim().max(2000).nullable().optional(),
  supportLevel: z.enum(SUPPORT_LEVELS),
  coordinatorId: z.uuid().nullable().optional(),
  memberIds: z.array(z.uuid()).max(500).optional(),
});
export const updateTeamBody = z.strictObject({
  name: text(120).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  supportLevel: z.enum(SUPPORT_LEVELS).optional(),
  coordinatorId: z.uuid().nullable().optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
export const setMembersBody = z.strictObject({ userIds: z.array(z.uuid()).max(500) });
export const teamListQuery = z.strictObject({
  supportLevel: z.enum(SUPPORT_LEVELS).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export type CreateUserBody = z.output<typeof createUserBody>;
export type UpdateUserBody = z.output<typeof updateUserBody>;
export type UserListQuery = z.output<typeof userListQuery>;
export type CreateTeamBody = z.output<typeof createTeamBody>;
export type UpdateTeamBody = z.output<typeof updateTeamBody>;
export type TeamListQuery = z.output<typeof teamListQuery>;

// ---- Responses ----

const id = idField();
const instant = instantField();

export const meResponse = z
  .strictObject({
    id,
    email: z.string(),
    fullName: z.string(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])),
    organisation: z.strictObject({ id, name: z.string(), kind: z.string() }).nullable(),
    isVip: z.boolean(),
    phone: z.string().nullable(),
    /** The desk's IANA zone (DESK_TIME_ZONE): request-form dates and lead times are counted in it. */
    deskTimeZone: z.string(),
  })
  .meta({ id: 'Me' });
export const loginResponse = z.strictObject({ user: meResponse, csrfToken: z.string() }).meta({ id: 'LoginResult' });

export const apiTokenResponse = z
  .strictObject({
    id,
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    createdAt: instant,
    expiresAt: instant.nullable(),
    lastUsedAt: instant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export const apiTokensResponse = itemsSchema(apiTokenResponse, 'ApiTokens');
/** The token itself is shown once, at creation. */
export const createdApiTokenResponse = apiTokenResponse.extend({ token: z.string() }).meta({ id: 'CreatedApiToken' });

export const userResponse = z
  .strictObject({
    id,
    email: z.string(),
    fullName: z.string(),
    roles: z.array(z.enum(ROLES)),
    organisationId: id.nullable(),
    isVip: z.boolean(),
    phone: z.string().nullable(),
    isActive: z.boolean(),
    lastLoginAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export const userPageResponse = pageSchema(userResponse, 'UserPage');
export const rolesResponse = itemsSchema(z.strictObject({ id: z.enum(ROLES), label: z.string() }), 'Roles');

export const teamResponse = z
  .strictObject({
    id,
    name: z.string(),
    description: z.string().nullable(),
    supportLevel: z.enum(SUPPORT_LEVELS),
    coordinatorId: id.nullable(),
    isActive: z.boolean(),
    memberIds: z.array(id),
    version: z.number().int(),
  })
  .meta({ id: 'Team' });
export const teamPageResponse = pageSchema(teamResponse, 'TeamPage');

import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/modules/identity/argon2';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/common/auth/roles';

export const DEFAULT_PASSWORD = 'Mesa#2026demo';

let hashCache: Promise<string> | undefined;
const cheap = { memoryCost: 8192, timeCost: 1 };
const hash = (password: string) => (password === DEFAULT_PASSWORD ? (hashCache ??= hashPassword(password, cheap)) : hashPassword(password, cheap));

export type CreatedUser = { id: string; email: string; password: string; roles: Role[] };

export async function createUser(
  ds: DataSource,
  opts: { roles: Role[] | string[]; password?: string; email?: string; fullName?: string; organisationId?: string | null; isVip?: boolean; isActive?: boolean },
): Promise<CreatedUser> {
  const password = opts.password ?? DEFAULT_PASSWORD;
  const email = (opts.email ?? `${opts.roles[0] ?? 'user'}-${randomBytes(4).toString('hex')}@test.mesa.local`).toLowerCase();
  const [row] = (await ds.query(
    `INSERT INTO users (email, full_name, password_hash, roles, organisation_id, is_vip, is_active, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
    [
      email,
      opts.fullName ?? `Usuario ${email.split('@')[0]}`,
      await hash(password),
      opts.roles,
      opts.organisationId ?? null,
      opts.isVip ?? false,
      opts.isActive ?? true,
    ],
  )) as { id: string }[];
  return { id: row.id, email, password, roles: opts.roles as Role[] };
}

export async function createOrganisation(
  ds: DataSource,
  opts: { kind?: 'dependency' | 'responsible_unit' | 'area'; name?: string; code?: string; parentId?: string | null } = {},
): Promise<{ id: string; code: string }> {
  const code = opts.code ?? `ORG-${randomBytes(3).toString('hex')}`;
  const [row] = (await ds.query(`INSERT INTO organisations (kind, code, name, parent_id, version) VALUES ($1, $2, $3, $4, 1) RETURNING id`, [
    opts.kind ?? 'dependency',
    code,
    opts.name ?? `Organización ${code}`,
    opts.parentId ?? null,
  ])) as { id: string }[];
  return { id: row.id, code };
}

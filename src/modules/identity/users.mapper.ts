import type { Role } from '../../common/auth/roles';
import type { User } from './entities/user.entity';

export type UserDto = {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  organisationId: string | null;
  isVip: boolean;
  phone: string | null;
  isActive: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    roles: u.roles,
    organisationId: u.organisationId,
    isVip: u.isVip,
    phone: u.phone,
    isActive: u.isActive,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}

/** Fields tracked in the audit log (never the password hash). */
export const AUDITED_USER_FIELDS = ['email', 'fullName', 'roles', 'organisationId', 'isVip', 'phone', 'isActive'] as const;

import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const ACCESS_KEY = 'mesa:access';
export type AccessRule = { kind: 'public' } | { kind: 'permission'; permission: Permission };

/** The route needs a signed-in user holding this permission. */
export const Access = (permission: Permission) => SetMetadata(ACCESS_KEY, { kind: 'permission', permission } satisfies AccessRule);
/** The route is open to anonymous callers (login, health). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

export const SESSION_ONLY_KEY = 'mesa:session-only';
/** The route manages credentials (API tokens, the password): a signed-in person only, never an API token. */
export const SessionOnly = () => SetMetadata(SESSION_ONLY_KEY, true);

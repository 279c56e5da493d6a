import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';
import { requestIdOf } from '../http/request-id';

/** What a personal API token may do: read_only tokens are limited to safe methods. */
export const TOKEN_SCOPES = ['read_only', 'read_write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who is acting: attached to the request by the access guard, passed explicitly into services. */
export type Actor = {
  userId: string;
  email: string;
  roles: Role[];
  organisationId: string | null;
  via: 'session' | 'token';
  /** sha256 of the session token, when authenticated by cookie. */
  sessionId?: string;
  /** The API token's id and scope, when authenticated by Bearer token. */
  tokenId?: string;
  tokenScope?: TokenScope;
  requestId?: string;
};

export type AuthedRequest = { actor?: Actor; csrfToken?: string };

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.actor) throw new Error('CurrentActor used on a route without authentication');
  return { ...req.actor, requestId: requestIdOf(req) };
});

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';
import { requestIdOf } from '../http/request-id';

/** Who is acting: attached to the request by the access guard, passed explicitly into services. */
export type Actor = {
  userId: string;
  email: string;
  roles: Role[];
  organisationId: string | null;
  via: 'session' | 'token';
  /** sha256 of the session token, when authenticated by cookie. */
  sessionId?: string;
  requestId?: string;
};

export type AuthedRequest = { actor?: Actor; csrfToken?: string };

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.actor) throw new Error('CurrentActor used on a route without authentication');
  return { ...req.actor, requestId: requestIdOf(req) };
});

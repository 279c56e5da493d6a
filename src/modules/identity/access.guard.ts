import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest as Request } from 'fastify';
import { ACCESS_KEY, type AccessRule, SESSION_ONLY_KEY } from '../../common/auth/access.decorator';
import type { AuthedRequest } from '../../common/auth/actor';
import { rolesHave } from '../../common/auth/permissions';
import { MesaError } from '../../common/errors/mesa-error';
import { cookieValue } from '../../common/http/cookies';
import { safeEqual } from './secrets';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = 'mesa_session';
export const CSRF_COOKIE = 'mesa_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: authenticates (Bearer API token or session cookie), enforces CSRF on
 * cookie-authenticated writes, keeps API tokens to their scope and off credential management,
 * then checks the route's permission against the map.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    // Route inventory verification at boot makes this unreachable; deny rather than allow if it ever happens.
    if (!rule) throw new MesaError('AUTH_FORBIDDEN', 'Esta ruta no declara ninguna regla de acceso.');
    const req = context.switchToHttp().getRequest<Request & AuthedRequest>();

    const authorization = req.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const actor = await this.sessions.fromApiToken(authorization.slice(7).trim());
      if (!actor) throw new MesaError('AUTH_REQUIRED', 'El token de API no es válido, venció o fue revocado.');
      req.actor = actor;
    } else {
      const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
      const resolved = token ? await this.sessions.fromSession(token) : null;
      if (resolved) {
        req.actor = resolved.actor;
        req.csrfToken = resolved.csrfToken;
      }
    }

    if (rule.kind === 'public') return true;
    if (!req.actor) throw new MesaError('AUTH_REQUIRED', 'Inicia sesión para continuar.');
    if (req.actor.via === 'token') {
      // A leaked token must not become a way to mint lasting credentials or change the password.
      if (this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY_KEY, [context.getHandler(), context.getClass()])) {
        throw new MesaError('AUTH_SESSION_REQUIRED', 'Esta acción requiere una sesión iniciada; un token de API no puede realizarla.');
      }
      if (req.actor.tokenScope !== 'read_write' && !SAFE_METHODS.has(req.method)) {
        throw new MesaError('AUTH_TOKEN_READ_ONLY', 'Este token de API es de solo lectura: solo puede usar GET, HEAD y OPTIONS.');
      }
    }
    if (req.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
        throw new MesaError('AUTH_CSRF_INVALID', 'Falta el encabezado X-CSRF-Token o no es válido para una solicitud autenticada con cookie.', {
          field: CSRF_HEADER,
        });
      }
    }
    if (!rolesHave(req.actor.roles, rule.permission)) {
      throw new MesaError('AUTH_FORBIDDEN', 'No tienes permiso para esta acción.');
    }
    return true;
  }
}

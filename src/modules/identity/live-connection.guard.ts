import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthedRequest } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { type LiveConnection, LiveConnectionsService } from './live-connections.service';

type WithConnection = AuthedRequest & { liveConnection?: LiveConnection };

/**
 * Takes one of the caller's live-connection slots before a streaming route starts. It runs as a
 * guard because once an SSE response has begun (its headers go out on the next tick), a refusal
 * can no longer be a 429 problem. The slot is released whenever the response closes, however
 * the route ends.
 */
@Injectable()
export class LiveConnectionGuard implements CanActivate {
  constructor(private readonly live: LiveConnectionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithConnection>();
    // The global access guard has authenticated the caller already.
    if (!req.actor) throw new MesaError('AUTH_REQUIRED', 'Inicia sesión para continuar.');
    const connection = await this.live.open(req.actor);
    const raw = context.switchToHttp().getResponse<FastifyReply>().raw;
    if (raw.closed || raw.destroyed) connection.close();
    else raw.once('close', () => connection.close());
    req.liveConnection = connection;
    return true;
  }
}

/** The connection LiveConnectionGuard took for this request; its `ended` fires when the stream must stop. */
export const CurrentLiveConnection = createParamDecorator((_data: unknown, ctx: ExecutionContext): LiveConnection => {
  const connection = ctx.switchToHttp().getRequest<WithConnection>().liveConnection;
  if (!connection) throw new Error('CurrentLiveConnection used on a route without LiveConnectionGuard');
  return connection;
});

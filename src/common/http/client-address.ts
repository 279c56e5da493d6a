import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientAddress, trustedProxyMatcher, type TrustedProxyList } from './client-address.rules';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client's address by src/common/http/client-address.rules.ts: what limits, audit rows and logs use. */
    clientAddress: string;
  }
}

/**
 * Sets `request.clientAddress` on every request. Fastify's own trustProxy is left off so that
 * exactly one rule, shared with the portal's server, decides whose X-Forwarded-For is believed.
 */
export function registerClientAddress(fastify: FastifyInstance, trustedProxies: TrustedProxyList): void {
  const isTrusted = trustedProxyMatcher(trustedProxies);
  fastify.decorateRequest('clientAddress', '');
  fastify.addHook('onRequest', (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    req.clientAddress = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], isTrusted) ?? 'unknown';
    done();
  });
}

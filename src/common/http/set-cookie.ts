import { serialize, type SerializeOptions } from 'cookie';
import type { FastifyReply } from 'fastify';

/** Adds a Set-Cookie header (Fastify keeps every Set-Cookie a reply is given). */
export function setCookie(reply: FastifyReply, name: string, value: string, options: SerializeOptions): void {
  reply.header('set-cookie', serialize(name, value, options));
}

/** Expires a cookie in the browser (same name and path as it was set with). */
export function clearCookie(reply: FastifyReply, name: string, options: Pick<SerializeOptions, 'path'>): void {
  reply.header('set-cookie', serialize(name, '', { ...options, expires: new Date(0) }));
}

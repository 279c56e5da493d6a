// The portal's HTTP server: Next's request handler behind a few lines that decide the client's
// address. `next start` fills in X-Forwarded-For only when a request does not carry one, so a
// browser could name any address it liked, and the API (which trusts the portal) would count
// its failed sign-ins and write its audit rows under it. Next offers no hook before that point
// (route handlers never see the socket), hence this wrapper. Built by `npm run build -w web`
// into .next/portal-server/; run by npm start, docker-compose and the browser tests.
//
//   node web/.next/portal-server/web/server.js [-p 3000] [-H 127.0.0.1]
//
// WEB_TRUSTED_PROXIES (default none): proxies in front of the portal whose X-Forwarded-For is
// believed, by the same rule as the API's TRUSTED_PROXIES.
import { createServer, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import next from 'next';
import { clientAddress, parseTrustedProxies, trustedProxyMatcher } from '../src/common/http/client-address.rules';

// Headers a client could use to pose as having come through a proxy; only a trusted one may set them.
const PROXY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

function fail(message: string): never {
  console.error(`[portal] ${message}`);
  process.exit(1);
}

/** Rewrites the request's forwarding headers so that X-Forwarded-For is exactly the client's address. */
function forwardingFor(isTrusted: (address: string) => boolean) {
  return (req: IncomingMessage): void => {
    const peer = req.socket.remoteAddress;
    const client = clientAddress(peer, req.headers['x-forwarded-for'], isTrusted);
    if (client === null) delete req.headers['x-forwarded-for'];
    else req.headers['x-forwarded-for'] = client;
    if (peer === undefined || !isTrusted(peer)) {
      for (const name of PROXY_HEADERS) delete req.headers[name];
    }
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p', default: '3000' }, hostname: { type: 'string', short: 'H' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`-p must be a port number (got "${values.port}")`);
  const trusted = parseTrustedProxies(process.env.WEB_TRUSTED_PROXIES || 'none');
  if (!trusted.ok) fail(`WEB_TRUSTED_PROXIES: ${trusted.error}`);
  const rewrite = forwardingFor(trustedProxyMatcher(trusted.list));

  // This file runs from <web>/.next/portal-server/web/.
  const dir = path.resolve(__dirname, '..', '..', '..');
  const app = next({ dev: false, dir, hostname: values.hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    rewrite(req);
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.on('error', (error) => fail(`could not listen: ${error.message}`));
  server.listen(port, values.hostname, () => {
    console.log(`[portal] listening on http://${values.hostname ?? 'localhost'}:${port}`);
  });
  const stop = (code: number) => () => {
    // Open event streams would hold server.close() forever; like `next start`, just go.
    void app.close().finally(() => process.exit(code));
    setTimeout(() => process.exit(code), 3000).unref();
  };
  process.once('SIGTERM', stop(143));
  process.once('SIGINT', stop(130));
}

if (require.main === module) void main();

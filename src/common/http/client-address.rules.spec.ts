import fc from 'fast-check';
import { clientAddress, normaliseAddress, parseTrustedProxies, trustedProxyMatcher } from './client-address.rules';

const trusted = (value: string) => {
  const parsed = parseTrustedProxies(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return trustedProxyMatcher(parsed.list);
};

describe('parseTrustedProxies', () => {
  it.each([
    ['none', []],
    ['loopback', ['127.0.0.0/8', '::1']],
    ['10.0.0.5', ['10.0.0.5']],
    [' 10.0.0.0/8 , 172.31.250.10 ', ['10.0.0.0/8', '172.31.250.10']],
    ['loopback,::ffff:10.0.0.1,fd00::/8', ['127.0.0.0/8', '::1', '10.0.0.1', 'fd00::/8']],
    ['10.0.0.5,10.0.0.5', ['10.0.0.5']],
  ])('reads %j', (value, list) => {
    expect(parseTrustedProxies(value)).toEqual({ ok: true, list });
  });

  it.each(['', ' , ', 'true', 'proxy.example', '10.0.0.0/33', '::1/129', '10.0.0.0/x', '10.0.0.0/8/1', 'none,10.0.0.1', '*'])('refuses %j', (value) => {
    expect(parseTrustedProxies(value)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:10.0.0.1', '10.0.0.1'],
    ['10.0.0.1:5123', '10.0.0.1'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['[::1]', '::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['unknown', null],
    ['', null],
    ['10.0.0.256', null],
    ['<script>', null],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });
});

describe('clientAddress', () => {
  const portal = trusted('127.0.0.1');
  const chain = trusted('127.0.0.1, 10.0.0.0/8');
  const nobody = trusted('none');

  it.each([
    // [socket, X-Forwarded-For, trusted, client]
    ['203.0.113.5', undefined, portal, '203.0.113.5'],
    ['203.0.113.5', '127.0.0.1', portal, '203.0.113.5'], // a client pretending to be the portal
    ['203.0.113.5', '198.51.100.1', portal, '203.0.113.5'],
    ['::ffff:203.0.113.5', '198.51.100.1', portal, '203.0.113.5'],
    ['127.0.0.1', undefined, portal, '127.0.0.1'],
    ['127.0.0.1', '', portal, '127.0.0.1'],
    ['127.0.0.1', '198.51.100.1', portal, '198.51.100.1'],
    ['::ffff:127.0.0.1', '198.51.100.1', portal, '198.51.100.1'],
    ['127.0.0.1', '6.6.6.6, 198.51.100.1', portal, '198.51.100.1'], // the client's own entry is not believed
    ['127.0.0.1', ['6.6.6.6', '198.51.100.1'], portal, '198.51.100.1'],
    ['127.0.0.1', '198.51.100.1, 10.0.0.7', chain, '198.51.100.1'], // two trusted hops
    ['127.0.0.1', '198.51.100.1, 10.0.0.7', portal, '10.0.0.7'], // the inner hop is not trusted here
    ['127.0.0.1', '10.0.0.8, 10.0.0.7', chain, '10.0.0.8'], // all trusted: the leftmost is the best we know
    ['127.0.0.1', 'junk', portal, '127.0.0.1'],
    ['127.0.0.1', '198.51.100.1, junk', portal, '127.0.0.1'],
    ['127.0.0.1', '198.51.100.1:4711', portal, '198.51.100.1'],
    ['127.0.0.1', '198.51.100.1', nobody, '127.0.0.1'],
    [undefined, '198.51.100.1', portal, null],
  ] as const)('socket %j, X-Forwarded-For %j → %j', (socket, forwarded, isTrusted, expected) => {
    expect(clientAddress(socket, forwarded as string | string[] | undefined, isTrusted)).toBe(expected);
  });

  it('never lets an untrusted peer choose its address', () => {
    const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    fc.assert(
      fc.property(ipv4, fc.array(fc.oneof(ipv4, fc.string()), { maxLength: 5 }), (socket, hops) => {
        fc.pre(!socket.startsWith('127.'));
        expect(clientAddress(socket, hops.join(', '), portal)).toBe(socket);
      }),
    );
  });

  it('answers with the peer itself or one of the forwarded addresses', () => {
    const ipv4 = fc.tuple(fc.constantFrom(10, 127, 203), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    fc.assert(
      fc.property(ipv4, fc.array(ipv4, { maxLength: 5 }), (socket, hops) => {
        expect([socket, ...hops]).toContain(clientAddress(socket, hops.join(','), chain));
      }),
    );
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  createDigestClient,
  digestAuthorization,
  digestChallenges,
  parseAuthenticateHeader,
  type DigestChallenge,
} from '../../../../electron/platform/http-digest.js';
import { createNodeHttpClient, type HttpClient, type HttpOutcome, type HttpRequest } from '../../../../electron/platform/http.js';
import { DigestGate, type DigestRealm } from '../../../sim/onvif-device/digest-server.js';
import { startSimServer, type SimServer } from '../../../sim/onvif-device/server.js';

const responseOf = (header: string): string | undefined => /response="([0-9a-f]+)"/.exec(header)?.[1];

describe('digestAuthorization: published vectors', () => {
  it('RFC 2617 §3.5 (MD5, qop=auth)', () => {
    const challenge: DigestChallenge = {
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      algorithm: 'MD5',
      qop: ['auth', 'auth-int'],
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
      stale: false,
      userhash: false,
    };
    const header = digestAuthorization({
      challenge,
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      nc: 1,
      cnonce: '0a4f113b',
    });
    expect(responseOf(header)).toBe('6629fae49393a05397450978507c4ef1');
    expect(header).toContain('qop=auth, nc=00000001, cnonce="0a4f113b"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  const rfc7616 = {
    realm: 'http-auth@example.org',
    nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
    qop: ['auth', 'auth-int'],
    opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
    stale: false,
    userhash: false,
  };
  const input = {
    username: 'Mufasa',
    password: 'Circle of Life',
    method: 'GET',
    uri: '/dir/index.html',
    nc: 1,
    cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  };
  it('RFC 7616 §3.9.1 with MD5', () => {
    expect(responseOf(digestAuthorization({ ...input, challenge: { ...rfc7616, algorithm: 'MD5' } }))).toBe(
      '8ca523f5e9506fed4657c9700eebdbec',
    );
  });
  it('RFC 7616 §3.9.1 with SHA-256', () => {
    expect(responseOf(digestAuthorization({ ...input, challenge: { ...rfc7616, algorithm: 'SHA-256' } }))).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });
});

describe('challenge parsing', () => {
  it('reads both Hikvision challenges from one joined header and prefers SHA-256', () => {
    const joined =
      'Digest qop="auth", realm="IP Camera(C1234)", nonce="4e5749354d7a41304f5451364f4445344e54493d", stale="FALSE", ' +
      'Digest qop="auth", realm="IP Camera(C1234)", nonce="4e5749354d7a41304f5451364f4445344e54493d", stale="FALSE", algorithm="SHA-256"';
    const found = digestChallenges(joined);
    expect(found.map((c) => c.algorithm)).toEqual(['SHA-256', 'MD5']);
    expect(found[0]).toMatchObject({ realm: 'IP Camera(C1234)', qop: ['auth'], stale: false });
  });

  it('treats a missing algorithm as MD5, reads qop lists and unquoted values, and skips Basic and token68', () => {
    const found = digestChallenges(
      'Negotiate abc123==, Basic realm="x", Digest realm="Sony", nonce=abc, qop="auth,auth-int", opaque="o,p"',
    );
    expect(found).toEqual([
      { realm: 'Sony', nonce: 'abc', algorithm: 'MD5', qop: ['auth', 'auth-int'], opaque: 'o,p', stale: false, userhash: false },
    ]);
  });

  it('ignores unknown algorithms, challenges without a nonce, and absurdly long headers', () => {
    expect(digestChallenges('Digest realm="a", nonce="n", algorithm=SHA-1024')).toEqual([]);
    expect(digestChallenges('Digest realm="a"')).toEqual([]);
    expect(digestChallenges(`Digest realm="${'a'.repeat(10_000)}", nonce="n"`)).toEqual([]);
    // Garbage around a challenge is skipped; an unterminated quote ends the value.
    expect(parseAuthenticateHeader('"junk, ==, ,,, Digest nonce="x').map((c) => c.scheme)).toEqual(['junk', 'digest']);
    expect(digestChallenges('"junk, ==, ,,, Digest nonce="x').map((c) => c.nonce)).toEqual(['x']);
  });
});

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A protected resource behind the simulator's digest gate; counts what reached it. */
async function protectedResource(config: Omit<DigestRealm, 'realm'>, password = 'Pässwörd-密码') {
  const gate = new DigestGate({ realm: 'AXIS_ACCC8E012345', ...config });
  const seen = { requests: 0, wrong: 0 };
  server = await startSimServer({
    host: '127.0.0.1',
    handlers: [
      {
        answer(req) {
          seen.requests += 1;
          const check = gate.check(req.headers.authorization, req.method ?? 'GET', new Map([['root', password]]));
          if (check.result === 'ok') return { status: 200, body: 'OK' };
          if (check.result === 'wrong') seen.wrong += 1;
          return { status: 401, headers: { 'www-authenticate': gate.challenge(check.result === 'stale') }, body: '' };
        },
      },
    ],
  });
  return { url: `${server.url}/axis-cgi/param.cgi?action=list&group=root.Brand`, seen };
}

const get = (client: HttpClient, url: string): Promise<HttpOutcome> => client.request({ method: 'GET', url, timeoutMs: 2000 });
const status = (outcome: HttpOutcome): number => (outcome.ok ? outcome.response.status : -1);

describe('createDigestClient against a simulated camera', () => {
  it.each<[string, Omit<DigestRealm, 'realm'>, string]>([
    ['MD5 without algorithm, qop=auth', { algorithms: ['MD5'], qop: 'auth' }, 'MD5'],
    ['MD5 explicit, qop list auth,auth-int', { algorithms: ['MD5'], qop: 'auth,auth-int', explicitMd5: true }, 'MD5'],
    ['SHA-256 plus MD5 as two headers', { algorithms: ['MD5', 'SHA-256'], qop: 'auth' }, 'SHA-256'],
    ['RFC 2069 (no qop)', { algorithms: ['MD5'], qop: null }, 'MD5'],
  ])('logs in: %s, with a non-ASCII password', async (_name, config, algorithm) => {
    const { url, seen } = await protectedResource(config);
    const client = createDigestClient(createNodeHttpClient(), { username: 'root', password: 'Pässwörd-密码' });
    expect(status(await get(client, url))).toBe(200);
    expect(client.lastAlgorithm()).toBe(algorithm);
    expect(seen.wrong).toBe(0);
  });

  it('reuses a proven nonce with a rising nonce count: one 401 for a whole session', async () => {
    const { url, seen } = await protectedResource({ algorithms: ['MD5'], qop: 'auth' });
    const sent: HttpRequest[] = [];
    const node = createNodeHttpClient();
    const recording: HttpClient = { request: (req) => (sent.push(req), node.request(req)) };
    const client = createDigestClient(recording, { username: 'root', password: 'Pässwörd-密码' });
    for (let i = 0; i < 3; i++) expect(status(await get(client, url))).toBe(200);
    expect(seen.requests).toBe(4);
    expect(sent.map((r) => /nc=(\d+)/.exec(r.headers?.['authorization'] ?? '')?.[1] ?? '-')).toEqual([
      '-',
      '00000001',
      '00000002',
      '00000003',
    ]);
  });

  it('answers stale=true with the new nonce, without counting it as a wrong password', async () => {
    const { url, seen } = await protectedResource({ algorithms: ['MD5'], qop: 'auth', maxUses: 1 });
    const client = createDigestClient(createNodeHttpClient(), { username: 'root', password: 'Pässwörd-密码' });
    for (let i = 0; i < 3; i++) expect(status(await get(client, url))).toBe(200);
    expect(seen.wrong).toBe(0);
  });

  it('presents a wrong password exactly once and returns the 401 (lockout safety)', async () => {
    const { url, seen } = await protectedResource({ algorithms: ['MD5', 'SHA-256'], qop: 'auth' });
    const client = createDigestClient(createNodeHttpClient(), { username: 'root', password: 'wrong' });
    expect(status(await get(client, url))).toBe(401);
    expect(seen.wrong).toBe(1);
    expect(status(await get(client, url))).toBe(401);
    expect(seen.wrong).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import {
  accessTokenDescriptionSchema,
  apiBaseUrl,
  assertWritableToCamera,
  decodeAccessToken,
  MAX_ACCESS_TOKEN_CHARS,
  type AccessToken,
} from '../../../shared/access-token.js';

const SECRET = 'share.eyJzaSI6IDQyfQ.65a1b2c3t1a2b3c4.c2lnbmF0dXJlLW5vdC1yZWFs';
/** VXG's samples use Python-style separators; the codec must keep that exact text. */
const pyJson = (fields: Record<string, unknown>): string =>
  `{${Object.entries(fields)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const ALL = b64(pyJson({ camid: 12345, cmngrid: 67890, access: 'all', token: SECRET, api: 'web.example.test', cam: 'cam.example.test' }));

function decoded(text: unknown): AccessToken {
  const result = decodeAccessToken(text);
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

function rejection(text: unknown): string {
  const result = decodeAccessToken(text);
  if (result.ok) throw new Error('expected a rejection');
  return result.message;
}

describe('access token codec', () => {
  it('decodes an "all" token, keeps the original string byte for byte and allows it onto a camera', () => {
    const token = decoded(`  ${ALL}\n`);
    expect(token.kind).toBe('all');
    expect(token.camid).toBe(12345);
    expect(token.reveal()).toBe(ALL);
    expect(() => assertWritableToCamera(token)).not.toThrow();
    expect(accessTokenDescriptionSchema.parse(token.describe())).toEqual(token.describe());
    expect(token.describe()).toMatchObject({
      kind: 'all',
      camid: 12345,
      cmngrid: 67890,
      access: 'all',
      api: { host: 'web.example.test', port: 80, tlsPort: 443 },
      cam: { host: 'cam.example.test', port: 8888, tlsPort: 8883 },
    });
  });

  it('never shows the secret: describe, JSON, template strings and String() carry no part of it', () => {
    const token = decoded(ALL);
    for (const shown of [JSON.stringify(token.describe()), JSON.stringify({ token }), `${token}`, String(token)]) {
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(ALL);
      expect(shown).not.toContain('c2lnbmF0dXJl');
    }
  });

  it('refuses a view-only "watch" token for a camera, with a sentence that says which token to use', () => {
    const token = decoded(b64(pyJson({ camid: 7, cmngrid: 8, access: 'watch', token: SECRET, api: 'web.example.test' })));
    expect(token.kind).toBe('watch');
    expect(() => assertWritableToCamera(token)).toThrow(/view-only.*"all" token/);
  });

  it('classifies a token without camid as a group (SI) token and refuses it for a camera', () => {
    const token = decoded(b64(pyJson({ token: SECRET, api: 'web.example.test' })));
    expect(token.kind).toBe('group');
    expect(token.camid).toBeNull();
    expect(() => assertWritableToCamera(token)).toThrow(/group token/);
  });

  it('refuses a token whose access is neither all nor watch', () => {
    expect(() => assertWritableToCamera(decoded(b64(pyJson({ camid: 1, access: 'admin', token: SECRET }))))).toThrow(/"all"/);
  });

  it('applies the agent defaults: cam falls back to api, ports from api_sp and cam_p when present', () => {
    const token = decoded(b64(pyJson({ camid: 1, access: 'all', token: SECRET, api: 'vms.example.test', api_sp: 8443, cam_p: 9000 })));
    const d = token.describe();
    expect(d.cam).toEqual({ host: 'vms.example.test', port: 9000, tlsPort: 8883 });
    expect(apiBaseUrl(d)).toBe('https://vms.example.test:8443');
  });

  it('rejects a truncated token with a sentence that says to copy it again, never echoing the input', () => {
    const cut = ALL.slice(0, ALL.length - 17);
    const message = rejection(cut);
    expect(message).toMatch(/cut off|copy it again/i);
    expect(message).not.toContain(cut.slice(0, 20));
  });

  it('rejects base64 of something that is not JSON', () => {
    expect(rejection(b64('hello, camera'))).toMatch(/not JSON/);
  });

  it('rejects text that is not base64 (url-safe alphabet, spaces inside, bad padding)', () => {
    expect(rejection('not a token at all')).toMatch(/not base64/);
    expect(rejection(ALL.replaceAll('+', '-').replaceAll('/', '_') + '-_')).toMatch(/not base64/);
    expect(rejection('QUJD=')).toMatch(/not base64/);
  });

  it('rejects oversize input before decoding it', () => {
    const huge = 'A'.repeat(MAX_ACCESS_TOKEN_CHARS + 4);
    expect(rejection(huge)).toMatch(/longer than 4096/);
    expect(rejection('A'.repeat(10_000_000))).toMatch(/longer than/);
  });

  it('rejects hostile field types with the field name and no crash', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ camid: '12345', access: 'all', token: SECRET }, 'camid'],
      [{ camid: 1.5, access: 'all', token: SECRET }, 'camid'],
      [{ camid: 1, access: 'all', token: 42 }, 'token'],
      [{ camid: 1, access: 'all' }, 'token'],
      [{ camid: 1, access: 'all', token: SECRET, api: { host: 'x' } }, 'api'],
      [{ camid: 1, access: 'all', token: SECRET, cam_sp: 70000 }, 'cam_sp'],
      [{ camid: 1, access: ['all'], token: SECRET }, 'access'],
    ];
    for (const [fields, name] of cases) expect(rejection(b64(JSON.stringify(fields)))).toContain(`"${name}"`);
    expect(rejection(b64('[1,2,3]'))).toMatch(/not a JSON object/);
    expect(rejection(b64('null'))).toMatch(/not a JSON object/);
    expect(rejection(12345)).toMatch(/must be text/);
    expect(rejection(Buffer.from([0xff, 0xfe, 0x00]).toString('base64'))).toMatch(/does not decode to text/);
  });

  it('keeps unknown fields in the original string (the camera gets exactly what the cloud issued)', () => {
    const raw = b64(
      pyJson({ camid: 1, cmngrid: 2, access: 'all', token: SECRET, api: 'a.test', proxy: { socks5: 'socks5://p' }, future: 1 }),
    );
    expect(decoded(raw).reveal()).toBe(raw);
  });
});

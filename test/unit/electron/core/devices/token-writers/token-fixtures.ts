/** Shared set-up for the token-writer specs: tokens in VXG's shape and the secret-leak check. */
import { decodeAccessToken, type AccessToken } from '../../../../../../shared/access-token.js';

/** Python-style JSON (", " / ": ") as VXG mints it. */
const pythonJson = (value: Record<string, string | number>): string =>
  `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;

/**
 * An `all` token for `camid` whose base64 holds "+", "/" and "=" — the three characters a query string mangles.
 * The inner secret is varied deterministically until all three appear.
 */
export function awkwardToken(camid: number, host = '127.0.0.1'): string {
  for (let i = 0; i < 100_000; i++) {
    const raw = Buffer.from(
      pythonJson({
        camid,
        cmngrid: camid + 5000,
        access: 'all',
        token: `share.eyJzaSI6MX0.${i.toString(16)}t0ff1ce.>>?~~~${i}`,
        api: host,
        cam: host,
      }),
    ).toString('base64');
    if (raw.includes('+') && raw.includes('/') && raw.endsWith('=')) return raw;
  }
  throw new Error('no awkward token found');
}

export function decoded(raw: string): AccessToken {
  const result = decodeAccessToken(raw);
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

/** The secrets in a raw token: the whole string and its inner `token` field. */
export function secretsOf(raw: string): string[] {
  const inner = (JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { token: string }).token;
  return [raw, inner];
}

/** Every text the writer let out (steps and outcome), checked for every secret. */
export function leaks(texts: string[], secrets: string[]): string[] {
  return texts.filter((t) => secrets.some((s) => s.length > 0 && t.includes(s)));
}

/**
 * The camera side of HTTP Digest (RFC 7616 §3.3–3.4), written from the RFC for the simulators and kept apart
 * from electron/platform/http-digest.ts so a shared misunderstanding cannot make both sides agree wrongly.
 * Challenges carry a fresh nonce and an opaque; nonces expire after `maxUses` answers (then stale=true).
 */
import { createHash, randomBytes } from 'node:crypto';

export type SimDigestAlgorithm = 'MD5' | 'SHA-256';

export interface DigestRealm {
  realm: string;
  /** Challenges sent, in header order. Hikvision: [MD5 without algorithm, SHA-256]. */
  algorithms: SimDigestAlgorithm[];
  /** Write `algorithm=MD5` explicitly, or leave it out as older cameras do. */
  explicitMd5?: boolean;
  /** The qop parameter as sent, e.g. "auth" or "auth,auth-int"; null for RFC 2069 (no qop). */
  qop: string | null;
  /** Answers one nonce accepts before it is declared stale. */
  maxUses?: number;
}

export type DigestCheck = 'none' | 'ok' | 'wrong' | 'stale';

const hex = (algorithm: SimDigestAlgorithm, text: string): string =>
  createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
    .update(text, 'utf8')
    .digest('hex');

/** Authorization: Digest k=v, k="v" → map (lower-case keys). */
function params(header: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (let m = re.exec(header); m !== null; m = re.exec(header)) out.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1'));
  return out;
}

export class DigestGate {
  private readonly nonces = new Map<string, { uses: number; opaque: string }>();
  constructor(private readonly config: DigestRealm) {}

  /** The WWW-Authenticate values for a 401 (one per algorithm: node sends an array as repeated headers). */
  challenge(stale = false): string[] {
    const nonce = randomBytes(16).toString('base64');
    const opaque = randomBytes(8).toString('hex');
    this.nonces.set(nonce, { uses: 0, opaque });
    if (this.nonces.size > 10_000) this.nonces.delete(this.nonces.keys().next().value!);
    return this.config.algorithms.map((algorithm) => {
      const parts = [`realm="${this.config.realm}"`];
      if (this.config.qop !== null) parts.push(`qop="${this.config.qop}"`);
      parts.push(`nonce="${nonce}"`, `opaque="${opaque}"`);
      if (algorithm === 'SHA-256' || this.config.explicitMd5) parts.push(`algorithm=${algorithm}`);
      if (stale) parts.push('stale=TRUE');
      return `Digest ${parts.join(', ')}`;
    });
  }

  /** Check an Authorization header against the user's password; 'none' when there is no Digest header. */
  check(authorization: string | undefined, method: string, users: ReadonlyMap<string, string>): { result: DigestCheck; user?: string } {
    if (!authorization || !/^digest\s/i.test(authorization)) return { result: 'none' };
    const p = params(authorization.slice(7));
    const user = p.get('username') ?? '';
    const nonce = p.get('nonce') ?? '';
    const algorithm = (p.get('algorithm') ?? 'MD5').toUpperCase() === 'SHA-256' ? 'SHA-256' : 'MD5';
    const known = this.nonces.get(nonce);
    if (!known || !this.config.algorithms.includes(algorithm) || p.get('realm') !== this.config.realm) return { result: 'wrong', user };
    if (p.get('opaque') !== known.opaque) return { result: 'wrong', user };
    const password = users.get(user);
    if (password === undefined) return { result: 'wrong', user };
    const ha1 = hex(algorithm, `${user}:${this.config.realm}:${password}`);
    const ha2 = hex(algorithm, `${method}:${p.get('uri') ?? ''}`);
    const qop = p.get('qop');
    const expected =
      this.config.qop === null
        ? hex(algorithm, `${ha1}:${nonce}:${ha2}`)
        : hex(algorithm, `${ha1}:${nonce}:${p.get('nc')}:${p.get('cnonce')}:${qop}:${ha2}`);
    if (this.config.qop !== null && qop !== 'auth') return { result: 'wrong', user };
    if (p.get('response') !== expected) return { result: 'wrong', user };
    known.uses += 1;
    if (known.uses > (this.config.maxUses ?? Infinity)) return { result: 'stale', user };
    return { result: 'ok', user };
  }
}

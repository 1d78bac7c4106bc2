/**
 * HTTP Digest authentication (RFC 7616, and RFC 2617 / 2069 as cameras still speak them) over the HttpClient
 * port. Cameras are the peers here: ONVIF device services and Axis VAPIX answer 401 with one or more
 * `WWW-Authenticate: Digest …` challenges.
 *
 * Device quirks handled (shared/reference/discovery.md §2.4): Hikvision sends two challenges in one response
 * (MD5 without `algorithm`, and `algorithm="SHA-256"`) — the port joins repeated headers with ", ", so the
 * challenge list is parsed with RFC 7235 grammar and SHA-256 is preferred; a missing `algorithm` means MD5;
 * `qop="auth,auth-int"` lists (we choose `auth`); `opaque` is echoed; `nc` counts per nonce; a 401 with
 * `stale=true` means our nonce expired, not that the password is wrong, so we retry once with the new nonce.
 *
 * Hazards: challenge headers are untrusted (bounded length, count and parameter count, never throw); the
 * password is hashed as UTF-8 (RFC 7616 `charset=UTF-8`) so non-ASCII passwords work; no message here ever
 * contains the password, a response hash or an Authorization header.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseZonedUrl, type HttpClient, type HttpOutcome, type HttpRequest, type HttpResponse } from './http.js';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess' | 'SHA-512-256' | 'SHA-512-256-sess';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  algorithm: DigestAlgorithm;
  /** The qop values the server offered, lower-case; empty for RFC 2069 servers. */
  qop: string[];
  opaque: string | null;
  stale: boolean;
  userhash: boolean;
}

/** A challenge header longer than this is not from a camera; we ignore it. */
export const MAX_CHALLENGE_HEADER_CHARS = 8192;
const MAX_CHALLENGES = 8;
const MAX_PARAMS = 32;

const HASH_OF: Record<DigestAlgorithm, string> = {
  MD5: 'md5',
  'MD5-sess': 'md5',
  'SHA-256': 'sha256',
  'SHA-256-sess': 'sha256',
  'SHA-512-256': 'sha512-256',
  'SHA-512-256-sess': 'sha512-256',
};
/** Strongest first: the order we pick in when a server offers several. */
const PREFERENCE: DigestAlgorithm[] = ['SHA-512-256', 'SHA-256', 'SHA-512-256-sess', 'SHA-256-sess', 'MD5', 'MD5-sess'];

function algorithmOf(value: string | undefined): DigestAlgorithm | null {
  if (value === undefined || value === '') return 'MD5'; // RFC 2617: absent means MD5
  return PREFERENCE.find((name) => name.toLowerCase() === value.toLowerCase()) ?? null;
}

interface RawChallenge {
  scheme: string;
  params: Map<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/**
 * Every challenge in a WWW-Authenticate value (or several values joined with ", "): scheme plus parameters.
 * Lenient where cameras are sloppy (spaces around "=", unquoted values); never throws.
 */
export function parseAuthenticateHeader(header: string): RawChallenge[] {
  if (header.length > MAX_CHALLENGE_HEADER_CHARS) return [];
  const out: RawChallenge[] = [];
  let rest = header;
  let current: RawChallenge | null = null;
  const skip = (pattern: RegExp): void => {
    rest = rest.replace(pattern, '');
  };
  while (rest.length > 0 && out.length <= MAX_CHALLENGES) {
    skip(/^[\s,]+/);
    const token = TOKEN.exec(rest)?.[0];
    if (!token) {
      rest = rest.slice(1); // a stray character: drop it and carry on
      continue;
    }
    rest = rest.slice(token.length);
    const afterSpace = rest.replace(/^\s+/, '');
    if (afterSpace.startsWith('=') && current && !/^=+\s*(,|$)/.test(afterSpace)) {
      rest = afterSpace.slice(1).replace(/^\s+/, '');
      let value: string;
      if (rest.startsWith('"')) {
        const match = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
        value = match ? match[1]!.replace(/\\(.)/g, '$1') : rest.slice(1);
        rest = match ? rest.slice(match[0].length) : '';
      } else {
        value = /^[^,\s]*/.exec(rest)![0];
        rest = rest.slice(value.length);
      }
      if (current.params.size < MAX_PARAMS && !current.params.has(token.toLowerCase())) current.params.set(token.toLowerCase(), value);
      continue;
    }
    if (afterSpace.startsWith('=')) {
      skip(/^\s*=+/); // token68 (Negotiate/Bearer blobs): not ours, skip it
      continue;
    }
    current = { scheme: token.toLowerCase(), params: new Map() };
    out.push(current);
  }
  return out.slice(0, MAX_CHALLENGES);
}

/** The Digest challenges we can answer, strongest algorithm first. */
export function digestChallenges(header: string | undefined): DigestChallenge[] {
  if (!header) return [];
  const found: DigestChallenge[] = [];
  for (const raw of parseAuthenticateHeader(header)) {
    if (raw.scheme !== 'digest') continue;
    const nonce = raw.params.get('nonce');
    const algorithm = algorithmOf(raw.params.get('algorithm'));
    if (!nonce || !algorithm) continue;
    found.push({
      realm: raw.params.get('realm') ?? '',
      nonce,
      algorithm,
      qop: (raw.params.get('qop') ?? '')
        .split(',')
        .map((q) => q.trim().toLowerCase())
        .filter((q) => q.length > 0),
      opaque: raw.params.get('opaque') ?? null,
      stale: raw.params.get('stale')?.toLowerCase() === 'true',
      userhash: raw.params.get('userhash')?.toLowerCase() === 'true',
    });
  }
  return found.sort((a, b) => PREFERENCE.indexOf(a.algorithm) - PREFERENCE.indexOf(b.algorithm));
}

const hash = (algorithm: DigestAlgorithm, text: string): string =>
  createHash(HASH_OF[algorithm]).update(Buffer.from(text, 'utf8')).digest('hex');

export interface DigestInput {
  challenge: DigestChallenge;
  username: string;
  password: string;
  method: string;
  /** Request-target: path and query, as sent on the request line. */
  uri: string;
  /** Only for qop=auth-int. */
  body?: string;
  nc: number;
  cnonce: string;
}

/** Quote a value for a header parameter (a username may hold `"` or `\`). */
const quote = (value: string): string => `"${value.replace(/[\\"]/g, '\\$&')}"`;

/** The Authorization header value for one request. The result is a secret (it proves the password). */
export function digestAuthorization(input: DigestInput): string {
  const { challenge: c, username, password, method, uri, nc, cnonce } = input;
  const h = (text: string): string => hash(c.algorithm, text);
  const qop = c.qop.includes('auth') ? 'auth' : c.qop.includes('auth-int') ? 'auth-int' : null;
  const ncText = nc.toString(16).padStart(8, '0');
  let ha1 = h(`${username}:${c.realm}:${password}`);
  if (c.algorithm.endsWith('-sess')) ha1 = h(`${ha1}:${c.nonce}:${cnonce}`);
  const ha2 = h(qop === 'auth-int' ? `${method}:${uri}:${h(input.body ?? '')}` : `${method}:${uri}`);
  const response = qop === null ? h(`${ha1}:${c.nonce}:${ha2}`) : h(`${ha1}:${c.nonce}:${ncText}:${cnonce}:${qop}:${ha2}`);
  const user = c.userhash ? h(`${username}:${c.realm}`) : username;
  const parts = [
    `username=${quote(user)}`,
    `realm=${quote(c.realm)}`,
    `nonce=${quote(c.nonce)}`,
    `uri=${quote(uri)}`,
    `algorithm=${c.algorithm}`,
    `response=${quote(response)}`,
  ];
  if (c.opaque !== null) parts.push(`opaque=${quote(c.opaque)}`);
  if (qop !== null) parts.push(`qop=${qop}`, `nc=${ncText}`, `cnonce=${quote(cnonce)}`);
  if (c.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

export interface DigestCredentials {
  username: string;
  password: string;
}

export interface DigestClientOptions {
  /** cnonce source; injected so tests can use RFC vectors. */
  cnonce?: () => string;
}

/** What happened to authentication on the last exchange, for callers that report the method used. */
export interface DigestHttpClient extends HttpClient {
  /** The algorithm of the last challenge we answered, or null if the server never asked. */
  lastAlgorithm(): DigestAlgorithm | null;
  /**
   * Answer a 401 the caller already got for `req` (sent without credentials, e.g. with a WS-Security header
   * instead), saving one round trip. Returns `response` unchanged when it holds no Digest challenge.
   */
  answer(req: HttpRequest, response: HttpResponse): Promise<HttpOutcome>;
}

function requestTarget(url: string): string {
  const parsed = parseZonedUrl(url)?.url;
  return parsed ? `${parsed.pathname}${parsed.search}` : '/';
}

/**
 * An HttpClient that answers Digest challenges with one set of credentials. The first request goes without
 * credentials (a camera that needs none, or WS-Security only, must not see a password it did not ask for).
 * Once a challenge has worked, later requests reuse it with the next nonce count, so a session costs one 401,
 * not one per call. Lockout hazard: a 401 to our answer is returned as is (wrong password) — never retried —
 * except `stale=true` (our nonce expired), and a proven nonce the camera rotated away: each retried once.
 */
export function createDigestClient(http: HttpClient, credentials: DigestCredentials, options: DigestClientOptions = {}): DigestHttpClient {
  const cnonce = options.cnonce ?? ((): string => randomBytes(16).toString('hex'));
  let proven: DigestChallenge | null = null;
  let last: DigestChallenge | null = null;
  let nonce = '';
  let nc = 0;
  const authorise = (req: HttpRequest, challenge: DigestChallenge): HttpRequest => {
    if (challenge.nonce !== nonce) [nonce, nc] = [challenge.nonce, 0];
    nc += 1;
    last = challenge;
    const uri = requestTarget(req.url);
    const authorization = digestAuthorization({
      challenge,
      ...credentials,
      method: req.method,
      uri,
      body: req.body ?? '',
      nc,
      cnonce: cnonce(),
    });
    return { ...req, headers: { ...req.headers, authorization } };
  };
  const refused = (outcome: HttpOutcome): outcome is { ok: true; response: HttpResponse } => outcome.ok && outcome.response.status === 401;
  const offered = (outcome: { response: HttpResponse }): DigestChallenge | null =>
    digestChallenges(outcome.response.headers['www-authenticate'])[0] ?? null;
  const settle = (outcome: HttpOutcome, used: DigestChallenge): HttpOutcome => {
    proven = outcome.ok && outcome.response.status !== 401 ? used : null;
    return outcome;
  };
  const answerChallenge = async (req: HttpRequest, response: HttpResponse): Promise<HttpOutcome> => {
    const challenge = offered({ response });
    if (!challenge) return { ok: true, response };
    const second = await http.request(authorise(req, challenge));
    if (!refused(second)) return settle(second, challenge);
    const again = offered(second);
    if (!again?.stale) return settle(second, challenge);
    return settle(await http.request(authorise(req, again)), again);
  };
  return {
    lastAlgorithm: () => last?.algorithm ?? null,
    async request(req): Promise<HttpOutcome> {
      if (proven) {
        const first = await http.request(authorise(req, proven));
        if (!refused(first)) return first;
        const fresh = offered(first);
        if (!fresh || fresh.nonce === proven.nonce) return settle(first, proven);
        return settle(await http.request(authorise(req, fresh)), fresh);
      }
      const first = await http.request(req);
      return refused(first) ? answerChallenge(req, first.response) : first;
    },
    answer: (req, response) => answerChallenge(req, response),
  };
}

/**
 * Checks on an untrusted HTTP request before it reaches a file or the WebSocket: a request target we can
 * parse, a Host header naming this server (against DNS rebinding), the token, and the page's Origin.
 * Pure functions: nothing here throws, whatever the request holds.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface ServerAddress {
  /** The address the server is bound to (`127.0.0.1` unless --allow-remote). */
  host: string;
  port: number;
}

/** Path and query of an origin-form request target (`/ws?token=…`); null for anything else. */
export function parseTarget(target: string | undefined): { path: string; query: URLSearchParams } | null {
  // `//a:99999/ws` would read as an authority to a URL parser (and throw on the port): not origin-form.
  if (!target || target.length > 4096 || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    const url = new URL(target, 'http://server.invalid');
    return { path: url.pathname, query: url.searchParams };
  } catch {
    return null;
  }
}

const isLoopbackBind = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);
const bracketed = (host: string) => (host.includes(':') ? `[${host}]` : host);

/**
 * The Host header must name this server: a loopback name and our port; when bound beyond loopback, also the
 * bound address, and for a wildcard bind any IP literal. A DNS name other than localhost is refused: that is
 * how a rebinding attack reaches 127.0.0.1 from a page on the attacker's name.
 */
export function hostAllowed(hostHeader: string | undefined, server: ServerAddress): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostHeader);
  if (!match?.[1] || Number(match[2] ?? 80) !== server.port) return false;
  const name = match[1].toLowerCase();
  if (LOOPBACK_HOSTS.has(name)) return true;
  if (isLoopbackBind(server.host)) return false;
  if (name === bracketed(server.host).toLowerCase()) return true;
  const wildcard = server.host === '0.0.0.0' || server.host === '::';
  return wildcard && isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}

/** A browser always sends Origin; it must be this server's own http address on a name we answer to. */
export function originAllowed(origin: string | undefined, server: ServerAddress): boolean {
  if (origin === undefined) return true; // not a browser (scripts, tests); the token still applies
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && hostAllowed(u.host || undefined, server) && Number(u.port || 80) === server.port;
  } catch {
    return false;
  }
}

export function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: string; why: string };

/** Whether a WebSocket upgrade may proceed, checked in the order that leaks least to an unauthenticated caller. */
export function checkUpgrade(
  req: { url?: string; headers: { host?: string; origin?: string } },
  server: ServerAddress,
  token: string,
): UpgradeVerdict {
  const target = parseTarget(req.url);
  if (!target) return { ok: false, status: '400 Bad Request', why: 'unparsable request target' };
  if (!hostAllowed(req.headers.host, server)) return { ok: false, status: '403 Forbidden', why: 'host' };
  if (target.path !== '/ws') return { ok: false, status: '404 Not Found', why: 'path' };
  if (!sameToken(target.query.get('token'), token)) return { ok: false, status: '401 Unauthorized', why: 'token' };
  if (!originAllowed(req.headers.origin, server)) return { ok: false, status: '403 Forbidden', why: 'origin' };
  return { ok: true };
}

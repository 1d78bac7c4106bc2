/**
 * HTTP client port and its node:http(s) adapter. Cloud replies are untrusted: every request has a deadline
 * that covers a slow body as well as a slow connect, the response body is capped, redirects are not followed
 * (they could carry the Authorization header elsewhere), and nothing throws — failures come back as values.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Default cap on a response body; a page of 1000 channels with meta is well under this. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whole exchange: connect, send, headers and body. */
  timeoutMs?: number;
  maxResponseBytes?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export type HttpFailureKind = 'timeout' | 'network' | 'too-large' | 'bad-url';

export type HttpOutcome = { ok: true; response: HttpResponse } | { ok: false; kind: HttpFailureKind; message: string };

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpOutcome>;
}

/** An interface name as a zone: letters, digits, `_`, `.`, `-`; at most 64 characters. */
const ZONE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * `new URL` for http(s) addresses that may carry an IPv6 zone in RFC 6874 form (`http://[fe80::1%25eth0]/…`),
 * which WHATWG URL rejects: the URL without the zone, and the zone. Null when the text is not a URL.
 */
export function parseZonedUrl(text: string): { url: URL; zone: string | null } | null {
  const zoned = /^(https?:\/\/\[[0-9A-Fa-f:.]+)%25([^\]]*)(\].*)$/.exec(text);
  try {
    if (!zoned) return { url: new URL(text), zone: null };
    if (!ZONE.test(zoned[2]!)) return null;
    return { url: new URL(zoned[1]! + zoned[3]!), zone: zoned[2]! };
  } catch {
    return null;
  }
}

/** The URL text for an IPv6 address with a zone: `http://[fe80::1%25eth0]:8080/path` (the zone not checked here). */
export function withZone(url: URL, zone: string | null): string {
  if (zone === null || !url.hostname.startsWith('[')) return url.href;
  return `${url.protocol}//[${url.hostname.slice(1, -1)}%25${zone}]${url.port ? `:${url.port}` : ''}${url.pathname}${url.search}`;
}

/** JSON.parse that never throws: undefined for empty or malformed text. */
export function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Basic base64(user:password)`; the result is a secret. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

function headersOf(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The node adapter. Messages never include headers or bodies, so secrets in them cannot leak into errors. */
export function createNodeHttpClient(): HttpClient {
  return {
    request(req) {
      return new Promise<HttpOutcome>((resolve) => {
        const parsed = parseZonedUrl(req.url);
        if (!parsed) {
          resolve({ ok: false, kind: 'bad-url', message: 'The address is not a valid URL.' });
          return;
        }
        const { url, zone } = parsed;
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          resolve({ ok: false, kind: 'bad-url', message: `Only http and https addresses are supported, not ${url.protocol}` });
          return;
        }
        const where = url.host;
        const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const maxBytes = req.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
        let settled = false;
        const finish = (outcome: HttpOutcome): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(outcome);
          client.destroy();
        };
        const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
        const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
        const headers = { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
        // A link-local IPv6 host is reachable only through its interface: Node connects to `fe80::1%eth0`; the
        // Host header carries the address without the zone.
        const client =
          zone === null
            ? send(url, { method: req.method, headers })
            : send({
                protocol: url.protocol,
                hostname: `${url.hostname.slice(1, -1)}%${zone}`,
                ...(url.port ? { port: Number(url.port) } : {}),
                path: `${url.pathname}${url.search}`,
                method: req.method,
                headers: { host: url.host, ...headers },
              });
        const timer = setTimeout(
          () => finish({ ok: false, kind: 'timeout', message: `${where} did not answer within ${Math.round(timeoutMs / 1000)} s.` }),
          timeoutMs,
        );
        client.on('error', (error: NodeJS.ErrnoException) =>
          finish({ ok: false, kind: 'network', message: `Could not reach ${where} (${error.code ?? 'connection error'}).` }),
        );
        client.on('response', (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('error', () => finish({ ok: false, kind: 'network', message: `The connection to ${where} broke mid-reply.` }));
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              finish({ ok: false, kind: 'too-large', message: `${where} sent a reply larger than ${maxBytes} bytes.` });
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () =>
            finish({
              ok: true,
              response: { status: res.statusCode ?? 0, headers: headersOf(res), body: Buffer.concat(chunks).toString('utf8') },
            }),
          );
        });
        client.end(body);
      });
    },
  };
}

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
        let url: URL;
        try {
          url = new URL(req.url);
        } catch {
          resolve({ ok: false, kind: 'bad-url', message: 'The address is not a valid URL.' });
          return;
        }
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
        const client = send(url, {
          method: req.method,
          headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
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

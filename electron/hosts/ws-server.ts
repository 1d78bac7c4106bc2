/**
 * Browser mode: the same core behind a WebSocket, with the built renderer served from the same port.
 * Like Jupyter, each launch makes a random token that must be in the URL; a socket without it, or opened by
 * a page from any origin but this server's own loopback origin, is refused before it can call anything.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventNames } from '../../shared/contract.js';
import { dispatch } from '../../shared/dispatch.js';
import { MAX_FRAME_BYTES, requestFrameSchema } from '../../shared/wire.js';
import type { Logger } from '../platform/ports.js';
import type { Core } from '../core/core.js';
import { contentSecurityPolicy } from './csp.js';
import { readStatic } from './static-files.js';

export interface BrowserServerOptions {
  core: Core;
  staticDir: string;
  log: Logger;
  host?: string;
  port?: number;
  token?: string;
}

export interface BrowserServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A browser always sends Origin; it must be this server's own address on a loopback host. */
function originAllowed(origin: string | undefined, port: number, host: string): boolean {
  if (origin === undefined) return true; // not a browser (scripts, tests); the token still applies
  try {
    const u = new URL(origin);
    const loopback = LOOPBACK_HOSTS.has(u.hostname) || u.hostname === host;
    return u.protocol === 'http:' && loopback && Number(u.port) === port;
  } catch {
    return false;
  }
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const http = createServer((req, res) => {
    void readStatic(options.staticDir, req.url ?? '/').then((file) => {
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;

  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const refuse = (status: string, why: string) => {
      options.log.warn('refused a browser-mode connection', { why, origin: req.headers.origin ?? null });
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/ws') return refuse('404 Not Found', 'path');
    if (!sameToken(url.searchParams.get('token'), token)) return refuse('401 Unauthorized', 'token');
    if (!originAllowed(req.headers.origin, port, host)) return refuse('403 Forbidden', 'origin');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, options));
  });

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    token,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function serve(ws: WebSocket, options: BrowserServerOptions): void {
  const unsubscribe = eventNames.map((event) =>
    options.core.on(event, (payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    }),
  );
  ws.on('close', () => unsubscribe.forEach((u) => u()));
  ws.on('message', (data, isBinary) => {
    let frame;
    try {
      frame = requestFrameSchema.safeParse(isBinary ? null : JSON.parse(String(data)));
    } catch {
      frame = null;
    }
    if (!frame?.success) {
      options.log.warn('dropped a malformed browser-mode frame');
      return;
    }
    const { id, command, args } = frame.data;
    void dispatch(options.core, command, args).then((result) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
    });
  });
}

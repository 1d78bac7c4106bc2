/**
 * Browser mode: the same core behind a WebSocket, with the built renderer served from the same port.
 * Like Jupyter, each launch makes a random token that must be in the URL; a socket without it, opened by a
 * page from any origin but this server's own, or addressed to a Host that is not this server (DNS rebinding)
 * is refused before it can call anything. Every socket has an error listener: no request or frame, however
 * malformed, can end the process.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES } from '../../shared/wire.js';
import type { Logger } from '../platform/ports.js';
import type { Core } from '../core/core.js';
import { contentSecurityPolicy } from './csp.js';
import { createRateLimitedWarn } from './rate-limited-log.js';
import { checkUpgrade, hostAllowed, type ServerAddress } from './request-gate.js';
import { readStatic } from './static-files.js';
import { serveSession, type SessionLimits } from './ws-session.js';

export interface BrowserServerOptions {
  core: Core;
  staticDir: string;
  log: Logger;
  host?: string;
  port?: number;
  token?: string;
  /** Per-client bounds; the defaults come from shared/limits.ts. Tests shrink them. */
  limits?: SessionLimits;
}

export interface BrowserServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const warn = createRateLimitedWarn(options.log);
  const socketError = (where: string) => (error: Error) => warn(`browser-mode ${where} socket error`, { error: error.message });
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.limits?.maxFrameBytes ?? MAX_FRAME_BYTES });
  wss.on('error', socketError('server'));
  let server: ServerAddress = { host, port: 0 };

  const http = createServer((req, res) => {
    const plain = (status: number, body: string) => res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    if (!hostAllowed(req.headers.host, server)) {
      warn('refused an HTTP request for another host', { host: String(req.headers.host ?? '').slice(0, 100) });
      return void plain(403, 'Forbidden');
    }
    readStatic(options.staticDir, req.url ?? '/')
      .then((file) => {
        if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) return void plain(404, 'Not found');
        res.writeHead(200, {
          'content-type': file.type,
          'content-security-policy': contentSecurityPolicy,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : file.body);
      })
      .catch((error: unknown) => {
        warn('failed to serve a file', { error: String(error) });
        if (!res.headersSent) plain(500, 'Internal error');
        else res.destroy();
      });
  });
  // A reset or garbage on an HTTP connection must not reach 'uncaughtException'.
  http.on('connection', (socket: Socket) => socket.on('error', socketError('client')));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  http.on('error', socketError('http server'));
  const port = (http.address() as AddressInfo).port;
  server = { host, port };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // During the handshake Node has detached its own listeners from this socket; a reset here would crash.
    socket.on('error', socketError('upgrade'));
    const verdict = checkUpgrade(req, server, token);
    if (!verdict.ok) {
      // The request URL holds the token: it is never logged, only why the request was refused.
      warn('refused a browser-mode connection', { why: verdict.why, origin: String(req.headers.origin ?? '').slice(0, 100) || null });
      socket.end(`HTTP/1.1 ${verdict.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSession(ws, { core: options.core, warn, limits: options.limits }));
  });

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    token,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * Cloud simulator: one node:http server playing the VXG admin API, the provisioning service and the camera
 * connection point (`POST /sim/camera/connect` with {access_token, serial_id}: the channel whose `all` token it
 * is goes online). Binds only where it is told (tests: 127.0.0.1; the lab: an address inside its namespace).
 * Latency and faults (status codes with Retry-After, hangs, slow bodies) are injectable; counters per route.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoute, adminRouteKey, type SimReply, type SimRequest } from './admin-routes.js';
import { FaultBook, type FaultAction } from './faults.js';
import { provisioningRoute, provisioningRouteKey } from './provisioning-routes.js';
import { CloudState } from './state.js';

const MAX_BODY = 1024 * 1024;

export interface CloudSimOptions {
  host: string;
  port?: number;
  licenseKey: string;
  provisioningUser: string;
  provisioningPassword: string;
  /** Channels per list page (VXG allows 1000; small values exercise `next`). */
  pageSize?: number;
  /** Delay before every answer. */
  latencyMs?: number;
}

export interface CloudSim {
  /** http://host:port */
  url: string;
  state: CloudState;
  faults: FaultBook;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

function routeKey(method: string, path: string): string {
  if (path === '/sim/camera/connect') return `${method} ${path}`;
  return adminRouteKey(method, path) ?? provisioningRouteKey(method, path) ?? `${method} (unknown)`;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, reply: SimReply): void {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

function applyFault(res: ServerResponse, action: FaultAction): void {
  if (action.kind === 'hang') return; // the client's deadline must fire; close() destroys the socket
  if (action.kind === 'status') {
    res.writeHead(action.status, {
      'content-type': 'application/json',
      ...(action.retryAfter ? { 'retry-after': action.retryAfter } : {}),
    });
    res.end(action.body ?? JSON.stringify({ errorDetail: `Simulated HTTP ${action.status}.` }));
    return;
  }
  const body = Buffer.from(action.body ?? JSON.stringify({ tokens: [] }));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
  let i = 0;
  const tick = setInterval(() => {
    if (res.destroyed || i >= body.length) {
      clearInterval(tick);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(i, ++i));
  }, action.tickMs);
  res.on('close', () => clearInterval(tick));
}

export async function startCloudSim(options: CloudSimOptions): Promise<CloudSim> {
  const faults = new FaultBook();
  let latencyMs = options.latencyMs ?? 0;
  const pageSize = options.pageSize ?? 1000;
  const basic = `Basic ${Buffer.from(`${options.provisioningUser}:${options.provisioningPassword}`).toString('base64')}`;
  const state = new CloudState(options.host);

  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const method = req.method ?? 'GET';
      const key = routeKey(method, url.pathname);
      state.requests.set(key, state.count(key) + 1);
      const text = await readBody(req);
      if (text === null) return send(res, { status: 413, body: { detail: 'Body too large.' } });
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      const fault = faults.take(key);
      if (fault) return applyFault(res, fault);
      const simReq: SimRequest = { method, url, headers: req.headers, json: parse(text) };
      if (url.pathname === '/sim/camera/connect' && method === 'POST') {
        const body = simReq.json as { access_token?: unknown; serial_id?: unknown } | undefined;
        const token = typeof body?.access_token === 'string' ? body.access_token : '';
        const channel = state.connect(token, typeof body?.serial_id === 'string' ? body.serial_id : null);
        return send(
          res,
          channel ? { status: 200, body: { channel_id: channel.id } } : { status: 403, body: { detail: 'Access token is invalid.' } },
        );
      }
      if (adminRouteKey(method, url.pathname)) return send(res, adminRoute(state, options.licenseKey, pageSize, simReq));
      if (provisioningRouteKey(method, url.pathname)) return send(res, provisioningRoute(state, basic, simReq));
      send(res, { status: 404, body: { detail: 'No such route in the simulator.' } });
    })().catch(() => send(res, { status: 500, body: { detail: 'Simulator error.' } }));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    state,
    faults,
    setLatency(ms) {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

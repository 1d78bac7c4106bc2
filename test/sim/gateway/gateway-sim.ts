/**
 * VXG docker-gateway simulator (shared/reference/vxg-cloud.md §5.4 [CODE W3]): the LAN-side API a site gateway
 * offers for pushing a camera's access token.
 * - POST   /api/auth-token/   {username, password} → 200 {token} | 400 (Django REST framework's wording [INF])
 * - POST   /api/add-camera/   Authorization: Token <t>; {ip, http_port, rtsp_port, is_active, pid, access_token,
 *                              rtsp_only[, serial, mac]} → 201 {id: <camid from the token>} | 400 | 401
 * - DELETE /api/cameras/{id}/ → 204 | 404
 * - POST   /api/restart/      → 200; the gateway then connects every camera's token to the cloud (`connect`)
 * Response bodies beyond the token reply are [INF]; faults are counts of upcoming failing calls.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const MAX_BODY = 64 * 1024;

export interface GatewayCamera {
  id: number;
  ip: string;
  httpPort: number;
  rtspPort: number;
  accessToken: string;
  serial: string | null;
  mac: string | null;
}

export interface GatewayState {
  cameras: Map<number, GatewayCamera>;
  logins: number;
  failedLogins: number;
  restarts: number;
  /** Tokens the gateway connected to the cloud with, after each restart. */
  connections: string[];
}

export interface GatewayFaults {
  addCamera: number;
  restart: number;
}

export interface GatewaySim {
  url: string;
  state: GatewayState;
  faults: GatewayFaults;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface GatewaySimOptions {
  host: string;
  /** 0 or absent: an ephemeral port. */
  port?: number;
  username: string;
  password: string;
  connect?: (token: string) => Promise<unknown>;
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

function json(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function camidOf(token: string): number | null {
  try {
    const camid = record(JSON.parse(Buffer.from(token, 'base64').toString('utf8')))['camid'];
    return typeof camid === 'number' ? camid : null;
  } catch {
    return null;
  }
}

export async function startGatewaySim(options: GatewaySimOptions): Promise<GatewaySim> {
  const state: GatewayState = { cameras: new Map(), logins: 0, failedLogins: 0, restarts: 0, connections: [] };
  const faults: GatewayFaults = { addCamera: 0, restart: 0 };
  const sessions = new Set<string>();
  const pending = new Set<Promise<unknown>>();

  const route = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    let body: Record<string, unknown> = {};
    try {
      body = record(text ? JSON.parse(text) : {});
    } catch {
      return json(res, 400, { detail: 'JSON parse error.' });
    }
    if (req.method === 'POST' && path === '/api/auth-token/') {
      if (body['username'] === options.username && body['password'] === options.password) {
        state.logins += 1;
        const token = randomBytes(20).toString('hex');
        sessions.add(token);
        return json(res, 200, { token });
      }
      state.failedLogins += 1;
      return json(res, 400, { non_field_errors: ['Unable to log in with provided credentials.'] });
    }
    const auth = /^Token ([0-9a-f]+)$/.exec(req.headers.authorization ?? '');
    if (!auth || !sessions.has(auth[1]!)) return json(res, 401, { detail: 'Invalid token.' });

    if (req.method === 'POST' && path === '/api/add-camera/') {
      if (faults.addCamera > 0) {
        faults.addCamera -= 1;
        return json(res, 500, { detail: 'Simulated gateway error.' });
      }
      const token = typeof body['access_token'] === 'string' ? body['access_token'] : '';
      const id = camidOf(token);
      if (id === null || typeof body['ip'] !== 'string') return json(res, 400, { detail: 'ip and a channel access_token are required.' });
      state.cameras.set(id, {
        id,
        ip: body['ip'],
        httpPort: typeof body['http_port'] === 'number' ? body['http_port'] : 80,
        rtspPort: typeof body['rtsp_port'] === 'number' ? body['rtsp_port'] : 554,
        accessToken: token,
        serial: typeof body['serial'] === 'string' ? body['serial'] : null,
        mac: typeof body['mac'] === 'string' ? body['mac'] : null,
      });
      return json(res, 201, { id });
    }
    const del = /^\/api\/cameras\/(\d+)\/$/.exec(path);
    if (req.method === 'DELETE' && del) return json(res, state.cameras.delete(Number(del[1])) ? 204 : 404);
    if (req.method === 'POST' && path === '/api/restart/') {
      if (faults.restart > 0) {
        faults.restart -= 1;
        return json(res, 500, { detail: 'Simulated restart failure.' });
      }
      state.restarts += 1;
      for (const camera of state.cameras.values()) {
        state.connections.push(camera.accessToken);
        if (!options.connect) continue;
        const done = options.connect(camera.accessToken).catch(() => undefined);
        pending.add(done);
        void done.finally(() => pending.delete(done));
      }
      return json(res, 200, { status: 'ok' });
    }
    json(res, 404, { detail: 'Not found.' });
  };

  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    void readBody(req).then((text) => (text === null ? json(res, 413, { detail: 'Too large.' }) : route(req, res, text)));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    state,
    faults,
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

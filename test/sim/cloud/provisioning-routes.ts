/**
 * The provisioning service (reference §3): back-end calls with HTTP Basic (list, POST record, DELETE), and both
 * camera-side variants — A: `POST /v1/camera/get_token/` with JSON {serial_id, password} [DOC H2]; B:
 * `GET /v1/token?serial_id=` with the raw password in Authorization, no scheme [CODE U2]. A camera with no record
 * or a wrong password gets the same 401 {} (§3.4 proposal). POST answers 201 new / 200 identical / 409 different
 * (§3.4 proposal; VXG's real answers are [UNKNOWN]).
 */
import type { SimReply, SimRequest } from './admin-routes.js';
import type { CloudState } from './state.js';

export function provisioningRouteKey(method: string, path: string): string | null {
  if (path === '/v1/token' || path === '/v1/tokens' || path === '/v1/camera/get_token/') return `${method} ${path}`;
  return null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const field = (json: unknown, name: string): string | null =>
  typeof json === 'object' && json !== null ? str((json as Record<string, unknown>)[name]) : null;

function cameraAsks(state: CloudState, serialId: string | null, password: string | null): SimReply {
  const record = serialId ? state.records.get(serialId.toUpperCase()) : undefined;
  if (!record || password === null || record.password !== password) return { status: 401, body: {} };
  return { status: 200, body: { access_token: record.accessToken } };
}

export function provisioningRoute(state: CloudState, basic: string, req: SimRequest): SimReply {
  const path = req.url.pathname;
  const auth = str(req.headers['authorization']);
  // Camera side first: they carry no Basic credentials.
  if (path === '/v1/camera/get_token/' && req.method === 'POST') {
    return cameraAsks(state, field(req.json, 'serial_id'), field(req.json, 'password'));
  }
  if (path === '/v1/token' && req.method === 'GET') return cameraAsks(state, req.url.searchParams.get('serial_id'), auth);

  if (auth !== basic) return { status: 401, body: { detail: 'Invalid username/password.' } };
  if (path === '/v1/tokens' && req.method === 'GET') {
    return { status: 200, body: { tokens: [...state.records.values()].map((r) => ({ serial_id: r.serialId, created_at: r.createdAt })) } };
  }
  if (path === '/v1/token' && req.method === 'POST') {
    const serialId = field(req.json, 'serial_id')?.toUpperCase() ?? null;
    const password = field(req.json, 'password');
    const accessToken = field(req.json, 'access_token');
    if (!serialId || !password || !accessToken)
      return { status: 400, body: { detail: 'serial_id, password and access_token are required.' } };
    const existing = state.records.get(serialId);
    if (existing) {
      const same = existing.password === password && existing.accessToken === accessToken;
      return same ? { status: 200, body: {} } : { status: 409, body: { detail: 'Serial number already in use.' } };
    }
    state.records.set(serialId, { serialId, password, accessToken, createdAt: new Date().toISOString() });
    return { status: 201, body: {} };
  }
  if (path === '/v1/token' && req.method === 'DELETE') {
    const serialId = req.url.searchParams.get('serial_id')?.toUpperCase() ?? '';
    return state.records.delete(serialId) ? { status: 204 } : { status: 404, body: { detail: 'Not found.' } };
  }
  return { status: 405, body: { detail: 'Method not allowed.' } };
}

/**
 * The VXG admin API subset (reference §2) the register flow uses: list/filter with `meta` and `next`
 * pagination, create, read, delete. `meta=X` returns channels that have a tag named X (the inferred
 * semantics, §2.3); several comma-separated tags must all be present.
 */
import type { CloudState } from './state.js';

export interface SimRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

export interface SimReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const CHANNEL = /^\/api\/v3\/channels\/(\d+)\/$/;

/** Route key for counters and faults: ids replaced so tests can name a route. */
export function adminRouteKey(method: string, path: string): string | null {
  if (path === '/api/v3/channels/') return `${method} /api/v3/channels/`;
  if (CHANNEL.test(path)) return `${method} /api/v3/channels/{id}/`;
  return null;
}

export function adminRoute(state: CloudState, licenseKey: string, pageSize: number, req: SimRequest): SimReply {
  if (req.headers['authorization'] !== `LKey ${licenseKey}`) {
    return { status: 401, body: { errorDetail: 'Authentication credentials were not provided or are invalid.' } };
  }
  const path = req.url.pathname;
  const includeMeta = req.url.searchParams.get('include_meta') === 'true';
  if (path === '/api/v3/channels/' && req.method === 'GET') return list(state, pageSize, req.url, includeMeta);
  if (path === '/api/v3/channels/' && req.method === 'POST') return create(state, req.json);
  const id = Number(CHANNEL.exec(path)?.[1]);
  const channel = state.channels.get(id);
  if (req.method === 'GET') {
    return channel ? { status: 200, body: state.channelJson(channel, includeMeta) } : { status: 404, body: { errorDetail: 'Not found.' } };
  }
  if (req.method === 'DELETE') {
    if (!channel) return { status: 404, body: { errorDetail: 'Not found.' } };
    state.channels.delete(id);
    return { status: 204 };
  }
  return { status: 405, body: { errorDetail: 'Method not allowed.' } };
}

function list(state: CloudState, pageSize: number, url: URL, includeMeta: boolean): SimReply {
  const tags = (url.searchParams.get('meta') ?? '').split(',').filter(Boolean);
  const limit = Math.min(pageSize, Number(url.searchParams.get('limit') ?? pageSize) || pageSize);
  const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
  const matching = [...state.channels.values()].filter((c) => tags.every((tag) => tag in c.meta));
  const page = matching.slice(offset, offset + limit);
  let next: string | null = null;
  if (offset + limit < matching.length) {
    const nextUrl = new URL(url.toString());
    nextUrl.searchParams.set('offset', String(offset + limit));
    nextUrl.searchParams.set('limit', String(limit));
    next = `${nextUrl.pathname}${nextUrl.search}`; // a path on the same host, as VXG sends [CODE P1]
  }
  return {
    status: 200,
    body: { meta: { limit, offset, total_count: matching.length, next }, objects: page.map((c) => state.channelJson(c, includeMeta)) },
  };
}

function create(state: CloudState, json: unknown): SimReply {
  const body = (typeof json === 'object' && json !== null ? json : {}) as { name?: unknown; meta?: unknown };
  if (typeof body.name !== 'string' || body.name.length === 0 || body.name.length > 64) {
    return { status: 400, body: { errorDetail: 'name: this field is required and must be at most 64 characters.' } };
  }
  const meta: Record<string, string> = {};
  if (typeof body.meta === 'object' && body.meta !== null) {
    for (const [k, v] of Object.entries(body.meta)) if (typeof v === 'string') meta[k] = v;
  }
  const channel = state.addChannel(body.name, meta);
  return { status: 201, body: state.channelJson(channel, true) };
}

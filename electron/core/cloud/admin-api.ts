/**
 * VXG admin API client (reference §2), authenticated with the account's license key (`Authorization: LKey …`
 * [DOC H3]). Only the calls registration needs: find a channel by camera ID, create, read, delete.
 * No module state: one client per settings snapshot, safe to use from many registrations at once.
 *
 * Hazards: replies are untrusted (zod, bounded pages, `next` links must stay on the configured origin so the
 * license key is never sent elsewhere); the license key appears in no message (scrubbed).
 */
import { z } from 'zod';
import { decodeAccessToken, type AccessToken } from '../../../shared/access-token.js';
import { parseJson, type HttpClient, type HttpResponse } from '../../platform/http.js';
import type { Clock } from '../../platform/ports.js';
import { callWithRetry, DEFAULT_RETRY, isRecord, unexpectedReply, type CallContext, type RetryPolicy } from './call.js';
import { failure, success, type CloudResult } from './failure.js';

/** 20 pages × 1000 channels: far beyond any account we serve; stops a server that links pages in a circle. */
export const MAX_CHANNEL_PAGES = 20;
const PAGE_LIMIT = 1000;
/** The web client refuses longer names before calling [CODE W3]. */
export const MAX_CHANNEL_NAME = 64;

const channelJson = z.looseObject({
  id: z.number().int().nonnegative(),
  name: z.string().max(1024).optional(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  access_tokens: z.looseObject({ all: z.string().optional() }).nullable().optional(),
  streaming: z.boolean().optional(),
  status: z.string().max(64).optional(),
});
const pageJson = z.looseObject({
  meta: z
    .looseObject({ next: z.string().max(2048).nullable().optional(), total_count: z.number().int().nonnegative().optional() })
    .optional(),
  objects: z.array(z.unknown()).max(PAGE_LIMIT * 2),
});

export interface Channel {
  id: number;
  name: string;
  /** String-valued meta tags only; VXG's are all strings. */
  meta: Record<string, string>;
  /** `access_tokens.all`, decoded; null when absent. toJSON/toString never reveal it. */
  token: AccessToken | null;
  /** Why a present `access_tokens.all` could not be used (never contains the token). */
  tokenProblem: string | null;
  /** `streaming` as the cloud reports it; the camera is connected [INF §3.4 step 5]. */
  streaming: boolean | null;
}

export interface AdminApiOptions {
  http: HttpClient;
  clock: Clock;
  /** e.g. https://web.skyvr.videoexpertsgroup.com (deployment-specific [DOC H3, CODE P1]). */
  baseUrl: string;
  licenseKey: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
}

export interface NewChannel {
  name: string;
  /** Upper-case camera ID (shared/camera-id.ts). */
  cameraId: string;
  /** Upper-case MAC (`AA:BB:CC:DD:EE:FF`) when known. */
  mac?: string | null;
}

export interface AdminApi {
  /** Channels tagged as this camera's (meta `rsid`), every page followed. */
  findChannelsByCameraId(cameraId: string): Promise<CloudResult<Channel[]>>;
  createChannel(input: NewChannel): Promise<CloudResult<Channel>>;
  getChannel(id: number): Promise<CloudResult<Channel>>;
  /** 200, 204 and 404 all mean "gone" [CODE W1, W3]. */
  deleteChannel(id: number): Promise<CloudResult<void>>;
  /** How many channels the account has (one-item list; `meta.total_count`): the connection test. */
  countChannels(): Promise<CloudResult<number>>;
}

const CREDENTIAL_HINT = 'Check the license key in the cloud settings (VXG dashboard → account → license key).';

/** The meta written at create time: reversed pair so `meta=<ID>` finds it [CODE W3, W7; INF §2.3]. */
export function channelMeta(cameraId: string, mac?: string | null): Record<string, string> {
  return { rsid: cameraId, [cameraId]: 'rsid', ...(mac ? { mac } : {}) };
}

function toChannel(value: unknown): Channel | null {
  const parsed = channelJson.safeParse(value);
  if (!parsed.success) return null;
  const c = parsed.data;
  const meta = Object.fromEntries(Object.entries(c.meta ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const rawToken = c.access_tokens?.all;
  const decoded = rawToken === undefined ? null : decodeAccessToken(rawToken);
  return {
    id: c.id,
    name: c.name ?? '',
    meta,
    token: decoded?.ok ? decoded.token : null,
    tokenProblem: decoded && !decoded.ok ? decoded.message : null,
    streaming: c.streaming ?? null,
  };
}

export function createAdminApi(options: AdminApiOptions): AdminApi {
  const base = new URL(options.baseUrl.replace(/\/+$/, '') + '/');
  const ctx: CallContext = {
    http: options.http,
    clock: options.clock,
    service: 'the VXG admin API',
    secrets: [options.licenseKey],
    timeoutMs: options.timeoutMs ?? 15_000,
    retry: options.retry ?? DEFAULT_RETRY,
    random: options.random ?? Math.random,
  };
  const headers = {
    authorization: `LKey ${options.licenseKey}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  const url = (path: string): string => new URL(path.replace(/^\//, ''), base).toString();

  /** A 2xx JSON body, or a failure sentence (errorDetail in any body is a failure [CODE W3]). */
  function jsonBody(response: HttpResponse, action: string): CloudResult<unknown> {
    const body = parseJson(response.body);
    if (response.status < 200 || response.status > 299 || (isRecord(body) && 'errorDetail' in body)) {
      return unexpectedReply(ctx, response, action, CREDENTIAL_HINT);
    }
    if (body === undefined)
      return failure(
        'bad-response',
        `The VXG admin API answered "${action}" with something that is not JSON; check the API address in the cloud settings.`,
      );
    return success(body);
  }

  async function findChannelsByCameraId(cameraId: string): Promise<CloudResult<Channel[]>> {
    const action = `look up the channel of camera ${cameraId}`;
    const found: Channel[] = [];
    const seen = new Set<string>();
    let next: string | null = url(`api/v3/channels/?meta=${encodeURIComponent(cameraId)}&include_meta=true&limit=${PAGE_LIMIT}`);
    for (let page = 0; next !== null; page++) {
      if (page >= MAX_CHANNEL_PAGES || seen.has(next)) {
        return failure(
          'bad-response',
          `The VXG admin API kept sending more pages while trying to ${action} (stopped after ${page}); report this to VXG.`,
        );
      }
      seen.add(next);
      const reply = await callWithRetry(ctx, { method: 'GET', url: next, headers });
      if (!reply.ok) return reply;
      const body = jsonBody(reply.value, action);
      if (!body.ok) return body;
      const parsed = pageJson.safeParse(body.value);
      if (!parsed.success)
        return failure('bad-response', `The VXG admin API sent a channel list we could not read while trying to ${action}.`);
      for (const object of parsed.data.objects) {
        const channel = toChannel(object);
        // `meta=X` matches any channel with a tag named X [INF]; keep only ours (reversed pair or rsid value).
        if (channel && (channel.meta[cameraId] === 'rsid' || channel.meta['rsid'] === cameraId)) found.push(channel);
      }
      const link = parsed.data.meta?.next ?? null;
      if (link === null || link === '') break;
      next = sameOrigin(link);
      if (next === null)
        return failure(
          'bad-response',
          `The VXG admin API pointed the next page at another server while trying to ${action}; not followed.`,
        );
    }
    return success(found.sort((a, b) => a.id - b.id));
  }

  /** `meta.next` is "a path on the same host" [CODE P1]; an absolute URL elsewhere would receive the LKey. */
  function sameOrigin(link: string): string | null {
    try {
      const resolved = new URL(link, base);
      return resolved.origin === base.origin ? resolved.toString() : null;
    } catch {
      return null;
    }
  }

  async function createChannel(input: NewChannel): Promise<CloudResult<Channel>> {
    const action = `create a channel for camera ${input.cameraId}`;
    if (input.name.length === 0 || input.name.length > MAX_CHANNEL_NAME) {
      return failure(
        'invalid',
        `A channel name must be 1 to ${MAX_CHANNEL_NAME} characters; "${input.name.slice(0, 80)}" is ${input.name.length}.`,
      );
    }
    // Agent ("cloud") cameras get no `source` [CODE W5]; rec_mode "off" as the web client does [CODE W3].
    const body = JSON.stringify({ name: input.name, rec_mode: 'off', meta: channelMeta(input.cameraId, input.mac) });
    const reply = await callWithRetry(ctx, { method: 'POST', url: url('api/v3/channels/'), headers, body });
    if (!reply.ok) return reply;
    const json = jsonBody(reply.value, action);
    if (!json.ok) return json;
    const channel = toChannel(json.value);
    if (!channel)
      return failure(
        'bad-response',
        `The VXG admin API created a channel for camera ${input.cameraId} but its reply had no channel id; check the dashboard before trying again.`,
      );
    // Some deployments may omit tokens from the create reply [INF]; read the channel once more then.
    return channel.token || channel.tokenProblem ? success(channel) : getChannel(channel.id);
  }

  async function getChannel(id: number): Promise<CloudResult<Channel>> {
    const action = `read channel ${id}`;
    const reply = await callWithRetry(ctx, { method: 'GET', url: url(`api/v3/channels/${id}/?include_meta=true`), headers });
    if (!reply.ok) return reply;
    const json = jsonBody(reply.value, action);
    if (!json.ok) return json;
    const channel = toChannel(json.value);
    return channel ? success(channel) : failure('bad-response', `The VXG admin API sent channel ${id} in a shape we could not read.`);
  }

  async function deleteChannel(id: number): Promise<CloudResult<void>> {
    const reply = await callWithRetry(ctx, { method: 'DELETE', url: url(`api/v3/channels/${id}/`), headers });
    if (!reply.ok) return reply;
    const { status } = reply.value;
    if (status === 200 || status === 204 || status === 404) return success(undefined);
    return unexpectedReply(ctx, reply.value, `delete channel ${id}`, CREDENTIAL_HINT);
  }

  async function countChannels(): Promise<CloudResult<number>> {
    const action = 'list the channels';
    const reply = await callWithRetry(ctx, { method: 'GET', url: url('api/v3/channels/?limit=1'), headers });
    if (!reply.ok) return reply;
    const json = jsonBody(reply.value, action);
    if (!json.ok) return json;
    const parsed = pageJson.safeParse(json.value);
    if (!parsed.success) return failure('bad-response', 'The VXG admin API sent a channel list we could not read; check the API address.');
    return success(parsed.data.meta?.total_count ?? parsed.data.objects.length);
  }

  return { findChannelsByCameraId, createChannel, getChannel, deleteChannel, countChannels };
}

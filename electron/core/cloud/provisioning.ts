/**
 * Provisioning ("camera resolver") service, back-end side (reference §3.3), with HTTP Basic auth exactly as
 * VXG's own back-end does [CODE W2, W3]: `GET <base>s` lists registered IDs, `POST <base>` writes
 * {serial_id, password, access_token}, `DELETE <base>?serial_id=` removes a record.
 * The base URL defaults to `https://camera.vxg.io/v1/token` [CODE W3]; how VXG issues the Basic credentials,
 * POST/DELETE reply bodies and whether GET /v1/tokens is per-credential are [UNKNOWN].
 *
 * Secrets: the Basic credentials, the camera password and the token never appear in a message (scrubbed).
 */
import { z } from 'zod';
import type { AccessToken } from '../../../shared/access-token.js';
import { basicAuth, parseJson, type HttpClient } from '../../platform/http.js';
import type { Clock } from '../../platform/ports.js';
import { callWithRetry, DEFAULT_RETRY, unexpectedReply, type CallContext, type RetryPolicy } from './call.js';
import { failure, scrub, success, type CloudResult } from './failure.js';

export const DEFAULT_PROVISIONING_URL = 'https://camera.vxg.io/v1/token';
/** A sticker password is short; this only stops a pasted file. */
export const MAX_CAMERA_PASSWORD = 128;

const tokensJson = z.looseObject({
  tokens: z.array(z.looseObject({ serial_id: z.string().max(256) })).max(1_000_000),
});

export interface ProvisioningOptions {
  http: HttpClient;
  clock: Clock;
  /** The record URL, e.g. https://camera.vxg.io/v1/token; the list URL is this plus "s" [CODE W3]. */
  tokenUrl?: string;
  user: string;
  password: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
}

export interface ProvisioningRecord {
  /** Upper-case camera ID. */
  serialId: string;
  /** The camera's sticker password (or its MAC in VXG's Uplink flow [CODE U1]). */
  password: string;
  token: AccessToken;
}

export interface ProvisioningClient {
  isRegistered(serialId: string): Promise<CloudResult<boolean>>;
  register(record: ProvisioningRecord): Promise<CloudResult<void>>;
  /** True when a record was deleted, false when there was none (404). */
  unregister(serialId: string): Promise<CloudResult<boolean>>;
  /** How many records the credentials can see (`GET …/tokens`): the connection test. */
  countRecords(): Promise<CloudResult<number>>;
}

const CREDENTIAL_HINT = 'Check the provisioning user name and password in the cloud settings.';

export function createProvisioningClient(options: ProvisioningOptions): ProvisioningClient {
  const tokenUrl = (options.tokenUrl ?? DEFAULT_PROVISIONING_URL).replace(/\/+$/, '');
  const base: Omit<CallContext, 'secrets'> = {
    http: options.http,
    clock: options.clock,
    service: 'the provisioning service',
    timeoutMs: options.timeoutMs ?? 15_000,
    retry: options.retry ?? DEFAULT_RETRY,
    random: options.random ?? Math.random,
  };
  const authorization = basicAuth(options.user, options.password);
  const credentialSecrets = [options.password, authorization, authorization.slice('Basic '.length)];
  const headers = { authorization, accept: 'application/json', 'content-type': 'application/json' };

  async function listIds(action: string): Promise<CloudResult<string[]>> {
    const ctx = { ...base, secrets: credentialSecrets };
    const reply = await callWithRetry(ctx, { method: 'GET', url: `${tokenUrl}s`, headers });
    if (!reply.ok) return reply;
    if (reply.value.status !== 200 && reply.value.status !== 201) return unexpectedReply(ctx, reply.value, action, CREDENTIAL_HINT);
    const parsed = tokensJson.safeParse(parseJson(reply.value.body));
    if (!parsed.success)
      return failure(
        'bad-response',
        `The provisioning service sent a list we could not read while trying to ${action}; check its address in the cloud settings.`,
      );
    return success(parsed.data.tokens.map((t) => t.serial_id.trim().toUpperCase()));
  }

  async function isRegistered(serialId: string): Promise<CloudResult<boolean>> {
    const ids = await listIds(`check whether camera ${serialId} is already registered`);
    return ids.ok ? success(ids.value.includes(serialId)) : ids;
  }

  async function countRecords(): Promise<CloudResult<number>> {
    const ids = await listIds('list the registered cameras');
    return ids.ok ? success(ids.value.length) : ids;
  }

  async function register(record: ProvisioningRecord): Promise<CloudResult<void>> {
    const raw = record.token.reveal();
    const ctx = { ...base, secrets: [...credentialSecrets, record.password, raw] };
    const action = `store the record for camera ${record.serialId}`;
    if (record.password.length === 0 || record.password.length > MAX_CAMERA_PASSWORD) {
      return failure('invalid', `The camera password must be 1 to ${MAX_CAMERA_PASSWORD} characters.`);
    }
    const body = JSON.stringify({ serial_id: record.serialId, password: record.password, access_token: raw });
    // POST is not idempotent: callWithRetry retries it only on 429.
    const reply = await callWithRetry(ctx, { method: 'POST', url: tokenUrl, headers, body });
    if (!reply.ok) return { ok: false, failure: { ...reply.failure, message: scrub(reply.failure.message, ctx.secrets) } };
    if (reply.value.status === 200 || reply.value.status === 201) return success(undefined);
    return unexpectedReply(ctx, reply.value, action, CREDENTIAL_HINT);
  }

  async function unregister(serialId: string): Promise<CloudResult<boolean>> {
    const ctx = { ...base, secrets: credentialSecrets };
    const reply = await callWithRetry(ctx, { method: 'DELETE', url: `${tokenUrl}?serial_id=${encodeURIComponent(serialId)}`, headers });
    if (!reply.ok) return reply;
    if (reply.value.status === 204 || reply.value.status === 200) return success(true);
    if (reply.value.status === 404) return success(false);
    return unexpectedReply(ctx, reply.value, `remove the record for camera ${serialId}`, CREDENTIAL_HINT);
  }

  return { isRegistered, register, unregister, countRecords };
}

/**
 * Provision mode's cloud steps for a batch job (issue #11), each split in two so a resumed job never repeats a
 * change blindly: `check*` looks at the cloud (reconcile), `make*` changes it once. Same rules as
 * `registerCamera` (register.ts): the channel is found by its meta tag before one is created, the provisioning
 * record is checked before it is posted, an ID registered with no channel in this account is refused.
 * Unlike `registerCamera` nothing is rolled back: the job's ledger remembers the channel and the next try
 * reuses it. The outcomes are plain values shaped like the onboarding engine's (this folder cannot import it).
 *
 * Secrets: the sticker password and the channel's token leave only inside the provisioning POST.
 */
import { unwritableReason } from '../../../shared/access-token.js';
import type { AdminApi, Channel } from './admin-api.js';
import type { CloudFailure } from './failure.js';
import type { ProvisioningClient } from './provisioning.js';

export type CloudStepOutcome =
  | {
      status: 'done';
      detail: string;
      channelId?: number;
      /** The channel as read or created, token included: kept in memory so the next step need not read it again. */
      channel?: Channel;
    }
  | { status: 'not-done' }
  | { status: 'failed'; detail: string; retryable?: boolean; retryAfterMs?: number };

/** How long every camera holds off after the client's own 429 retries ran out. */
export const RATE_LIMIT_HOLD_MS = 5_000;

export interface CloudStepClients {
  admin: AdminApi;
  provisioning: ProvisioningClient;
}

/** A cloud failure as a step's failure: 429 holds the job, refusals another try cannot fix are final. */
export function failedStep(failure: CloudFailure): Extract<CloudStepOutcome, { status: 'failed' }> {
  if (failure.kind === 'rate-limited') return { status: 'failed', detail: failure.message, retryAfterMs: RATE_LIMIT_HOLD_MS };
  const final = failure.kind === 'invalid' || failure.kind === 'unauthorized' || failure.kind === 'conflict';
  return { status: 'failed', detail: failure.message, ...(final ? { retryable: false } : {}) };
}

/** The oldest channel tagged with this ID, or null. */
export async function findChannel(admin: AdminApi, cameraId: string): Promise<{ ok: true; channel: Channel | null } | CloudStepOutcome> {
  const found = await admin.findChannelsByCameraId(cameraId);
  if (!found.ok) return failedStep(found.failure);
  return { ok: true, channel: found.value[0] ?? null };
}

export async function checkChannel(admin: AdminApi, cameraId: string): Promise<CloudStepOutcome> {
  const found = await findChannel(admin, cameraId);
  if (!('ok' in found)) return found;
  return found.channel
    ? { status: 'done', detail: `Channel ${found.channel.id} of camera ${cameraId} is in place.`, channelId: found.channel.id }
    : { status: 'not-done' };
}

export async function makeChannel(
  clients: CloudStepClients,
  input: { cameraId: string; mac: string | null; name: string | null },
): Promise<CloudStepOutcome> {
  const [found, registered] = await Promise.all([
    findChannel(clients.admin, input.cameraId),
    clients.provisioning.isRegistered(input.cameraId),
  ]);
  if (!('ok' in found)) return found;
  if (found.channel) {
    return {
      status: 'done',
      detail: `Channel ${found.channel.id} of camera ${input.cameraId} was already there.`,
      channelId: found.channel.id,
      channel: found.channel,
    };
  }
  if (!registered.ok) return failedStep(registered.failure);
  if (registered.value) {
    return {
      status: 'failed',
      retryable: false,
      detail: `Camera ${input.cameraId} is already registered with the provisioning service, but this account has no channel for it: it probably belongs to another account. Remove it there first (or ask VXG), then run the job again.`,
    };
  }
  const created = await clients.admin.createChannel({
    name: input.name ?? `Camera ${input.cameraId}`,
    cameraId: input.cameraId,
    mac: input.mac,
  });
  if (!created.ok) return failedStep(created.failure);
  return {
    status: 'done',
    detail: `Channel ${created.value.id} created for camera ${input.cameraId}.`,
    channelId: created.value.id,
    channel: created.value,
  };
}

export async function checkRecord(provisioning: ProvisioningClient, cameraId: string): Promise<CloudStepOutcome> {
  const registered = await provisioning.isRegistered(cameraId);
  if (!registered.ok) return failedStep(registered.failure);
  return registered.value
    ? { status: 'done', detail: `The provisioning record of camera ${cameraId} is in place.` }
    : { status: 'not-done' };
}

export async function makeRecord(
  clients: CloudStepClients,
  input: { cameraId: string; channelId: number | null; password: string | null; channel?: Channel | null },
): Promise<CloudStepOutcome> {
  if (!input.password) {
    return {
      status: 'failed',
      retryable: false,
      detail: `No sticker password for camera ${input.cameraId}: passwords are never kept on disk, so give the same sheet again to resume.`,
    };
  }
  const channel = input.channel
    ? { ok: true as const, channel: input.channel }
    : input.channelId === null
      ? await findChannel(clients.admin, input.cameraId)
      : await clients.admin.getChannel(input.channelId);
  if ('status' in channel) return channel;
  let found: Channel | null;
  if ('channel' in channel) found = channel.channel;
  else if (channel.ok) found = channel.value;
  else return failedStep(channel.failure);
  if (!found) return { status: 'failed', detail: `Camera ${input.cameraId} has no channel any more (deleted in the dashboard?).` };
  const token = found.token;
  if (!token)
    return {
      status: 'failed',
      retryable: false,
      detail: `Channel ${found.id} cannot be used: ${found.tokenProblem ?? 'it has no "all" access token'}.`,
    };
  const unwritable = unwritableReason(token);
  if (unwritable) return { status: 'failed', retryable: false, detail: `Channel ${found.id}: ${unwritable}` };
  if (token.camid !== found.id) {
    return {
      status: 'failed',
      retryable: false,
      detail: `The token VXG Cloud gave for channel ${found.id} names channel ${token.camid}; not sent. Report this to VXG.`,
    };
  }
  const written = await clients.provisioning.register({ serialId: input.cameraId, password: input.password, token });
  if (!written.ok) return failedStep(written.failure);
  return { status: 'done', detail: `Provisioning record stored for camera ${input.cameraId} (channel ${found.id}).`, channelId: found.id };
}

/** Online when the cloud reports the channel streaming: the camera fetched its token and connected. */
export async function checkOnline(admin: AdminApi, cameraId: string, channelId: number | null): Promise<CloudStepOutcome> {
  let id = channelId;
  if (id === null) {
    const found = await findChannel(admin, cameraId);
    if (!('ok' in found)) return found;
    if (!found.channel) return { status: 'failed', detail: `Camera ${cameraId} has no channel any more (deleted in the dashboard?).` };
    id = found.channel.id;
  }
  const read = await admin.getChannel(id);
  if (!read.ok) return failedStep(read.failure);
  return read.value.streaming === true
    ? { status: 'done', detail: `Camera ${cameraId} fetched its token: channel ${id} is online.`, channelId: id }
    : { status: 'not-done' };
}

/**
 * Register one camera with VXG Cloud, playing the back-end's part of the seed flow (reference §3.1, §3.4):
 * find or create the camera's channel → its `all` token → provisioning record. Nothing half-done: a channel
 * this call created is deleted again if any later step fails, as VXG's back-end does [CODE W3].
 * Idempotent: when the channel and the record already exist, nothing is written and the outcome says so.
 *
 * Order differs from VXG's back-end on purpose: the provisioning check runs before the channel is created,
 * so an ID already registered elsewhere fails without creating (and deleting) a channel.
 *
 * Hazard: two registrations of the same ID at once could both create a channel; callers run one job per ID.
 */
import { unwritableReason, type AccessTokenDescription } from '../../../shared/access-token.js';
import { normaliseSerialId } from '../../../shared/camera-id.js';
import type { Logger } from '../../platform/ports.js';
import type { AdminApi, Channel } from './admin-api.js';
import type { CloudFailureKind } from './failure.js';
import { MAX_CAMERA_PASSWORD, type ProvisioningClient } from './provisioning.js';

export type RegisterStage = 'input' | 'find-channel' | 'check-record' | 'create-channel' | 'token' | 'write-record';

export type RegisterOutcome =
  | {
      ok: true;
      /** `registered`: record written now; `already-registered`: channel and record existed, nothing changed. */
      status: 'registered' | 'already-registered';
      cameraId: string;
      channelId: number;
      channelCreated: boolean;
      /** Other channels tagged with this ID (left alone; the oldest is used). */
      duplicateChannelIds: number[];
      token: AccessTokenDescription;
      message: string;
    }
  | {
      ok: false;
      stage: RegisterStage;
      kind: CloudFailureKind;
      cameraId: string;
      /** Set when this call created a channel: whether it was deleted again. */
      rolledBack: boolean | null;
      message: string;
    };

export interface RegisterInput {
  admin: AdminApi;
  provisioning: ProvisioningClient;
  /** Camera ID (MAC or serial form, see shared/camera-id.ts); upper-cased here. */
  cameraId: string;
  /** Upper-case colon MAC for the channel's meta, when known. */
  mac?: string | null;
  /** Channel name; defaults to "Camera <ID>". */
  name?: string;
  /** The sticker password. A secret: never in an outcome message or log line. */
  password: string;
  log?: Logger;
}

export async function registerCamera(input: RegisterInput): Promise<RegisterOutcome> {
  const outcome = await register(input);
  // The outcome holds no secret (token is a description); logged whole so the audit trail has every step.
  if (outcome.ok) input.log?.info('cloud register', { ...outcome });
  else input.log?.warn('cloud register failed', { ...outcome });
  return outcome;
}

async function register(input: RegisterInput): Promise<RegisterOutcome> {
  const cameraId = normaliseSerialId(input.cameraId);
  const shown = cameraId ?? 'with this ID';
  const fail = (stage: RegisterStage, kind: CloudFailureKind, message: string, rolledBack: boolean | null = null): RegisterOutcome => ({
    ok: false,
    stage,
    kind,
    cameraId: cameraId ?? '',
    rolledBack,
    message,
  });
  if (!cameraId)
    return fail('input', 'invalid', 'The camera ID must be a MAC or serial: letters, digits, ".", "_", ":" or "-", at most 64.');
  if (input.password.length === 0 || input.password.length > MAX_CAMERA_PASSWORD) {
    return fail('input', 'invalid', `Enter the password printed on camera ${shown}'s sticker (1 to ${MAX_CAMERA_PASSWORD} characters).`);
  }

  // Both are reads of different services: asked at once, they cost one round trip instead of two (bench).
  const [found, registered] = await Promise.all([input.admin.findChannelsByCameraId(cameraId), input.provisioning.isRegistered(cameraId)]);
  if (!found.ok) return fail('find-channel', found.failure.kind, found.failure.message);
  const [existing, ...duplicates] = found.value;
  if (!registered.ok) return fail('check-record', registered.failure.kind, registered.failure.message);
  if (registered.value && !existing) {
    return fail(
      'check-record',
      'conflict',
      `Camera ${cameraId} is already registered with the provisioning service, but this account has no channel for it: it probably belongs to another account. Remove it there first (or ask VXG), then register again.`,
    );
  }

  let channel: Channel;
  const channelCreated = !existing;
  if (existing) channel = existing;
  else {
    const created = await input.admin.createChannel({ name: input.name ?? `Camera ${cameraId}`, cameraId, mac: input.mac ?? null });
    if (!created.ok) return fail('create-channel', created.failure.kind, created.failure.message);
    channel = created.value;
    input.log?.info('cloud channel created', { cameraId, channelId: channel.id, token: channel.token });
  }

  /** Undo what this call created, then report `message` plus what became of the channel. */
  const rollback = async (stage: RegisterStage, kind: CloudFailureKind, message: string): Promise<RegisterOutcome> => {
    if (!channelCreated) return fail(stage, kind, message);
    const deleted = await input.admin.deleteChannel(channel.id);
    return deleted.ok
      ? fail(stage, kind, `${message} The new channel ${channel.id} was deleted again, so nothing is left half-done.`, true)
      : fail(
          stage,
          kind,
          `${message} Deleting the new channel ${channel.id} failed too (${deleted.failure.message}); delete it in the VXG dashboard.`,
          false,
        );
  };

  let withToken = channel;
  if (!withToken.token && !withToken.tokenProblem) {
    const reread = await input.admin.getChannel(channel.id);
    if (!reread.ok) return rollback('token', reread.failure.kind, reread.failure.message);
    withToken = reread.value;
  }
  const token = withToken.token;
  if (!token) {
    const why = withToken.tokenProblem ?? 'it has no "all" access token';
    return rollback('token', 'bad-response', `VXG Cloud's channel ${channel.id} cannot be used for camera ${cameraId}: ${why}`);
  }
  const unwritable = unwritableReason(token);
  if (unwritable) return rollback('token', 'bad-response', `Channel ${channel.id}: ${unwritable}`);
  if (token.camid !== channel.id) {
    return rollback(
      'token',
      'bad-response',
      `The token VXG Cloud gave for channel ${channel.id} names channel ${token.camid}; not sent to the provisioning service. Report this to VXG.`,
    );
  }

  const base = {
    ok: true as const,
    cameraId,
    channelId: channel.id,
    channelCreated,
    duplicateChannelIds: duplicates.map((c) => c.id),
    token: token.describe(),
  };
  const dupNote = duplicates.length ? ` Other channels tagged ${cameraId} were left alone: ${duplicates.map((c) => c.id).join(', ')}.` : '';
  if (registered.value) {
    // [UNKNOWN] whether the stored record holds this token and password: GET /v1/tokens lists IDs only.
    return {
      ...base,
      status: 'already-registered',
      message: `Camera ${cameraId} is already registered (channel ${channel.id} and its provisioning record exist); nothing changed.${dupNote}`,
    };
  }

  const written = await input.provisioning.register({ serialId: cameraId, password: input.password, token });
  if (!written.ok) return rollback('write-record', written.failure.kind, written.failure.message);
  const how = channelCreated ? `new channel ${channel.id}` : `existing channel ${channel.id}`;
  return {
    ...base,
    status: 'registered',
    message: `Camera ${cameraId} registered with ${how}; it will fetch its token at its next poll.${dupNote}`,
  };
}

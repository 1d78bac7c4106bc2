/**
 * A camera's own channel and its `all` token, found or created by camera ID exactly as registration does
 * (register.ts: meta `rsid` lookup, oldest channel wins, re-read when the list lacks the token), for writing
 * the token straight onto the camera (issue #9). No provisioning record is posted: the camera gets its token
 * by the write, and `token.write` has no sticker password to post one with. A channel created here is the
 * caller's to delete again (`deleteChannel`) if the write does not happen, so nothing is left half-done.
 */
import { unwritableReason, type AccessToken } from '../../../shared/access-token.js';
import type { AdminApi } from './admin-api.js';

export type OwnChannel =
  | { ok: true; channelId: number; created: boolean; token: AccessToken; message: string }
  | { ok: false; created: boolean; channelId: number | null; message: string };

/** The channel's usable `all` token, or why it has none (never the token itself). */
export async function channelToken(
  admin: AdminApi,
  channelId: number,
): Promise<{ ok: true; token: AccessToken } | { ok: false; message: string }> {
  const read = await admin.getChannel(channelId);
  if (!read.ok)
    return {
      ok: false,
      message:
        read.failure.kind === 'not-found'
          ? `Channel ${channelId} does not exist in the configured VXG Cloud account.`
          : read.failure.message,
    };
  return usable(channelId, read.value.token, read.value.tokenProblem);
}

function usable(
  channelId: number,
  token: AccessToken | null,
  problem: string | null,
): { ok: true; token: AccessToken } | { ok: false; message: string } {
  if (!token) return { ok: false, message: `Channel ${channelId} cannot be used: ${problem ?? 'it has no "all" access token'}.` };
  const unwritable = unwritableReason(token);
  if (unwritable) return { ok: false, message: `Channel ${channelId}: ${unwritable}` };
  if (token.camid !== channelId)
    return { ok: false, message: `The token VXG Cloud gave for channel ${channelId} names channel ${token.camid}; it was not used.` };
  return { ok: true, token };
}

export async function ownChannel(admin: AdminApi, camera: { cameraId: string; mac: string | null; create: boolean }): Promise<OwnChannel> {
  const { cameraId } = camera;
  const found = await admin.findChannelsByCameraId(cameraId);
  if (!found.ok) return { ok: false, created: false, channelId: null, message: found.failure.message };
  const existing = found.value[0];
  if (existing) {
    const token = existing.token || existing.tokenProblem ? usable(existing.id, existing.token, existing.tokenProblem) : null;
    const read = token ?? (await channelToken(admin, existing.id));
    return read.ok
      ? { ok: true, channelId: existing.id, created: false, token: read.token, message: `Camera ${cameraId} has channel ${existing.id}.` }
      : { ok: false, created: false, channelId: existing.id, message: read.message };
  }
  if (!camera.create)
    return {
      ok: false,
      created: false,
      channelId: null,
      message: `Camera ${cameraId} has no channel in this VXG Cloud account; register it first.`,
    };
  const created = await admin.createChannel({ name: `Camera ${cameraId}`, cameraId, mac: camera.mac });
  if (!created.ok) return { ok: false, created: false, channelId: null, message: created.failure.message };
  const c = created.value;
  const token = c.token || c.tokenProblem ? usable(c.id, c.token, c.tokenProblem) : await channelToken(admin, c.id);
  return token.ok
    ? { ok: true, channelId: c.id, created: true, token: token.token, message: `Created channel ${c.id} for camera ${cameraId}.` }
    : { ok: false, created: true, channelId: c.id, message: token.message };
}

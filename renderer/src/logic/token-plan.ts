import { decodeAccessToken, unwritableReason } from '../../../shared/access-token.js';
import type { CommandArgs } from '../../../shared/contract.js';

/** Where the token written onto the camera comes from: its own channel, another channel, or a pasted token. */
export type TokenSource = 'own' | 'channel' | 'token';

export type TokenWriteArgs = CommandArgs<'token.write'>;

/** Same bound as the contract's batch. */
export const MAX_TOKEN_BATCH = 500;

/**
 * The `token.write` arguments for the dialog's choice, or a sentence saying what to fix. A pasted token is decoded
 * here only to give the technician a useful message early (the core decodes and checks it again); the sentence never
 * contains the token. Another channel's token or a pasted one belongs to one channel, so it goes to one camera only.
 */
export function tokenWriteArgs(
  deviceIds: readonly string[],
  source: TokenSource,
  channelText: string,
  pasted: string,
): { args: TokenWriteArgs } | { problem: string } {
  if (deviceIds.length === 0) return { problem: 'Select at least one camera in the table.' };
  if (deviceIds.length > MAX_TOKEN_BATCH) return { problem: `Write tokens to at most ${MAX_TOKEN_BATCH} cameras at a time.` };
  if (source === 'own') return { args: { cameras: deviceIds.map((deviceId) => ({ deviceId })) } };
  if (deviceIds.length > 1) return { problem: 'A channel’s token belongs to one camera; select a single camera for this choice.' };
  const deviceId = deviceIds[0]!;
  if (source === 'channel') {
    const channelId = parseChannelId(channelText);
    if (channelId === null) return { problem: 'Enter the channel id as a whole number, as the VXG dashboard shows it.' };
    return { args: { cameras: [{ deviceId, channelId }] } };
  }
  const problem = pastedTokenProblem(pasted);
  if (problem) return { problem };
  return { args: { cameras: [{ deviceId, token: pasted.trim() }] } };
}

/** Rotation re-issues each camera's own channel token. */
export function rotateArgs(deviceIds: readonly string[]): { args: TokenWriteArgs } | { problem: string } {
  if (deviceIds.length === 0) return { problem: 'Select at least one camera in the table.' };
  if (deviceIds.length > MAX_TOKEN_BATCH) return { problem: `Rotate at most ${MAX_TOKEN_BATCH} cameras at a time.` };
  return { args: { cameras: deviceIds.map((deviceId) => ({ deviceId })), rotate: true } };
}

/** A positive whole channel id typed by hand, or null. */
export function parseChannelId(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[0-9]{1,15}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Why a pasted token cannot go to a camera (the codec's sentence), or null when it may. */
export function pastedTokenProblem(pasted: string): string | null {
  const decoded = decodeAccessToken(pasted);
  if (!decoded.ok) return decoded.message;
  return unwritableReason(decoded.token);
}

/** How a camera is named in the token and move dialogs: its MAC (else IP, else record id), with its name. */
export function cameraLabel(device: { id: string; mac: string | null; ip: string | null; name: string | null }): string {
  const key = device.mac ?? device.ip ?? device.id;
  return device.name ? `${key} (${device.name})` : key;
}

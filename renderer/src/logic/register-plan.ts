import type { z } from 'zod';
import type { registerCameraSchema } from '../../../shared/contract.js';
import { cameraId, type CameraIdFormat } from '../../../shared/camera-id.js';
import type { Device } from '../../../shared/device.js';

export type RegisterCamera = z.input<typeof registerCameraSchema>;

/** One row of the register dialog: which camera, and the ID the cloud will know it by (null: none derivable). */
export type PlanRow = { deviceId: string; mac: string | null; model: string | null; name: string | null; cameraId: string | null };

/** Same bound as the contract's password field. */
export const MAX_PASSWORD_CHARS = 256;
export const MAX_REGISTER_BATCH = 500;

export function planRows(devices: readonly Device[], format: CameraIdFormat): PlanRow[] {
  return devices.map((device) => ({
    deviceId: device.id,
    mac: device.mac,
    model: device.model,
    name: device.name,
    cameraId: cameraId(format, device),
  }));
}

export type Passwords = { same: boolean; shared: string; perCamera: Readonly<Record<string, string>> };

/** The password typed for a row, exactly as typed (sticker passwords may have spaces; nothing is trimmed). */
export const passwordFor = (passwords: Passwords, deviceId: string): string =>
  passwords.same ? passwords.shared : (passwords.perCamera[deviceId] ?? '');

/**
 * The `cloud.register` cameras, or a sentence saying what is missing. Rows without a camera ID are refused
 * here rather than sent: the core could not derive one either.
 */
export function registerArgs(rows: readonly PlanRow[], passwords: Passwords): { cameras: RegisterCamera[] } | { problem: string } {
  if (rows.length === 0) return { problem: 'Select at least one camera in the table.' };
  if (rows.length > MAX_REGISTER_BATCH) return { problem: `Register at most ${MAX_REGISTER_BATCH} cameras at a time.` };
  const noId = rows.filter((row) => row.cameraId === null);
  if (noId.length > 0) return { problem: `${noId.length} selected camera(s) have no MAC or serial to use as camera ID; untick them.` };
  const cameras: RegisterCamera[] = [];
  for (const row of rows) {
    const password = passwordFor(passwords, row.deviceId);
    const who = row.mac ?? row.cameraId ?? row.deviceId;
    if (password.length === 0) return { problem: `Enter the sticker password for ${who}.` };
    if (password.length > MAX_PASSWORD_CHARS)
      return { problem: `The password for ${who} is longer than ${MAX_PASSWORD_CHARS} characters.` };
    const camera: RegisterCamera = { deviceId: row.deviceId, password };
    if (row.mac) camera.mac = row.mac;
    if (row.name) camera.name = row.name.slice(0, 64);
    cameras.push(camera);
  }
  return { cameras };
}

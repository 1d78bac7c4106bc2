/**
 * The camera ID sent to VXG: the provisioning `serial_id` and the channel's `rsid` meta tag. VXG's UI
 * upper-cases serial and MAC [CODE W5], and the Uplink client upper-cases before sending [CODE U2], so every ID
 * here is upper-case. Default is the MAC as 12 hex digits, which is also an Axis serial [INF §5.1].
 */
import { normaliseMac } from './mac.js';

export const cameraIdFormats = ['mac-plain', 'mac-colon', 'serial'] as const;
export type CameraIdFormat = (typeof cameraIdFormats)[number];

/**
 * IDs end up in URL queries (`meta=<ID>`, `serial_id=<ID>`) and as JSON keys of the channel's meta, so only a
 * conservative character set is accepted; real serials are letters, digits and a few separators.
 */
const SERIAL = /^[A-Z0-9][A-Z0-9._:-]{0,63}$/;

/** `AABBCCDDEEFF` or `AA:BB:CC:DD:EE:FF` for a MAC in any notation normaliseMac accepts; null if not a MAC. */
export function cameraIdFromMac(mac: string, format: 'mac-plain' | 'mac-colon' = 'mac-plain'): string | null {
  const normalised = normaliseMac(mac);
  if (!normalised) return null;
  const upper = normalised.toUpperCase();
  return format === 'mac-colon' ? upper : upper.replaceAll(':', '');
}

/** A serial (or any other ID the technician typed), trimmed and upper-cased; null when unusable as an ID. */
export function normaliseSerialId(text: string): string | null {
  if (typeof text !== 'string' || text.length > 128) return null;
  const upper = text.trim().toUpperCase();
  return SERIAL.test(upper) ? upper : null;
}

/** The ID for a camera under the configured format: MAC-based formats need the MAC, `serial` the serial. */
export function cameraId(format: CameraIdFormat, camera: { mac?: string | null; serial?: string | null }): string | null {
  if (format === 'serial') return camera.serial ? normaliseSerialId(camera.serial) : null;
  return camera.mac ? cameraIdFromMac(camera.mac, format) : null;
}

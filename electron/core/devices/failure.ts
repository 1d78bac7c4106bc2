/**
 * How a camera call fails, as values. The kinds are what the credential planner and the UI act on; every
 * message is a sentence for the technician and never contains a password, a digest or a cloud token.
 */
export type DeviceFailureKind =
  | 'unauthorized' // the camera refused these credentials (HTTP 401, ter:NotAuthorized)
  | 'locked' // the camera says it locked the account or had too many attempts
  | 'unreachable' // no answer: refused connection, timeout, broken reply
  | 'not-supported' // it answered, but not as the API we asked for (no ONVIF/VAPIX here)
  | 'bad-reply'; // an answer we refuse to read: too large, malformed, DOCTYPE, missing fields

export interface DeviceFailure {
  kind: DeviceFailureKind;
  message: string;
  status?: number;
}

export type DeviceResult<T> = { ok: true; value: T } | { ok: false; failure: DeviceFailure };

export const ok = <T>(value: T): DeviceResult<T> => ({ ok: true, value });
export const fail = <T = never>(kind: DeviceFailureKind, message: string, status?: number): DeviceResult<T> => ({
  ok: false,
  failure: status === undefined ? { kind, message } : { kind, message, status },
});

/** Words cameras use when they lock an account (Hikvision, Dahua, Axis, ONVIF faults); "unlock" does not match. */
const LOCKOUT_TEXT = /\b(lock(ed|out)?|too many|attempts? exceeded|retry later)\b/i;

/** True when a reply body or fault reason says "locked" / "too many attempts". Bounded scan. */
export const saysLocked = (text: string): boolean => LOCKOUT_TEXT.test(text.slice(0, 16_384));

/** Per-call budgets: a camera answers in well under a second; replies are a few KiB. */
export const DEVICE_CALL_TIMEOUT_MS = 3000;
export const MAX_DEVICE_REPLY_BYTES = 64 * 1024;

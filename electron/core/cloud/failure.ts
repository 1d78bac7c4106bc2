/**
 * How cloud calls fail, as values. Every message is a sentence a technician can act on, and every message
 * passes through scrub() so a secret echoed by a server (or pasted into a URL by mistake) never reaches the UI,
 * the audit log or a thrown error.
 */
import { redactText } from '../../platform/logger.js';

export type CloudFailureKind =
  | 'invalid' // our input was unusable; nothing was sent
  | 'unauthorized' // 401/403: credentials
  | 'not-found'
  | 'conflict'
  | 'rate-limited' // 429 after every retry
  | 'server' // 5xx after every retry
  | 'refused' // another 4xx, or errorDetail in the body
  | 'timeout'
  | 'network'
  | 'bad-response'; // a reply we could not understand

export interface CloudFailure {
  kind: CloudFailureKind;
  message: string;
  /** HTTP status when there was one. */
  status?: number;
}

export type CloudResult<T> = { ok: true; value: T } | { ok: false; failure: CloudFailure };

export const success = <T>(value: T): CloudResult<T> => ({ ok: true, value });
export const failure = <T = never>(kind: CloudFailureKind, message: string, status?: number): CloudResult<T> => ({
  ok: false,
  failure: status === undefined ? { kind, message } : { kind, message, status },
});

/** Replace every known secret (and anything that looks like an auth header or token query) with [redacted]. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  // Any long base64-like run (an access token, or a piece of one) is hidden too: IDs and hosts are shorter.
  return redactText(out).replace(/[A-Za-z0-9+/=_.-]{40,}/g, '[redacted]');
}

/** A server-supplied detail made safe to show: one line, printable, bounded, secrets removed. */
export function serverDetail(text: unknown, secrets: readonly string[]): string | null {
  if (typeof text !== 'string') return null;
  // Scrub before truncating: a secret cut in half would no longer match and half of it would leak.
  const clean = scrub(text.slice(0, 4096), secrets)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return clean.length === 0 ? null : clean.slice(0, 200);
}

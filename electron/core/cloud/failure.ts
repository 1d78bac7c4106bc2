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
  return redactText(out);
}

/** A server-supplied detail made safe to show: one line, printable, bounded, secrets removed. */
export function serverDetail(text: unknown, secrets: readonly string[]): string | null {
  if (typeof text !== 'string') return null;
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
  return clean.length === 0 ? null : scrub(clean, secrets);
}

/**
 * The audit log's last line of defence: every string is scrubbed again before it reaches disk, whatever the
 * caller promised. Removes auth headers and token query strings (logger's redactText), `Authorization:` values,
 * anything shaped like a VXG access token (long base64), and every secret value the process currently knows, in
 * plain, base64, base64url and URL-encoded form.
 */
import { auditEntrySchema, type AuditEntry } from '../../shared/contract.js';
import { redactText } from './secrets-redact.js';

const REDACTED = '[redacted]';

/** The value of an Authorization header, up to the end of the line or a closing quote. */
const AUTHORIZATION = /(authori[sz]ation["']?\s*[:=]\s*["']?)[^\r\n"']+/gi;

/**
 * A run of base64/base64url characters long enough to be a token. VXG access tokens are base64 JSON of ~300
 * characters; 32+ characters mixing upper case, lower case and digits is not an English word, a MAC or a path.
 */
const BASE64_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g;
const looksLikeToken = (run: string) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);

/**
 * Secrets shorter than this are not searched for: replacing every "1234" in free text would garble the log
 * without protecting a secret that short. The contract asks for at least 1 character; VXG keys are long.
 */
const MIN_SECRET_CHARS = 4;

function forms(secret: string): string[] {
  const utf8 = Buffer.from(secret, 'utf8');
  return [
    secret,
    utf8.toString('base64'),
    utf8.toString('base64').replace(/=+$/, ''),
    utf8.toString('base64url'),
    encodeURIComponent(secret),
  ];
}

export function createAuditRedactor(knownSecrets: () => string[] = () => []): (text: string) => string {
  return (text) => {
    let out = text;
    const needles = knownSecrets()
      .filter((s) => s.length >= MIN_SECRET_CHARS)
      .flatMap(forms)
      .sort((a, b) => b.length - a.length);
    for (const needle of new Set(needles)) out = out.split(needle).join(REDACTED);
    out = redactText(out);
    out = out.replace(AUTHORIZATION, `$1${REDACTED}`);
    return out.replace(BASE64_RUN, (run) => (looksLikeToken(run) ? REDACTED : run));
  };
}

const shape = auditEntrySchema.shape;

/** Cuts a string to the contract's maximum for its field, so every stored entry also reads back valid. */
const cap = (text: string, max: number | null) => (max !== null && text.length > max ? text.slice(0, max - 1) + '…' : text);

/** The entry an adapter stores: time-stamped, every string redacted and capped per the contract. */
export function sealAuditEntry(record: Omit<AuditEntry, 'at'>, at: number, redact: (text: string) => string): AuditEntry {
  const field = (value: unknown, max: number | null) => cap(redact(String(value)), max);
  return {
    at: new Date(at).toISOString(),
    action: field(record.action, shape.action.maxLength),
    camera: record.camera === null ? null : field(record.camera, shape.camera.unwrap().maxLength),
    result: record.result,
    message: field(record.message, shape.message.maxLength),
    via: field(record.via, shape.via.maxLength),
  };
}

/**
 * WS-Security UsernameToken with PasswordDigest (ONVIF Core §5.12, OASIS UsernameToken Profile 1.0):
 * digest = base64(SHA1(nonce bytes ‖ Created ‖ password)), all text as UTF-8.
 * Hazards: the `onvif` npm package hashes the password as ASCII (non-ASCII passwords then fail); `Created`
 * must be in the camera's clock (Axis, Dahua, Hikvision refuse a skewed one), so it is now + offset, in UTC.
 */
import { createHash, randomBytes } from 'node:crypto';

export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const DIGEST_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** base64(SHA1(nonce ‖ created ‖ password)); the result is a secret-equivalent for replay within the window. */
export function passwordDigest(nonce: Uint8Array, created: string, password: string): string {
  return createHash('sha1').update(nonce).update(Buffer.from(created, 'utf8')).update(Buffer.from(password, 'utf8')).digest('base64');
}

/** `Created` as ONVIF devices expect it: UTC, seconds precision, `Z`. */
export const createdAt = (epochMs: number): string => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

const escapeXml = (value: string): string =>
  value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The `<wsse:Security>` header block. `cameraNowMs` is our clock plus the camera's offset. Nonce is random
 * per message (cameras reject a repeated nonce as a replay).
 */
export function securityHeader(username: string, password: string, cameraNowMs: number, nonce: Uint8Array = randomBytes(16)): string {
  const created = createdAt(cameraNowMs);
  return (
    `<wsse:Security xmlns:wsse="${WSSE_NS}" xmlns:wsu="${WSU_NS}" s:mustUnderstand="1">` +
    `<wsse:UsernameToken><wsse:Username>${escapeXml(username)}</wsse:Username>` +
    `<wsse:Password Type="${DIGEST_TYPE}">${passwordDigest(nonce, created, password)}</wsse:Password>` +
    `<wsse:Nonce EncodingType="${BASE64_TYPE}">${Buffer.from(nonce).toString('base64')}</wsse:Nonce>` +
    `<wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>`
  );
}

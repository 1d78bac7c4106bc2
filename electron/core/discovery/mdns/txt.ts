/**
 * DNS-SD TXT strings (`key=value`, RFC 6763 §6) → a Map of lower-case keys (keys are case-insensitive) to values.
 * Pure; never throws. Hazard: TXT is free text from the LAN: at most MAX_TXT_STRINGS strings and MAX_TXT_BYTES
 * bytes are read, keys are printable ASCII without `=`, values are cut to MAX_TXT_VALUE_CHARS and refused when
 * they hold control characters; the first occurrence of a key wins (§6.4). A Map, so `__proto__` is just a key.
 */
export const MAX_TXT_STRINGS = 64;
export const MAX_TXT_BYTES = 2048;
export const MAX_TXT_VALUE_CHARS = 255;

const KEY = /^[\x20-\x3c\x3e-\x7e]{1,64}$/; // printable US-ASCII except '=' (RFC 6763 §6.4)
const CONTROL = /\p{Cc}/u;
const utf8 = new TextDecoder('utf-8', { fatal: false });

export function parseTxt(strings: readonly Uint8Array[]): Map<string, string> {
  const entries = new Map<string, string>();
  let bytes = 0;
  for (const raw of strings.slice(0, MAX_TXT_STRINGS)) {
    if (!(raw instanceof Uint8Array) || raw.length === 0) continue;
    bytes += raw.length;
    if (bytes > MAX_TXT_BYTES) break;
    const text = utf8.decode(raw);
    const eq = text.indexOf('=');
    const key = (eq < 0 ? text : text.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : text.slice(eq + 1);
    if (!KEY.test(key) || entries.has(key) || CONTROL.test(value)) continue;
    entries.set(key, value.slice(0, MAX_TXT_VALUE_CHARS));
  }
  return entries;
}

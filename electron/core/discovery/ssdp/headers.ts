/**
 * SSDP datagrams (HTTP-over-UDP): M-SEARCH responses, NOTIFY announcements, and M-SEARCH requests (ours echoed
 * back, or another client's). Pure: bytes in, a typed message or null out; never throws.
 * Hazard: every byte is untrusted LAN input. The datagram is capped at MAX_SSDP_BYTES, the header count at
 * MAX_HEADERS and each value at MAX_HEADER_VALUE_CHARS; headers live in a Map so a header named `__proto__`
 * or `constructor` is just a string. Names are case-insensitive (stored lower-case); lines may end in CRLF or
 * a bare LF (node-ssdp splits on CRLF only and loses LF-only devices).
 */

/** Larger than any real SSDP datagram (they are ~300–600 bytes); bigger is junk or an attack. */
export const MAX_SSDP_BYTES = 8 * 1024;
export const MAX_HEADERS = 64;
export const MAX_HEADER_VALUE_CHARS = 1024;

export type SsdpKind = 'response' | 'notify' | 'search';

export interface SsdpMessage {
  kind: SsdpKind;
  /** HTTP status of a response (200 for a real answer); null for requests. */
  status: number | null;
  /** Lower-case header name → value (first occurrence wins; trimmed; control characters refused). */
  headers: ReadonlyMap<string, string>;
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const RESPONSE = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/i;
const REQUEST = /^(NOTIFY|M-SEARCH) \* HTTP\/1\.[01]$/i;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const CONTROL = /\p{Cc}/u;

/** Reads one datagram; null when it is not an SSDP message we understand. */
export function parseSsdpMessage(data: Uint8Array): SsdpMessage | null {
  if (!(data instanceof Uint8Array) || data.byteLength === 0 || data.byteLength > MAX_SSDP_BYTES) return null;
  const lines = decoder.decode(data).split(/\r?\n/);
  const start = (lines[0] ?? '').trim();
  const response = RESPONSE.exec(start);
  const request = REQUEST.exec(start);
  if (!response && !request) return null;
  const kind: SsdpKind = response ? 'response' : request?.[1]?.toUpperCase() === 'NOTIFY' ? 'notify' : 'search';
  const headers = new Map<string, string>();
  let count = 0;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') break; // end of headers; SSDP has no body worth reading
    if (++count > MAX_HEADERS) return null; // more headers than any device sends: junk, refuse whole
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // a malformed line costs itself, not the message
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!HEADER_NAME.test(name) || value.length > MAX_HEADER_VALUE_CHARS || CONTROL.test(value)) continue;
    if (!headers.has(name)) headers.set(name, value);
  }
  return { kind, status: response ? Number(response[1]) : null, headers };
}

/** `max-age=1800` out of CACHE-CONTROL; null when absent or not a sane number of seconds. */
export function maxAgeOf(message: SsdpMessage): number | null {
  const match = /max-age\s*=\s*"?(\d{1,9})/i.exec(message.headers.get('cache-control') ?? '');
  return match?.[1] ? Number(match[1]) : null;
}

/** NTS of a NOTIFY: alive, byebye or update (any case); null for anything else. */
export function notifySubtype(message: SsdpMessage): 'alive' | 'byebye' | 'update' | null {
  const nts = (message.headers.get('nts') ?? '').toLowerCase();
  if (nts === 'ssdp:alive') return 'alive';
  if (nts === 'ssdp:byebye') return 'byebye';
  if (nts === 'ssdp:update') return 'update';
  return null;
}

/** The UDN part of a USN (`uuid:abc::urn:…` → `abc`), lower-case; null when there is none. */
export function udnOfUsn(usn: string | undefined): string | null {
  const match = /^uuid:([^:\s]{1,128})/i.exec((usn ?? '').trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * Shared guards for neighbour-table parsers. The text comes from OS tools, but a table can be huge on a busy
 * network (or a tool can misbehave), so parsers look at a bounded prefix and never throw.
 */
import type { NeighbourEntry } from '../ports.js';
import { isIpv4 } from '../../../shared/net.js';
import { normaliseMac } from '../../../shared/mac.js';

/** Input beyond this many characters is ignored. */
export const MAX_TABLE_CHARS = 1024 * 1024;

/** The bounded text, without a byte-order mark (PowerShell may emit one); '' for non-strings. */
export function boundedText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.slice(0, MAX_TABLE_CHARS).replace(/^\uFEFF/, '');
}

/** An entry when the IP is IPv4 and the MAC is a unicast MAC (all-zero, broadcast, multicast dropped). */
export function entryOf(ip: unknown, mac: unknown, iface: unknown): NeighbourEntry | null {
  if (typeof ip !== 'string' || typeof mac !== 'string' || !isIpv4(ip)) return null;
  const normalised = normaliseMac(mac);
  if (!normalised) return null;
  const name = typeof iface === 'string' && iface.trim() !== '' ? iface.trim().slice(0, 256).trimEnd() : null;
  return { ip, mac: normalised, interface: name };
}

/** Parses JSON without throwing; null on garbage. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

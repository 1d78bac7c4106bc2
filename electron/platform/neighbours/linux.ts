/**
 * Linux neighbour tables: /proc/net/arp (always present, no external binary) and `ip -j neigh show`.
 * Pure parsers over OS output; they skip what they do not understand and never throw.
 */
import type { NeighbourEntry } from '../ports.js';
import { boundedText, entryOf, parseJson } from './bound.js';

/** Kernel ATF_COM (resolved) and ATF_PERM (static) flags; neither set means the entry is incomplete. */
const ATF_COM = 0x2;
const ATF_PERM = 0x4;

/**
 * Parses /proc/net/arp:
 * `IP address  HW type  Flags  HW address  Mask  Device` then one row per entry.
 */
export function parseProcNetArp(text: string): NeighbourEntry[] {
  const entries: NeighbourEntry[] = [];
  for (const line of boundedText(text).split('\n')) {
    const [ip, , flagsText, mac, , device] = line.trim().split(/\s+/);
    if (!flagsText?.startsWith('0x')) continue; // header or garbage
    const flags = parseInt(flagsText, 16);
    if (Number.isNaN(flags) || (flags & (ATF_COM | ATF_PERM)) === 0) continue;
    const entry = entryOf(ip, mac, device);
    if (entry) entries.push(entry);
  }
  return entries;
}

const UNUSABLE_STATES = new Set(['FAILED', 'INCOMPLETE']);

function statesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value.toUpperCase()];
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string').map((s) => s.toUpperCase());
  return [];
}

/**
 * Parses `ip -j neigh show`: `[{"dst":"192.168.1.1","dev":"eth0","lladdr":"aa:bb:…","state":["REACHABLE"]}]`.
 * IPv6 neighbours are left out: the rest of the app looks MACs up by IPv4 address.
 */
export function parseIpNeighJson(text: string): NeighbourEntry[] {
  const rows = parseJson(boundedText(text));
  if (!Array.isArray(rows)) return [];
  const entries: NeighbourEntry[] = [];
  for (const row of rows as unknown[]) {
    if (typeof row !== 'object' || row === null) continue;
    const { dst, dev, lladdr, state } = row as Record<string, unknown>;
    if (statesOf(state).some((s) => UNUSABLE_STATES.has(s))) continue;
    const entry = entryOf(dst, lladdr, dev);
    if (entry) entries.push(entry);
  }
  return entries;
}

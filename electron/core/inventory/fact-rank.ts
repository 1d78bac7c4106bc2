import type { Fact, FactName, FactSource } from '../../../shared/device.js';

/**
 * Which source wins when two disagree. Direct readings beat inferences: the neighbour table is the MAC the
 * packets actually came from; a scope or an endpoint UUID is what the firmware chose to announce.
 */
const priority: FactSource[] = [
  'manual',
  // Read from the camera itself after a login: the interface that holds its IP (issue 8). Outranks the neighbour
  // table, which can show a proxy's MAC; when the two differ both stay and the row is flagged as a conflict.
  'onvif',
  'vapix',
  'arp',
  'upnp',
  'mdns-txt',
  'wsd-scope',
  'wsd',
  'ssdp',
  'mdns',
  'sweep',
  'oui',
  'uuid-suffix',
  'ipv6-eui64',
];

const rank = (f: Fact) => (f.hint ? 100 : 0) + priority.indexOf(f.source);

/** The fact to show for a name: non-hints first, then by source priority, then the newest. */
export function bestFact(facts: readonly Fact[] | undefined): Fact | null {
  if (!facts || facts.length === 0) return null;
  return rankedFacts(facts)[0] ?? null;
}

/**
 * A fact list in the order a technician reads it: the value shown first, then the others by the same ranking.
 * (Records keep facts newest first, for eviction; a later hint must not push the ARP reading down the list.)
 */
export function rankedFacts(facts: readonly Fact[]): Fact[] {
  return [...facts].sort((a, b) => rank(a) - rank(b) || b.at.localeCompare(a.at));
}

/** Facts whose sources disagree; only identity facts are flagged (a camera may announce several names). */
export const conflictChecked: FactName[] = ['mac', 'serial'];

/**
 * Two sources disagree. Values are compared as the key index compares them (case-insensitive, trimmed): an Axis
 * serial `ACCC8E123456` from UPnP and `accc8e123456` from mDNS are one camera, not a conflict.
 */
export function hasConflict(facts: readonly Fact[] | undefined): boolean {
  return new Set((facts ?? []).map((f) => f.value.trim().toLowerCase())).size > 1;
}

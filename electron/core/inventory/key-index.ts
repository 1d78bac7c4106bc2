/**
 * Which records hold a key (endpoint, shown IP, serial, directly read MAC), so an observation finds its
 * matches in O(keys) instead of scanning every record: at 5,000 records the scan cost 4 ms a packet, and a
 * flood of forged IPs starved the real cameras. The index is rebuilt per record after every mutation, so it
 * stays exact across merges, new facts, IP changes, budget evictions and removal.
 */
import { clip, clipEndpoint, MAX_FACTS_PER_OBSERVATION, maxValueCost } from './bounds.js';
import type { DeviceRecord } from './device-record.js';
import type { Observation } from './observation.js';

const endpointKey = (endpoint: string) => `ep:${clipEndpoint(endpoint)}`;
const ipKey = (ip: string) => `ip:${ip}`;
const serialKey = (serial: string) => `serial:${serial.toLowerCase()}`;
const macKey = (mac: string) => `mac:${mac}`;

/** A record's keys: every endpoint, the IP it is shown with, every serial, every MAC that is not a hint. */
export function recordKeys(r: DeviceRecord): string[] {
  const keys = new Set([...r.endpoints].map(endpointKey));
  const ip = r.best('ip');
  if (ip) keys.add(ipKey(ip.value));
  for (const f of r.facts.get('serial') ?? []) keys.add(serialKey(f.value));
  for (const f of r.facts.get('mac') ?? []) if (!f.hint) keys.add(macKey(f.value));
  return [...keys];
}

/**
 * The keys an observation matches by, clipped exactly as the record will store them. A Bye matches by its
 * endpoint only: its source IP may be an interface the device is leaving from. MAC hints never match.
 */
export function observationKeys(obs: Observation): string[] {
  const keys = new Set<string>();
  if (obs.endpoint) keys.add(endpointKey(obs.endpoint));
  if (obs.kind === 'bye') return [...keys];
  if (obs.ip) keys.add(ipKey(clip(obs.ip, maxValueCost('ip'))));
  for (const f of obs.facts.slice(0, MAX_FACTS_PER_OBSERVATION)) {
    if (f.name === 'serial') keys.add(serialKey(clip(f.value, maxValueCost('serial'))));
    if (f.name === 'mac' && !f.hint) keys.add(macKey(clip(f.value, maxValueCost('mac'))));
  }
  return [...keys];
}

export class KeyIndex {
  private readonly ids = new Map<string, Set<string>>();
  /** Index reads since creation; a test asserts they grow with observations, not with records. */
  lookups = 0;

  get size(): number {
    return this.ids.size;
  }

  /** Ids of the records holding any of `keys`. */
  find(keys: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (const key of keys) {
      this.lookups++;
      this.ids.get(key)?.forEach((id) => found.add(id));
    }
    return found;
  }

  /** Re-files the record under its current keys; call after every change to its facts or endpoints. */
  update(r: DeviceRecord): void {
    const next = recordKeys(r);
    const keep = new Set(next);
    for (const key of r.keys) if (!keep.has(key)) this.drop(key, r.id);
    for (const key of next) {
      const set = this.ids.get(key);
      if (set) set.add(r.id);
      else this.ids.set(key, new Set([r.id]));
    }
    r.keys = next;
  }

  remove(r: DeviceRecord): void {
    for (const key of r.keys) this.drop(key, r.id);
    r.keys = [];
  }

  private drop(key: string, id: string): void {
    const set = this.ids.get(key);
    set?.delete(id);
    if (set?.size === 0) this.ids.delete(key);
  }
}

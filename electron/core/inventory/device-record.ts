/** One device's record as the registry keeps it, and how it becomes the contract's Device. */
import type { Device, DiscoverySourceName, Fact, FactName, OnvifInfo } from '../../../shared/device.js';
import { bestFact, conflictChecked, hasConflict } from './fact-rank.js';
import type { ObservedFact } from './observation.js';

/** At most this many distinct values are kept per fact, so a chatty or hostile device cannot grow a record. */
const MAX_VALUES_PER_FACT = 8;
/** Longest fact value kept; a scope can legally be kilobytes long and would flood the table and logs. */
const MAX_FACT_CHARS = 256;
/** Endpoint UUIDs kept per record; a device cycling through identities cannot grow its record. */
export const MAX_ENDPOINTS = 8;

export interface DeviceRecord {
  id: string;
  facts: Map<FactName, Fact[]>;
  endpoints: Set<string>;
  sources: Set<DiscoverySourceName>;
  online: boolean;
  isCamera: boolean;
  firstSeen: number;
  lastSeen: number;
  interface: string | null;
  onvif: OnvifInfo | null;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Records the fact; true when the device now looks different (a new value, or a hint confirmed). */
export function addFact(r: DeviceRecord, observed: ObservedFact, at: number): boolean {
  const f = { ...observed, value: observed.value.slice(0, MAX_FACT_CHARS) };
  const list = r.facts.get(f.name) ?? [];
  const existing = list.find((x) => x.value === f.value && x.source === f.source);
  if (existing) {
    existing.at = iso(Math.max(Date.parse(existing.at), at));
    const confirmed = existing.hint && !f.hint;
    existing.hint = existing.hint && f.hint;
    return confirmed;
  } else {
    list.push({ value: f.value, source: f.source, at: iso(at), hint: f.hint });
    // Keep the newest values when a device keeps changing a fact.
    list.sort((a, b) => b.at.localeCompare(a.at));
    list.splice(MAX_VALUES_PER_FACT);
  }
  r.facts.set(f.name, list);
  return true;
}

export function addEndpoint(r: DeviceRecord, endpoint: string): void {
  if (r.endpoints.size < MAX_ENDPOINTS || r.endpoints.has(endpoint)) r.endpoints.add(endpoint);
}

export function absorb(into: DeviceRecord, other: DeviceRecord): void {
  for (const [name, facts] of other.facts) {
    for (const f of facts) addFact(into, { name, value: f.value, source: f.source, hint: f.hint }, Date.parse(f.at));
  }
  other.endpoints.forEach((e) => addEndpoint(into, e));
  other.sources.forEach((s) => into.sources.add(s));
  into.isCamera = into.isCamera || other.isCamera;
  into.firstSeen = Math.min(into.firstSeen, other.firstSeen);
  into.lastSeen = Math.max(into.lastSeen, other.lastSeen);
  into.online = into.online || other.online;
  into.onvif = into.onvif ?? other.onvif;
  into.interface = into.interface ?? other.interface;
}

export function toDevice(r: DeviceRecord): Device {
  const value = (name: FactName) => bestFact(r.facts.get(name))?.value ?? null;
  const mac = bestFact(r.facts.get('mac'));
  return {
    id: r.id,
    mac: mac?.value ?? null,
    macSource: mac?.source ?? null,
    ip: value('ip'),
    vendor: value('vendor'),
    manufacturer: value('manufacturer'),
    model: value('model') ?? value('hardware'),
    name: value('name'),
    serial: value('serial'),
    firmware: value('firmware'),
    isCamera: r.isCamera,
    sources: [...r.sources].sort(),
    online: r.online,
    firstSeen: iso(r.firstSeen),
    lastSeen: iso(r.lastSeen),
    interface: r.interface,
    onvif: r.onvif,
    facts: Object.fromEntries([...r.facts].map(([k, v]) => [k, v.map((f) => ({ ...f }))])),
    conflicts: conflictChecked.filter((n) => hasConflict(r.facts.get(n))),
    cloud: { state: 'unknown', channelId: null },
  };
}

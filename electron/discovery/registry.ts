/**
 * The device registry: one record per camera, whichever protocols found it. Records merge when they share
 * a MAC (direct readings only — hints can be wrong), a serial, a WS-Discovery endpoint or an IP.
 */
import type { Device, DiscoverySourceName, Fact, FactName, OnvifInfo } from '../../shared/device.js';
import { bestFact, conflictChecked, hasConflict } from './fact-rank.js';
import type { ObservedFact, Observation } from './source.js';

/** At most this many distinct values are kept per fact, so a chatty or hostile device cannot grow a record. */
const MAX_VALUES_PER_FACT = 8;

interface DeviceRecord {
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

export type RegistryChange =
  | { kind: 'found' | 'updated' | 'lost'; device: Device }
  | { kind: 'merged'; id: string; into: string };

const iso = (ms: number) => new Date(ms).toISOString();

export class DeviceRegistry {
  private readonly records = new Map<string, DeviceRecord>();
  private nextId = 1;

  list(): Device[] {
    return [...this.records.values()].map(toDevice);
  }

  get(id: string): Device | null {
    const r = this.records.get(id);
    return r ? toDevice(r) : null;
  }

  /** Apply one observation; returns what changed, in the order the UI should apply it. */
  observe(obs: Observation): RegistryChange[] {
    const matches = this.findMatches(obs);
    if (obs.kind === 'bye') return this.markLost(matches, obs.at);
    const changes: RegistryChange[] = [];
    let record = matches[0];
    const isNew = !record;
    if (!record) {
      record = this.create(obs.at);
    }
    for (const other of matches.slice(1)) {
      absorb(record, other);
      this.records.delete(other.id);
      changes.push({ kind: 'merged', id: other.id, into: record.id });
    }
    applyObservation(record, obs);
    changes.push({ kind: isNew ? 'found' : 'updated', device: toDevice(record) });
    return changes;
  }

  /** Add facts learnt outside discovery (neighbour table, OUI, ONVIF calls) to a known record. */
  addFacts(id: string, facts: ObservedFact[], at: number): Device | null {
    const record = this.records.get(id);
    if (!record) return null;
    let changed = false;
    for (const f of facts) changed = addFact(record, f, at) || changed;
    return changed ? toDevice(record) : null;
  }

  private create(at: number): DeviceRecord {
    const record: DeviceRecord = {
      id: `dev-${this.nextId++}`,
      facts: new Map(),
      endpoints: new Set(),
      sources: new Set(),
      online: true,
      isCamera: false,
      firstSeen: at,
      lastSeen: at,
      interface: null,
      onvif: null,
    };
    this.records.set(record.id, record);
    return record;
  }

  private markLost(matches: DeviceRecord[], at: number): RegistryChange[] {
    return matches
      .filter((r) => r.online)
      .map((r) => {
        r.online = false;
        r.lastSeen = Math.max(r.lastSeen, at);
        return { kind: 'lost' as const, device: toDevice(r) };
      });
  }

  /** Records sharing a key with the observation, oldest first (so the oldest id survives a merge). */
  private findMatches(obs: Observation): DeviceRecord[] {
    const keys = observationKeys(obs);
    return [...this.records.values()].filter((r) => recordKeys(r).some((k) => keys.has(k)));
  }
}

function observationKeys(obs: Observation): Set<string> {
  const keys = new Set<string>();
  if (obs.endpoint) keys.add(`ep:${obs.endpoint}`);
  // A Bye carries only the endpoint; its source IP may be an interface the device is leaving from.
  if (obs.ip && obs.kind === 'alive') keys.add(`ip:${obs.ip}`);
  for (const f of obs.facts) {
    if (f.name === 'serial') keys.add(`serial:${f.value.toLowerCase()}`);
    if (f.name === 'mac' && !f.hint) keys.add(`mac:${f.value}`);
  }
  return keys;
}

function recordKeys(r: DeviceRecord): string[] {
  const keys = [...r.endpoints].map((e) => `ep:${e}`);
  const ip = bestFact(r.facts.get('ip'));
  if (ip) keys.push(`ip:${ip.value}`);
  for (const f of r.facts.get('serial') ?? []) keys.push(`serial:${f.value.toLowerCase()}`);
  for (const f of r.facts.get('mac') ?? []) if (!f.hint) keys.push(`mac:${f.value}`);
  return keys;
}

function applyObservation(r: DeviceRecord, obs: Observation): void {
  r.online = true;
  r.lastSeen = Math.max(r.lastSeen, obs.at);
  r.sources.add(obs.source);
  r.isCamera = r.isCamera || obs.isCamera;
  if (obs.endpoint) r.endpoints.add(obs.endpoint);
  if (obs.interface) r.interface = obs.interface;
  if (obs.onvif) r.onvif = obs.onvif;
  if (obs.ip) addFact(r, { name: 'ip', value: obs.ip, source: obs.source === 'wsd' ? 'wsd' : 'sweep', hint: false }, obs.at);
  for (const f of obs.facts) addFact(r, f, obs.at);
}

/** Records the fact; true when the device now looks different (a new value, or a hint confirmed). */
function addFact(r: DeviceRecord, f: ObservedFact, at: number): boolean {
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

function absorb(into: DeviceRecord, other: DeviceRecord): void {
  for (const [name, facts] of other.facts) {
    for (const f of facts) addFact(into, { name, value: f.value, source: f.source, hint: f.hint }, Date.parse(f.at));
  }
  other.endpoints.forEach((e) => into.endpoints.add(e));
  other.sources.forEach((s) => into.sources.add(s));
  into.isCamera = into.isCamera || other.isCamera;
  into.firstSeen = Math.min(into.firstSeen, other.firstSeen);
  into.lastSeen = Math.max(into.lastSeen, other.lastSeen);
  into.online = into.online || other.online;
  into.onvif = into.onvif ?? other.onvif;
  into.interface = into.interface ?? other.interface;
}

function toDevice(r: DeviceRecord): Device {
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

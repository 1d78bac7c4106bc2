/**
 * The device registry: one record per camera, whichever protocols found it. Records merge when they share
 * a MAC (direct readings only — hints can be wrong), a serial, a WS-Discovery endpoint or an IP.
 */
import type { Device } from '../../../shared/device.js';
import { absorb, addEndpoint, addFact, toDevice, type DeviceRecord } from './device-record.js';
import { bestFact } from './fact-rank.js';
import type { ObservedFact, Observation } from './observation.js';

export type RegistryChange =
  | { kind: 'found' | 'updated' | 'lost'; device: Device }
  | { kind: 'merged'; id: string; into: string };

export class DeviceRegistry {
  private readonly records = new Map<string, DeviceRecord>();
  private nextId = 1;

  /** `maxRecords` bounds the registry: a LAN has hundreds of cameras, not tens of thousands. */
  constructor(private readonly maxRecords = 5000) {}

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
      // Hazard: UDP sources can be forged; a flood of invented devices must not exhaust memory.
      if (this.records.size >= this.maxRecords) return [];
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
  if (obs.endpoint) addEndpoint(r, obs.endpoint);
  if (obs.interface) r.interface = obs.interface;
  if (obs.onvif) r.onvif = obs.onvif;
  if (obs.ip) addFact(r, { name: 'ip', value: obs.ip, source: obs.source === 'wsd' ? 'wsd' : 'sweep', hint: false }, obs.at);
  for (const f of obs.facts) addFact(r, f, obs.at);
}


/**
 * The inventory: one record per camera, whichever protocols found it. Records merge when they share
 * a MAC (direct readings only — hints can be wrong), a serial, a WS-Discovery endpoint or an IP; the key
 * index finds them without a scan. The oldest record survives a merge.
 */
import type { CloudInfo, Device, DiscoverySourceName, FactSource } from '../../../shared/device.js';
import { normaliseMac } from '../../../shared/mac.js';
import { MAX_DEVICES } from '../../../shared/limits.js';
import { AUTH_LIMITS, clip, CLOUD_LIMITS, MAX_FACTS_PER_OBSERVATION } from './bounds.js';
import { absorb, DeviceRecord, toDevice, type CloudAgent, type DeviceAuth, type RecordView } from './device-record.js';
import { KeyIndex, observationKeys } from './key-index.js';
import type { ObservedFact, Observation } from './observation.js';

export type RegistryChange = { kind: 'found' | 'updated' | 'lost'; device: Device } | { kind: 'merged'; id: string; into: string };

/** What one observation did, by record id; the core projects and publishes it after identity inference. */
export type Applied =
  | { kind: 'found' | 'updated'; id: string; merged: string[] }
  | { kind: 'lost'; ids: string[] }
  /** A Bye for a device we do not know, or that is already offline. */
  | { kind: 'unchanged' }
  /** A new device while the inventory is full; counted in stats().refusedFull. */
  | { kind: 'refused' };

export interface InventoryStats {
  records: number;
  indexKeys: number;
  /** Index reads so far: grows with observations, never with the number of records. */
  indexLookups: number;
  /** New devices refused because the inventory held MAX_DEVICES records. */
  refusedFull: number;
}

/** The IP fact names the protocol that saw the packet; there is no fallback label. */
const IP_SOURCE: Record<DiscoverySourceName, FactSource> = { wsd: 'wsd', ssdp: 'ssdp', mdns: 'mdns', sweep: 'sweep' };

export class DeviceRegistry {
  private readonly records = new Map<string, DeviceRecord>();
  private readonly index = new KeyIndex();
  private nextSeq = 1;
  private refusedFull = 0;

  /** `maxRecords` bounds the inventory: a LAN has hundreds of cameras, not tens of thousands. */
  constructor(private readonly maxRecords = MAX_DEVICES) {}

  list(): Device[] {
    return [...this.records.values()].map(toDevice);
  }

  get(id: string): Device | null {
    const r = this.records.get(id);
    return r ? toDevice(r) : null;
  }

  view(id: string): RecordView | null {
    return this.records.get(id) ?? null;
  }

  /** Every record, oldest first, for readers that need no projection (the neighbour-table refresh). */
  views(): IterableIterator<RecordView> {
    return this.records.values();
  }

  stats(): InventoryStats {
    return { records: this.records.size, indexKeys: this.index.size, indexLookups: this.index.lookups, refusedFull: this.refusedFull };
  }

  /** Apply one observation and say what it did; nothing is projected here. */
  apply(obs: Observation): Applied {
    // A time Date cannot print would throw halfway through a merge and leave the index stale.
    if (!validTime(obs.at)) return { kind: 'unchanged' };
    const matches = this.findMatches(obs);
    if (obs.kind === 'bye') return this.markLost(matches, obs.at);
    let record = matches[0];
    const isNew = !record;
    if (!record) {
      // Hazard: UDP sources can be forged; a flood of invented devices must not exhaust memory.
      if (this.records.size >= this.maxRecords) {
        this.refusedFull++;
        return { kind: 'refused' };
      }
      record = this.create(obs.at);
    }
    const merged: string[] = [];
    for (const other of matches.slice(1)) {
      absorb(record, other);
      this.index.remove(other);
      this.records.delete(other.id);
      merged.push(other.id);
    }
    applyObservation(record, obs);
    this.index.update(record);
    return { kind: isNew ? 'found' : 'updated', id: record.id, merged };
  }

  /** The changes an applied observation stands for, in the order the UI should apply them. */
  changes(applied: Applied): RegistryChange[] {
    if (applied.kind === 'lost') {
      const lost = applied.ids.map((id) => this.records.get(id)).filter((r): r is DeviceRecord => r !== undefined);
      return lost.map((r) => ({ kind: 'lost', device: toDevice(r) }));
    }
    if (applied.kind !== 'found' && applied.kind !== 'updated') return [];
    const changes: RegistryChange[] = applied.merged.map((id) => ({ kind: 'merged', id, into: applied.id }));
    const record = this.records.get(applied.id);
    if (record) changes.push({ kind: applied.kind, device: toDevice(record) });
    return changes;
  }

  /** Apply one observation; returns what changed, projected. */
  observe(obs: Observation): RegistryChange[] {
    return this.changes(this.apply(obs));
  }

  /** Add facts learnt outside discovery (neighbour table, OUI, ONVIF calls); true when the device changed. */
  addFacts(id: string, facts: ObservedFact[], at: number): boolean {
    const record = this.records.get(id);
    if (!record || !validTime(at)) return false;
    let changed = false;
    for (const f of facts.slice(0, MAX_FACTS_PER_OBSERVATION)) changed = record.addFact(f, at) || changed;
    this.index.update(record);
    return changed;
  }

  /**
   * Record a device's cloud state (the cloud service is the only writer); true when the device exists.
   * ID and message are clipped by JSON cost (bounds.ts) so a server's sentence cannot push a record over budget.
   */
  setCloud(id: string, cloud: CloudInfo): boolean {
    const record = this.records.get(id);
    if (!record) return false;
    record.cloud = {
      ...cloud,
      cameraId: cloud.cameraId === null ? null : clip(cloud.cameraId, CLOUD_LIMITS.cameraIdCost),
      message: cloud.message === null ? null : clip(cloud.message, CLOUD_LIMITS.messageCost),
    };
    return true;
  }

  /** Record the last identification (the identify service is the only writer); strings clipped like cloud's. */
  setAuth(id: string, auth: DeviceAuth, cloudAgent: CloudAgent | null): boolean {
    const record = this.records.get(id);
    if (!record) return false;
    record.auth = {
      ...auth,
      set: auth.set === null ? null : clip(auth.set, AUTH_LIMITS.setCost),
      message: clip(auth.message, AUTH_LIMITS.messageCost),
    };
    if (cloudAgent) record.cloudAgent = { ...cloudAgent };
    return true;
  }

  /**
   * The record holding this IP, or a new camera record for it (`identify --ip`: a camera named by the technician,
   * not found by discovery — its IP fact says `manual`). Null when the inventory is full.
   */
  ensureByIp(ip: string, at: number): string | null {
    const existing = [...this.index.find([`ip:${ip}`])].map((id) => this.records.get(id)).filter((r) => r !== undefined);
    const oldest = existing.sort((a, b) => a.seq - b.seq)[0];
    if (oldest) return oldest.id;
    if (this.records.size >= this.maxRecords || !validTime(at)) {
      this.refusedFull++;
      return null;
    }
    const record = this.create(at);
    record.isCamera = true;
    record.addFact({ name: 'ip', value: ip, source: 'manual', hint: false }, at);
    this.index.update(record);
    return record.id;
  }

  /** The id of the (oldest) record whose directly read MAC is `mac`, in any notation; null when none. */
  findByMac(mac: string): string | null {
    const normalised = normaliseMac(mac);
    if (!normalised) return null;
    const ids = [...this.index.find([`mac:${normalised}`])];
    const records = ids.map((id) => this.records.get(id)).filter((r): r is DeviceRecord => r !== undefined);
    return records.sort((a, b) => a.seq - b.seq)[0]?.id ?? null;
  }

  private create(at: number): DeviceRecord {
    const seq = this.nextSeq++;
    const record = new DeviceRecord(`dev-${seq}`, seq, at);
    this.records.set(record.id, record);
    return record;
  }

  private markLost(matches: DeviceRecord[], at: number): Applied {
    const lost = matches.filter((r) => r.online);
    for (const r of lost) {
      r.online = false;
      r.lastSeen = Math.max(r.lastSeen, at);
    }
    return lost.length > 0 ? { kind: 'lost', ids: lost.map((r) => r.id) } : { kind: 'unchanged' };
  }

  /** Records sharing a key with the observation, oldest first (so the oldest id survives a merge). */
  private findMatches(obs: Observation): DeviceRecord[] {
    const found: DeviceRecord[] = [];
    for (const id of this.index.find(observationKeys(obs))) {
      const r = this.records.get(id);
      if (r) found.push(r);
    }
    return found.sort((a, b) => a.seq - b.seq);
  }
}

/** Epoch ms that `Date#toISOString` accepts. */
const validTime = (at: number) => Number.isFinite(at) && Math.abs(at) <= 8.64e15;

/** Folds one observation into a record (exported for the index model test). */
export function applyObservation(r: DeviceRecord, obs: Observation): void {
  r.online = true;
  r.lastSeen = Math.max(r.lastSeen, obs.at);
  r.sources.add(obs.source);
  r.isCamera = r.isCamera || obs.isCamera;
  if (obs.endpoint) r.addEndpoint(obs.endpoint);
  if (obs.interface) r.setInterface(obs.interface);
  if (obs.onvif) r.setOnvif(obs.onvif);
  if (obs.announced) r.announcedAt = Math.max(r.announcedAt ?? obs.at, obs.at);
  if (obs.ip) r.addFact({ name: 'ip', value: obs.ip, source: IP_SOURCE[obs.source], hint: false }, obs.at);
  if (obs.ip && obs.offSubnet !== undefined) r.offSubnet = obs.offSubnet;
  for (const f of obs.facts.slice(0, MAX_FACTS_PER_OBSERVATION)) r.addFact(f, obs.at);
}

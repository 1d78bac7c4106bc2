/**
 * One device's record as the inventory keeps it, and how it becomes the contract's Device. Every mutation
 * goes through a method here, so the per-record budgets in bounds.ts hold whatever the LAN sends.
 */
import type { CloudInfo, Device, DiscoverySourceName, Fact, FactName, FactSource, OnvifInfo } from '../../../shared/device.js';
import {
  clip,
  clipEndpoint,
  FACT_ENTRY_OVERHEAD,
  FACTS_BUDGET,
  jsonCost,
  MAX_ENDPOINTS,
  MAX_INTERFACE_COST,
  MAX_VALUES_PER_FACT,
  maxValueCost,
} from './bounds.js';
import { bestFact, conflictChecked, hasConflict, rankedFacts } from './fact-rank.js';
import type { ObservedFact } from './observation.js';
import { boundedOnvif } from './onvif-bounds.js';

export type DeviceAuth = NonNullable<Device['auth']>;
export type CloudAgent = NonNullable<Device['cloudAgent']>;

/** What other capabilities may read of a record (the enricher, identity inference), without a projection. */
export interface RecordView {
  readonly id: string;
  readonly online: boolean;
  readonly isCamera: boolean;
  readonly firstSeen: number;
  /** Epoch ms of the latest Hello; null when the device never announced itself. */
  readonly announcedAt: number | null;
  /** Last seen from outside every local subnet: its MAC must not come from the neighbour table. */
  readonly offSubnet: boolean;
  /** The value to show for a fact: direct readings first, then by source, then the newest. */
  best(name: FactName): Fact | null;
  has(name: FactName, value: string, source: FactSource): boolean;
}

/** Facts whose best value is repeated as a top-level Device field, so it counts twice against the budget. */
const PROJECTED = new Set<FactName>(['mac', 'ip', 'vendor', 'manufacturer', 'model', 'hardware', 'name', 'serial', 'firmware']);
/** Identity facts (they key the index): descriptive facts are dropped first when a record is over budget. */
const IDENTITY = new Set<FactName>(['mac', 'ip', 'serial']);

export const iso = (ms: number) => new Date(ms).toISOString();

export const UNKNOWN_CLOUD: CloudInfo = Object.freeze({ state: 'unknown', channelId: null, cameraId: null, since: null, message: null });

export class DeviceRecord implements RecordView {
  readonly facts = new Map<FactName, Fact[]>();
  readonly endpoints = new Set<string>();
  readonly sources = new Set<DiscoverySourceName>();
  online = true;
  isCamera = false;
  firstSeen: number;
  lastSeen: number;
  interface: string | null = null;
  onvif: OnvifInfo | null = null;
  /** Cloud registration state, set by the core's cloud service (registry.setCloud). */
  cloud: CloudInfo = UNKNOWN_CLOUD;
  /** The last credentialed identification (issue #8), set by the identify service only. */
  auth: DeviceAuth | null = null;
  /** VXG's cloud agent as VAPIX reported it; null until an Axis camera was identified. */
  cloudAgent: CloudAgent | null = null;
  /** Epoch ms of the latest Hello (boot or join announcement); null when the device never announced itself. */
  announcedAt: number | null = null;
  /** The latest observation with an IP came from outside every local subnet (Observation.offSubnet). */
  offSubnet = false;
  /** The index keys this record was last filed under (kept by key-index.ts). */
  keys: string[] = [];
  private readonly factCost = new Map<FactName, number>();
  private factTotal = 0;

  /** `seq` orders records by age: the oldest survives a merge. */
  constructor(
    readonly id: string,
    readonly seq: number,
    at: number,
  ) {
    this.firstSeen = at;
    this.lastSeen = at;
  }

  best(name: FactName): Fact | null {
    return bestFact(this.facts.get(name));
  }

  has(name: FactName, value: string, source: FactSource): boolean {
    return this.facts.get(name)?.some((f) => f.value === value && f.source === source) ?? false;
  }

  /** JSON bytes the facts (and their top-level copies) take; never above FACTS_BUDGET. */
  get factBytes(): number {
    return this.factTotal;
  }

  /** Records the fact; true when the device now looks different (a new value kept, or a hint confirmed). */
  addFact(observed: ObservedFact, at: number): boolean {
    const value = clip(observed.value, maxValueCost(observed.name));
    const list = this.facts.get(observed.name) ?? [];
    const existing = list.find((x) => x.value === value && x.source === observed.source);
    if (existing) {
      existing.at = iso(Math.max(Date.parse(existing.at), at));
      const confirmed = existing.hint && !observed.hint;
      existing.hint = existing.hint && observed.hint;
      return confirmed;
    }
    const fact: Fact = { value, source: observed.source, at: iso(at), hint: observed.hint };
    list.push(fact);
    // Keep the newest values when a device keeps changing a fact.
    list.sort((a, b) => b.at.localeCompare(a.at));
    list.splice(MAX_VALUES_PER_FACT);
    this.facts.set(observed.name, list);
    this.recount(observed.name);
    this.fitBudget(observed.name, fact);
    return this.facts.get(observed.name)?.includes(fact) ?? false;
  }

  addEndpoint(endpoint: string): void {
    const e = clipEndpoint(endpoint);
    if (this.endpoints.size < MAX_ENDPOINTS || this.endpoints.has(e)) this.endpoints.add(e);
  }

  setOnvif(info: OnvifInfo): void {
    this.onvif = boundedOnvif(info);
  }

  setInterface(name: string): void {
    this.interface = clip(name, MAX_INTERFACE_COST);
  }

  /** Over budget: drop the oldest values not shown, then the largest descriptive fact, and last the new value. */
  private fitBudget(addedName: FactName, added: Fact): void {
    while (this.factTotal > FACTS_BUDGET) {
      const hidden = this.oldestHidden();
      const descriptive = hidden ? null : this.widestDescriptive();
      if (hidden) this.remove(hidden.name, hidden.fact);
      else if (descriptive) this.remove(descriptive, null);
      else {
        this.remove(addedName, added);
        return;
      }
    }
  }

  private oldestHidden(): { name: FactName; fact: Fact } | null {
    let oldest: { name: FactName; fact: Fact } | null = null;
    for (const [name, list] of this.facts) {
      if (list.length < 2) continue;
      const shown = bestFact(list);
      for (const fact of list) if (fact !== shown && (!oldest || fact.at < oldest.fact.at)) oldest = { name, fact };
    }
    return oldest;
  }

  private widestDescriptive(): FactName | null {
    let widest: FactName | null = null;
    for (const name of this.facts.keys()) {
      if (!IDENTITY.has(name) && (!widest || (this.factCost.get(name) ?? 0) > (this.factCost.get(widest) ?? 0))) widest = name;
    }
    return widest;
  }

  /** Removes one value, or the whole fact when `fact` is null. */
  private remove(name: FactName, fact: Fact | null): void {
    const list = (this.facts.get(name) ?? []).filter((f) => fact !== null && f !== fact);
    if (list.length > 0) this.facts.set(name, list);
    else this.facts.delete(name);
    this.recount(name);
  }

  /** `"name":[…],` with its entries, plus the widest value once more when it may be shown at top level. */
  private recount(name: FactName): void {
    const list = this.facts.get(name) ?? [];
    let cost = 0;
    if (list.length > 0) {
      let widest = 0;
      cost = name.length + 6;
      for (const f of list) {
        const valueCost = jsonCost(f.value);
        widest = Math.max(widest, valueCost);
        cost += FACT_ENTRY_OVERHEAD + valueCost;
      }
      if (PROJECTED.has(name)) cost += widest;
    }
    this.factTotal += cost - (this.factCost.get(name) ?? 0);
    this.factCost.set(name, cost);
  }
}

/** Folds `other` into `into` (the older record); facts pass through the same budget as new ones. */
export function absorb(into: DeviceRecord, other: DeviceRecord): void {
  for (const [name, facts] of other.facts) {
    for (const f of facts) into.addFact({ name, value: f.value, source: f.source, hint: f.hint }, Date.parse(f.at));
  }
  other.endpoints.forEach((e) => into.addEndpoint(e));
  other.sources.forEach((s) => into.sources.add(s));
  into.isCamera = into.isCamera || other.isCamera;
  into.firstSeen = Math.min(into.firstSeen, other.firstSeen);
  into.lastSeen = Math.max(into.lastSeen, other.lastSeen);
  into.online = into.online || other.online;
  into.onvif = into.onvif ?? other.onvif;
  into.offSubnet = into.offSubnet || other.offSubnet;
  into.interface = into.interface ?? other.interface;
  if (into.cloud.state === 'unknown') into.cloud = other.cloud;
  into.auth = into.auth ?? other.auth;
  into.cloudAgent = into.cloudAgent ?? other.cloudAgent;
  if (other.announcedAt !== null) into.announcedAt = Math.max(into.announcedAt ?? other.announcedAt, other.announcedAt);
}

export function toDevice(r: DeviceRecord): Device {
  const value = (name: FactName) => r.best(name)?.value ?? null;
  const mac = r.best('mac');
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
    onvif: r.onvif && { ...r.onvif, xaddrs: [...r.onvif.xaddrs], scopes: [...r.onvif.scopes], types: [...r.onvif.types] },
    facts: Object.fromEntries([...r.facts].map(([k, v]) => [k, rankedFacts(v).map((f) => ({ ...f }))])),
    conflicts: conflictChecked.filter((n) => hasConflict(r.facts.get(n))),
    cloud: { ...r.cloud },
    auth: r.auth && { ...r.auth },
    cloudAgent: r.cloudAgent && { ...r.cloudAgent },
    ...(r.offSubnet ? { offSubnet: true } : {}),
  };
}

/**
 * The key index against the obvious implementation it replaced: scan every record and compare keys. Any
 * sequence of observations and learnt facts must leave both inventories identical, so the index stays
 * exact across merges, IP changes, new serials and MACs, and budget evictions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absorb, DeviceRecord, toDevice } from '../../../../../electron/core/inventory/device-record.js';
import { observationKeys, recordKeys } from '../../../../../electron/core/inventory/key-index.js';
import type { Observation, ObservedFact } from '../../../../../electron/core/inventory/observation.js';
import { applyObservation, DeviceRegistry } from '../../../../../electron/core/inventory/registry.js';
import { fact, obs, T0 } from '../../../../support/observations.js';

class ScanInventory {
  records: DeviceRecord[] = [];
  private seq = 1;
  apply(o: Observation): void {
    const keys = new Set(observationKeys(o));
    const matches = this.records.filter((r) => recordKeys(r).some((k) => keys.has(k)));
    if (o.kind === 'bye') {
      for (const r of matches.filter((m) => m.online)) {
        r.online = false;
        r.lastSeen = Math.max(r.lastSeen, o.at);
      }
      return;
    }
    let record = matches[0];
    if (!record) {
      record = new DeviceRecord(`dev-${this.seq}`, this.seq++, o.at);
      this.records.push(record);
    }
    for (const other of matches.slice(1)) absorb(record, other);
    this.records = this.records.filter((r) => !matches.slice(1).includes(r));
    applyObservation(record, o);
  }
  addFacts(id: string, facts: ObservedFact[], at: number): void {
    const r = this.records.find((x) => x.id === id);
    for (const f of facts) r?.addFact(f, at);
  }
}

const factArb: fc.Arbitrary<ObservedFact> = fc.oneof(
  fc.constantFrom('SN-1', 'sn-1', 'SN-2', 'SN-3').map((v) => fact('serial', v, 'onvif')),
  fc
    .tuple(fc.constantFrom('00:40:8c:00:00:01', '00:40:8c:00:00:02', '00:40:8c:00:00:03'), fc.boolean())
    .map(([v, hint]) => fact('mac', v, hint ? 'uuid-suffix' : 'arp', hint)),
  fc.string({ maxLength: 300 }).map((v) => fact('location', v)),
);

const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('observe' as const),
      kind: fc.constantFrom('alive', 'alive', 'alive', 'bye') as fc.Arbitrary<'alive' | 'bye'>,
      endpoint: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }),
      ip: fc.option(fc.constantFrom('198.18.1.1', '198.18.1.2', '198.18.1.3', '198.18.1.4'), { nil: null }),
      source: fc.constantFrom('wsd', 'ssdp', 'mdns', 'sweep') as fc.Arbitrary<Observation['source']>,
      facts: fc.array(factArb, { maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('learn' as const),
      target: fc.nat(20),
      facts: fc.array(factArb, { minLength: 1, maxLength: 2 }),
    }),
  },
);

describe('key index model', () => {
  it('leaves the inventory exactly as a scan over every record would', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const indexed = new DeviceRegistry();
        const scanned = new ScanInventory();
        steps.forEach((step, i) => {
          const at = T0 + i * 1000;
          if (step.op === 'observe') {
            const o = obs({ kind: step.kind, endpoint: step.endpoint, ip: step.ip, source: step.source, facts: step.facts, at });
            indexed.apply(o);
            scanned.apply(o);
          } else {
            const id = scanned.records[step.target % Math.max(1, scanned.records.length)]?.id ?? 'none';
            indexed.addFacts(id, step.facts, at);
            scanned.addFacts(id, step.facts, at);
          }
          expect(indexed.list()).toEqual(scanned.records.map(toDevice));
        });
      }),
      { numRuns: 300 },
    );
  });
});

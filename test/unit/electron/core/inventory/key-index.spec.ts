import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../../../../../electron/core/inventory/registry.js';
import { mac, obs, serial, T0 } from '../../../../support/observations.js';

/** The id each observation lands on, so a test reads like "this packet went to that device". */
const landsOn = (r: DeviceRegistry, o: Parameters<DeviceRegistry['apply']>[0]) => {
  const applied = r.apply(o);
  return applied.kind === 'found' || applied.kind === 'updated' ? applied.id : applied.kind;
};

describe('inventory key index', () => {
  it('finds a device again by each key kind: endpoint, IP, serial, direct MAC', () => {
    const r = new DeviceRegistry();
    const id = landsOn(r, obs({ endpoint: 'ep-1', ip: '198.18.1.1', facts: [serial('SN-1'), mac('00:40:8c:00:00:01')] }));
    expect(landsOn(r, obs({ endpoint: 'ep-1' }))).toBe(id);
    expect(landsOn(r, obs({ ip: '198.18.1.1', source: 'ssdp' }))).toBe(id);
    expect(landsOn(r, obs({ facts: [serial('sn-1', 'onvif')] }))).toBe(id);
    expect(landsOn(r, obs({ facts: [mac('00:40:8c:00:00:01')] }))).toBe(id);
    expect(r.stats().records).toBe(1);
  });

  it('re-indexes a device whose IP changed: the old address no longer finds it', () => {
    const r = new DeviceRegistry();
    const id = landsOn(r, obs({ endpoint: 'ep-1', ip: '198.18.1.1' }));
    landsOn(r, obs({ endpoint: 'ep-1', ip: '198.18.1.7', at: T0 + 1000 }));
    expect(r.get(id)?.ip).toBe('198.18.1.7');
    // Another device now on the old address is a new record, not a merge into the moved camera.
    expect(landsOn(r, obs({ endpoint: 'ep-2', ip: '198.18.1.1', at: T0 + 2000 }))).not.toBe(id);
    expect(landsOn(r, obs({ endpoint: 'ep-3', ip: '198.18.1.7', at: T0 + 3000 }))).toBe(id);
    expect(r.stats().records).toBe(2);
  });

  it('finds a device by a serial or MAC learnt after it was first seen', () => {
    const r = new DeviceRegistry();
    const id = landsOn(r, obs({ endpoint: 'ep-1', ip: '198.18.1.1' }));
    r.addFacts(id, [mac('00:40:8c:00:00:09'), serial('ACCC8E000009', 'onvif')], T0);
    expect(landsOn(r, obs({ source: 'mdns', ip: '198.18.9.9', facts: [mac('00:40:8c:00:00:09', 'mdns-txt')] }))).toBe(id);
    expect(landsOn(r, obs({ source: 'ssdp', ip: '198.18.9.9', facts: [serial('accc8e000009', 'upnp')] }))).toBe(id);
  });

  it('never merges by a MAC hint, in either direction', () => {
    const r = new DeviceRegistry();
    const a = landsOn(r, obs({ endpoint: 'a', ip: '198.18.1.3', facts: [mac('68:6d:bc:00:00:01', 'uuid-suffix', true)] }));
    const b = landsOn(r, obs({ endpoint: 'b', ip: '198.18.1.4', facts: [mac('68:6d:bc:00:00:01', 'uuid-suffix', true)] }));
    const c = landsOn(r, obs({ endpoint: 'c', ip: '198.18.1.5', facts: [mac('68:6d:bc:00:00:01', 'arp')] }));
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('merges into the oldest record and files the survivor under the absorbed keys', () => {
    const r = new DeviceRegistry();
    const a = landsOn(r, obs({ endpoint: 'ep-a', ip: '198.18.1.1' }));
    landsOn(r, obs({ endpoint: 'ep-b', ip: '198.18.1.2', facts: [serial('SN-B')] }));
    const changes = r.observe(obs({ endpoint: 'ep-b', ip: '198.18.1.1', at: T0 + 1 }));
    expect(changes.map((c) => c.kind)).toEqual(['merged', 'updated']);
    expect(landsOn(r, obs({ facts: [serial('SN-B')] }))).toBe(a);
    expect(landsOn(r, obs({ kind: 'bye', endpoint: 'ep-b' }))).toBe('lost');
    expect(r.stats().records).toBe(1);
  });

  it('matches a Bye by endpoint only, never by the IP it came from', () => {
    const r = new DeviceRegistry();
    landsOn(r, obs({ endpoint: 'ep-1', ip: '198.18.1.1' }));
    expect(r.apply(obs({ kind: 'bye', endpoint: 'ep-other', ip: '198.18.1.1' }))).toEqual({ kind: 'unchanged' });
    expect(r.list()[0]?.online).toBe(true);
    expect(r.apply(obs({ kind: 'bye', endpoint: 'ep-1', ip: '10.9.9.9' }))).toEqual({ kind: 'lost', ids: ['dev-1'] });
  });

  it('drops the keys of values a device no longer holds, so they match nothing', () => {
    const r = new DeviceRegistry();
    const id = landsOn(r, obs({ endpoint: 'ep-1', ip: '198.18.1.1', facts: [serial('OLD-0')] }));
    // Nine newer serials push the oldest out of the eight kept.
    for (let i = 1; i <= 9; i++) landsOn(r, obs({ endpoint: 'ep-1', at: T0 + i, facts: [serial(`NEW-${i}`)] }));
    expect(r.get(id)?.facts.serial).toHaveLength(8);
    expect(landsOn(r, obs({ facts: [serial('OLD-0')] }))).not.toBe(id);
    expect(landsOn(r, obs({ facts: [serial('NEW-9')] }))).toBe(id);
  });
});

describe('inventory cost per observation', () => {
  /** Index reads for `count` observations of known devices, after `records` devices were created. */
  function lookupsFor(records: number, count: number): { lookups: number; found: number } {
    const r = new DeviceRegistry();
    const ip = (i: number) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    for (let i = 0; i < records; i++) r.apply(obs({ endpoint: `ep-${i}`, ip: ip(i), facts: [serial(`SN-${i}`)] }));
    const before = r.stats().indexLookups;
    let found = 0;
    for (let n = 0; n < count; n++) {
      const i = n % records;
      const applied = r.apply(obs({ endpoint: `ep-${i}`, ip: ip(i), at: T0 + n, facts: [serial(`SN-${i}`)] }));
      if (applied.kind === 'updated') found++;
    }
    return { lookups: r.stats().indexLookups - before, found };
  }

  it('5,000 records then 10,000 observations: three index reads each, the same as with 10 records', () => {
    const big = lookupsFor(5000, 10_000);
    expect(big.found).toBe(10_000);
    // One read per key the packet carries (endpoint, IP, serial); no record is compared in a scan.
    expect(big.lookups).toBe(30_000);
    expect(lookupsFor(10, 10_000).lookups).toBe(big.lookups);
  });
});

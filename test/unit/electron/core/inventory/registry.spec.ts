import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../../../../../electron/core/inventory/registry.js';
import type { Observation, ObservedFact } from '../../../../../electron/core/inventory/observation.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');

function obs(partial: Partial<Observation> & { facts?: ObservedFact[] }): Observation {
  return {
    source: 'wsd',
    kind: 'alive',
    at: T0,
    ip: null,
    interface: 'lab0',
    endpoint: null,
    isCamera: true,
    facts: [],
    onvif: null,
    ...partial,
  };
}
const mac = (value: string, source: ObservedFact['source'] = 'arp', hint = false): ObservedFact => ({ name: 'mac', value, source, hint });

describe('device registry', () => {
  it('creates one record per camera and keeps answering the same id for repeated replies', () => {
    const r = new DeviceRegistry();
    const [first] = r.observe(obs({ endpoint: 'ep-1', ip: '198.18.1.1' }));
    const [again] = r.observe(obs({ endpoint: 'ep-1', ip: '198.18.1.1', at: T0 + 500 }));
    expect(first).toMatchObject({ kind: 'found' });
    expect(again).toMatchObject({ kind: 'updated' });
    expect(r.list()).toHaveLength(1);
    expect(r.list()[0]?.lastSeen).toBe(new Date(T0 + 500).toISOString());
  });

  it('merges records that turn out to share an endpoint, keeping the older id', () => {
    const r = new DeviceRegistry();
    r.observe(obs({ endpoint: 'ep-a', ip: '198.18.1.1' }));
    r.observe(obs({ endpoint: 'ep-b', ip: '198.18.1.2' }));
    // The camera moved to a second address and now answers with both identities' keys.
    const changes = r.observe(obs({ endpoint: 'ep-b', ip: '198.18.1.1' }));
    expect(changes[0]).toEqual({ kind: 'merged', id: 'dev-2', into: 'dev-1' });
    expect(r.list()).toHaveLength(1);
  });

  it('merges by serial and by a directly read MAC, but never by a MAC hint', () => {
    const r = new DeviceRegistry();
    r.observe(
      obs({ endpoint: 'a', ip: '198.18.1.1', facts: [{ name: 'serial', value: 'ACCC8E123456', source: 'wsd-scope', hint: false }] }),
    );
    r.observe(obs({ endpoint: 'b', ip: '198.18.1.9', facts: [{ name: 'serial', value: 'accc8e123456', source: 'onvif', hint: false }] }));
    expect(r.list()).toHaveLength(1);
    r.observe(obs({ endpoint: 'c', ip: '198.18.1.3', facts: [mac('68:6d:bc:00:00:01', 'uuid-suffix', true)] }));
    r.observe(obs({ endpoint: 'd', ip: '198.18.1.4', facts: [mac('68:6d:bc:00:00:01', 'uuid-suffix', true)] }));
    expect(r.list()).toHaveLength(3);
  });

  it('shows the MAC from the neighbour table over an announced one, and flags a disagreement', () => {
    const r = new DeviceRegistry();
    const [c] = r.observe(obs({ endpoint: 'a', ip: '198.18.1.1', facts: [mac('68:6d:bc:5c:b1:5d', 'wsd-scope', true)] }));
    const id = c?.kind === 'found' ? c.device.id : '';
    expect(r.get(id)).toMatchObject({ mac: '68:6d:bc:5c:b1:5d', macSource: 'wsd-scope', conflicts: [] });
    expect(r.addFacts(id, [mac('68:6d:bc:5c:b1:5e')], T0 + 1)).toBe(true);
    const updated = r.get(id);
    expect(updated).toMatchObject({ mac: '68:6d:bc:5c:b1:5e', macSource: 'arp', conflicts: ['mac'] });
    expect(updated?.facts.mac).toHaveLength(2);
  });

  it('reports no change when a fact is merely seen again', () => {
    const r = new DeviceRegistry();
    r.observe(obs({ endpoint: 'a', ip: '198.18.1.1' }));
    expect(r.addFacts('dev-1', [mac('00:40:8c:12:34:56')], T0)).toBe(true);
    expect(r.addFacts('dev-1', [mac('00:40:8c:12:34:56')], T0)).toBe(false);
  });

  it('marks a device offline on Bye and online again when it answers', () => {
    const r = new DeviceRegistry();
    r.observe(obs({ endpoint: 'a', ip: '198.18.1.1' }));
    const [lost] = r.observe(obs({ kind: 'bye', endpoint: 'a', ip: null, at: T0 + 10 }));
    expect(lost).toMatchObject({ kind: 'lost', device: { online: false } });
    expect(r.observe(obs({ kind: 'bye', endpoint: 'a' }))).toEqual([]);
    const [back] = r.observe(obs({ endpoint: 'a', ip: '198.18.1.1', at: T0 + 20 }));
    expect(back).toMatchObject({ kind: 'updated', device: { online: true } });
  });

  it('a Bye for an unknown device changes nothing', () => {
    const r = new DeviceRegistry();
    expect(r.observe(obs({ kind: 'bye', endpoint: 'ghost' }))).toEqual([]);
    expect(r.list()).toEqual([]);
  });

  it('bounds how many values a chatty device can make it keep', () => {
    const r = new DeviceRegistry();
    for (let i = 0; i < 50; i++) {
      r.observe(
        obs({
          endpoint: 'a',
          ip: '198.18.1.1',
          at: T0 + i,
          facts: [{ name: 'name', value: `name-${i}`, source: 'wsd-scope', hint: false }],
        }),
      );
    }
    const d = r.list()[0];
    expect(d?.facts.name).toHaveLength(8);
    expect(d?.name).toBe('name-49');
  });

  it('labels the IP with the protocol that saw the packet', () => {
    const r = new DeviceRegistry();
    r.observe(obs({ source: 'ssdp', endpoint: null, ip: '198.18.1.20' }));
    r.observe(obs({ source: 'mdns', endpoint: null, ip: '198.18.1.21' }));
    r.observe(obs({ source: 'sweep', endpoint: null, ip: '198.18.1.22' }));
    r.observe(obs({ source: 'wsd', endpoint: 'w', ip: '198.18.1.23' }));
    expect(r.list().map((d) => d.facts.ip?.[0]?.source)).toEqual(['ssdp', 'mdns', 'sweep', 'wsd']);
  });

  it('keeps a non-camera flagged as such', () => {
    const r = new DeviceRegistry();
    r.observe(obs({ endpoint: 'pc', ip: '198.18.1.50', isCamera: false }));
    expect(r.list()[0]?.isCamera).toBe(false);
  });
});

describe('device registry under hostile input', () => {
  it('stops creating records at its bound instead of growing without end', () => {
    const r = new DeviceRegistry(3);
    for (let i = 0; i < 10; i++) r.observe(obs({ endpoint: `forged-${i}`, ip: `198.18.2.${i}` }));
    expect(r.list()).toHaveLength(3);
    // Known devices still update.
    expect(r.observe(obs({ endpoint: 'forged-0', ip: '198.18.2.0', at: T0 + 1 }))[0]).toMatchObject({ kind: 'updated' });
    // Refusals are counted, so the scan can say the list is full instead of losing cameras silently.
    expect(r.stats().refusedFull).toBe(7);
  });

  it('does not grow its index once full, however many forged devices arrive', () => {
    const r = new DeviceRegistry(50);
    for (let i = 0; i < 50; i++) r.observe(obs({ endpoint: `real-${i}`, ip: `198.18.3.${i}` }));
    const full = r.stats();
    for (let i = 0; i < 5000; i++)
      r.observe(
        obs({
          endpoint: `forged-${i}`,
          ip: `198.19.${i >> 8}.${i & 255}`,
          facts: [mac(`02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`)],
        }),
      );
    expect(r.stats()).toMatchObject({ records: 50, indexKeys: full.indexKeys, refusedFull: 5000 });
  });

  it('ignores an observation whose time cannot be a date instead of throwing mid-merge', () => {
    const r = new DeviceRegistry();
    r.observe(obs({ endpoint: 'a', ip: '198.18.1.1' }));
    expect(r.observe(obs({ endpoint: 'b', ip: '198.18.1.1', at: Number.NaN }))).toEqual([]);
    expect(r.addFacts('dev-1', [mac('00:40:8c:12:34:56')], 1e20)).toBe(false);
    expect(r.list()).toHaveLength(1);
    expect(r.list()[0]?.mac).toBeNull();
  });

  it('truncates absurdly long values and caps the endpoints one device can claim', () => {
    const r = new DeviceRegistry();
    r.observe(
      obs({ endpoint: 'e0', ip: '198.18.1.1', facts: [{ name: 'name', value: 'A'.repeat(60_000), source: 'wsd-scope', hint: false }] }),
    );
    for (let i = 1; i < 50; i++) r.observe(obs({ endpoint: `e${i}`, ip: '198.18.1.1' }));
    const d = r.list()[0];
    expect(d?.name).toHaveLength(256);
    expect(r.list()).toHaveLength(1);
  });
});

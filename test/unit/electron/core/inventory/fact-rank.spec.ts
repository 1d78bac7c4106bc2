import { describe, expect, it } from 'vitest';
import { hasConflict, rankedFacts } from '../../../../../electron/core/inventory/fact-rank.js';
import type { Fact } from '../../../../../shared/device.js';

const f = (value: string, source: Fact['source']): Fact => ({ value, source, at: '2026-11-25T10:00:00.000Z', hint: false });

describe('hasConflict', () => {
  it('one serial written in two cases by two protocols is not a conflict (the index merges them the same way)', () => {
    expect(hasConflict([f('ACCC8E0A1B2C', 'upnp'), f('accc8e0a1b2c', 'mdns-txt'), f(' ACCC8E0A1B2C ', 'vapix')])).toBe(false);
  });

  it('two different serials or MACs are', () => {
    expect(hasConflict([f('ACCC8E0A1B2C', 'upnp'), f('ACCC8E0A1B2D', 'vapix')])).toBe(true);
    expect(hasConflict([f('00:40:8c:1a:2b:3c', 'arp'), f('00:40:8c:99:99:99', 'mdns-txt')])).toBe(true);
  });
});

describe('rankedFacts', () => {
  it('lists the shown value first: a later UPnP hint does not push the ARP reading down', () => {
    const arp = f('00:40:8c:1a:2b:3c', 'arp');
    const upnp = { ...f('00:40:8c:1a:2b:3c', 'upnp'), hint: true, at: '2026-11-25T10:00:05.000Z' };
    const scope = { ...f('00:40:8c:1a:2b:3c', 'wsd-scope'), hint: true, at: '2026-11-25T10:00:09.000Z' };
    expect(rankedFacts([scope, upnp, arp]).map((x) => x.source)).toEqual(['arp', 'upnp', 'wsd-scope']);
  });
});

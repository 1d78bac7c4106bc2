import { describe, expect, it } from 'vitest';
import { conflictText, conflictValues } from '../../../../../renderer/src/logic/conflicts.js';
import { makeDevice } from '../../../../support/devices.js';

const at = '2026-11-26T05:00:00.000Z';
const device = makeDevice({
  conflicts: ['mac'],
  facts: {
    mac: [
      { value: '00:40:8c:00:00:01', source: 'arp', at, hint: false },
      { value: '00:40:8c:00:00:02', source: 'mdns-txt', at, hint: false },
      { value: '00:40:8c:00:00:02', source: 'upnp', at, hint: false },
    ],
    serial: [
      { value: 'A', source: 'onvif', at, hint: false },
      { value: 'B', source: 'upnp', at, hint: false },
    ],
  },
});

describe('conflicts', () => {
  it('lists each distinct value once with every source that reported it', () => {
    expect(conflictValues(device, 'mac')).toEqual([
      { value: '00:40:8c:00:00:01', sources: ['arp'] },
      { value: '00:40:8c:00:00:02', sources: ['mdns-txt', 'upnp'] },
    ]);
  });
  it('says both values and their sources in one sentence', () => {
    expect(conflictText(device, 'mac')).toBe(
      'MAC: 00:40:8c:00:00:01 (ARP (neighbour table)) vs 00:40:8c:00:00:02 (mDNS TXT record, UPnP description)',
    );
  });
  it('says nothing where the core flagged no conflict, even if values differ', () => {
    expect(conflictText(device, 'serial')).toBeNull();
    expect(conflictValues(device, 'serial')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesFilter, nextSort, visibleDevices, type ViewOptions } from '../../../../../renderer/src/logic/device-view.js';
import { makeDevice } from '../../../../support/devices.js';

const base: ViewOptions = { showNonCameras: false, query: '', sort: { key: 'ip', direction: 'asc' } };
const cam = (id: string, ip: string | null, mac: string | null, extra = {}) => makeDevice({ id, ip, mac, ...extra });

describe('visibleDevices', () => {
  const devices = [
    cam('a', '198.18.0.10', '00:40:8c:00:00:0a'),
    cam('b', '198.18.0.9', 'bc:ad:28:00:00:0b'),
    cam('pc', '198.18.0.2', '52:54:00:00:00:01', { isCamera: false, name: 'OFFICE-PC' }),
    cam('c', null, '00:12:34:00:00:0c'),
    cam('d', '198.18.1.1', null),
  ];

  it('lists cameras only by default and non-cameras when asked', () => {
    expect(visibleDevices(devices, base).map((d) => d.id)).not.toContain('pc');
    expect(visibleDevices(devices, { ...base, showNonCameras: true }).map((d) => d.id)).toContain('pc');
  });

  it('sorts IPs numerically, not as text, and keeps devices without an IP last either way', () => {
    expect(visibleDevices(devices, base).map((d) => d.id)).toEqual(['b', 'a', 'd', 'c']);
    const desc = visibleDevices(devices, { ...base, sort: { key: 'ip', direction: 'desc' } });
    expect(desc.map((d) => d.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('sorts by MAC with unknown MACs last', () => {
    const rows = visibleDevices(devices, { ...base, sort: { key: 'mac', direction: 'asc' } });
    expect(rows.map((d) => d.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('filters by any visible text, case-insensitively', () => {
    expect(visibleDevices(devices, { ...base, query: 'office', showNonCameras: true }).map((d) => d.id)).toEqual(['pc']);
    expect(visibleDevices(devices, { ...base, query: '198.18.1.' }).map((d) => d.id)).toEqual(['d']);
  });
});

describe('matchesFilter', () => {
  const device = makeDevice({ mac: '00:40:8c:12:34:56', model: 'P1375' });
  it('finds a MAC typed with any separators or none, as read off a sticker', () => {
    expect(matchesFilter(device, '00408C1234')).toBe(true);
    expect(matchesFilter(device, '8c-12-34')).toBe(true);
    expect(matchesFilter(device, '12:34:56')).toBe(true);
    expect(matchesFilter(device, 'ff:ff')).toBe(false);
  });
  it('matches model text and ignores surrounding spaces', () => {
    expect(matchesFilter(device, '  p1375 ')).toBe(true);
    expect(matchesFilter(device, 'hikvision')).toBe(false);
  });
});

describe('nextSort', () => {
  it('flips direction on the same column and starts ascending on a new one', () => {
    expect(nextSort({ key: 'ip', direction: 'asc' }, 'ip')).toEqual({ key: 'ip', direction: 'desc' });
    expect(nextSort({ key: 'ip', direction: 'desc' }, 'mac')).toEqual({ key: 'mac', direction: 'asc' });
  });
});

import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterChoices, noFilters, passesFilters, subnetOf } from '../../../../../renderer/src/logic/device-filters.js';
import { visibleDevices, type ViewOptions } from '../../../../../renderer/src/logic/device-view.js';
import { makeDevice } from '../../../../support/devices.js';

const lan = [{ cidr: '198.18.0.2/16' }, { cidr: '10.8.0.2/24' }];
const axis = makeDevice({ id: 'axis', ip: '198.18.0.10', vendor: 'Axis Communications AB', sources: ['wsd', 'mdns', 'ssdp'] });
const hik = makeDevice({ id: 'hik', ip: '198.18.3.7', vendor: 'Hangzhou Hikvision', sources: ['wsd'] });
const routed = makeDevice({ id: 'routed', ip: '198.20.5.9', vendor: null, manufacturer: 'Dahua', sources: ['sweep'] });
const dlna = makeDevice({
  id: 'dlna',
  ip: '198.18.0.50',
  vendor: null,
  manufacturer: 'Justin Maggard',
  isCamera: false,
  sources: ['ssdp'],
});
const noIp = makeDevice({ id: 'noip', ip: null, vendor: 'axis communications ab', sources: ['mdns'] });

describe('subnetOf', () => {
  it('names the subnet of the laptop interface a device shares, else its /24 (a routed subnet)', () => {
    expect(subnetOf('198.18.3.7', lan)).toBe('198.18.0.0/16');
    expect(subnetOf('10.8.0.99', lan)).toBe('10.8.0.0/24');
    expect(subnetOf('198.20.5.9', lan)).toBe('198.20.5.0/24');
    expect(subnetOf('198.20.5.9', [])).toBe('198.20.5.0/24');
  });
  it('has no subnet without an IPv4 address, and ignores interfaces it cannot read', () => {
    expect(subnetOf(null, lan)).toBeNull();
    expect(subnetOf('fe80::1', lan)).toBeNull();
    expect(subnetOf('198.18.0.10', [{ cidr: 'garbage' }, { cidr: '198.18.0.2/32' }])).toBe('198.18.0.0/24');
  });
});

describe('filterChoices', () => {
  it('offers the vendors, subnets and sources present, sorted (subnets numerically, sources in protocol order)', () => {
    const choices = filterChoices([routed, hik, axis, dlna], lan);
    expect(choices.vendors).toEqual(['Axis Communications AB', 'Dahua', 'Hangzhou Hikvision', 'Justin Maggard']);
    expect(choices.subnets).toEqual(['198.18.0.0/16', '198.20.5.0/24']);
    expect(choices.sources).toEqual(['wsd', 'ssdp', 'mdns', 'sweep']);
  });
  it('bounds the lists a hostile LAN could grow', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      makeDevice({ id: `d${i}`, vendor: `Vendor ${i}`, ip: `198.19.${i % 250}.${1 + (i >> 8)}` }),
    );
    const choices = filterChoices(many, []);
    expect(choices.vendors).toHaveLength(200);
    expect(choices.subnets).toHaveLength(200);
  });
});

describe('passesFilters', () => {
  it('keeps a device only when it matches every filter set', () => {
    expect(passesFilters(axis, noFilters, lan)).toBe(true);
    expect(passesFilters(axis, { ...noFilters, vendor: 'Axis Communications AB' }, lan)).toBe(true);
    expect(passesFilters(hik, { ...noFilters, vendor: 'Axis Communications AB' }, lan)).toBe(false);
    expect(passesFilters(routed, { ...noFilters, vendor: 'Dahua' }, lan)).toBe(true);
    expect(passesFilters(axis, { ...noFilters, source: 'mdns' }, lan)).toBe(true);
    expect(passesFilters(hik, { ...noFilters, source: 'mdns' }, lan)).toBe(false);
    expect(passesFilters(routed, { ...noFilters, subnet: '198.20.5.0/24' }, lan)).toBe(true);
    expect(passesFilters(noIp, { ...noFilters, subnet: '198.20.5.0/24' }, lan)).toBe(false);
    expect(passesFilters(axis, { vendor: 'Axis Communications AB', subnet: '198.18.0.0/16', source: 'sweep' }, lan)).toBe(false);
  });
  it('counts the filters set', () => {
    expect(activeFilterCount(noFilters)).toBe(0);
    expect(activeFilterCount({ vendor: 'x', subnet: null, source: 'wsd' })).toBe(2);
  });
});

describe('visibleDevices with filters, search and the camera toggle together', () => {
  const base: ViewOptions = { showNonCameras: false, query: '', sort: { key: 'ip', direction: 'asc' }, interfaces: lan };
  const all = [routed, hik, axis, dlna, noIp];
  it('applies the camera toggle, the search box and the drop-downs at once', () => {
    expect(visibleDevices(all, { ...base, filters: { ...noFilters, source: 'ssdp' } }).map((d) => d.id)).toEqual(['axis']);
    expect(visibleDevices(all, { ...base, showNonCameras: true, filters: { ...noFilters, source: 'ssdp' } }).map((d) => d.id)).toEqual([
      'axis',
      'dlna',
    ]);
    expect(visibleDevices(all, { ...base, filters: { ...noFilters, subnet: '198.18.0.0/16' }, query: '3.7' }).map((d) => d.id)).toEqual([
      'hik',
    ]);
  });
});

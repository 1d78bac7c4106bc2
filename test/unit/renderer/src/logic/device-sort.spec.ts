import { describe, expect, it } from 'vitest';
import { visibleDevices, type SortKey, type ViewOptions } from '../../../../../renderer/src/logic/device-view.js';
import { makeDevice } from '../../../../support/devices.js';

const base: ViewOptions = { showNonCameras: true, query: '', sort: { key: 'ip', direction: 'asc' } };
const devices = [
  makeDevice({ id: 'a', ip: '198.18.0.10', vendor: 'axis', model: 'P1375', name: 'Lobby 10', serial: 'B2', sources: ['wsd', 'ssdp'] }),
  makeDevice({ id: 'b', ip: '198.18.0.2', vendor: 'Hikvision', model: 'DS-2CD', name: 'lobby 9', serial: null, sources: ['wsd'] }),
  makeDevice({ id: 'c', ip: '198.18.0.30', vendor: 'Axis', model: null, name: 'Gate', serial: 'a1', sources: ['wsd', 'ssdp', 'mdns'] }),
];
const order = (key: SortKey, direction: 'asc' | 'desc' = 'asc') =>
  visibleDevices(devices, { ...base, sort: { key, direction } }).map((d) => d.id);

describe('sorting by any text column', () => {
  it('sorts text case-insensitively with numbers in number order, equal keys by address', () => {
    expect(order('vendor')).toEqual(['a', 'c', 'b']);
    expect(order('name')).toEqual(['c', 'b', 'a']);
  });
  it('keeps devices without the value last in both directions', () => {
    expect(order('model')).toEqual(['b', 'a', 'c']);
    expect(order('model', 'desc')).toEqual(['a', 'b', 'c']);
    expect(order('serial', 'desc')).toEqual(['a', 'c', 'b']);
  });
  it('sorts by how many protocols saw the device', () => {
    expect(order('sources', 'desc')).toEqual(['c', 'a', 'b']);
  });
});

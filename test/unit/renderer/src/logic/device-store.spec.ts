import { describe, expect, it } from 'vitest';
import { applyDeviceEvent, fromSnapshot, resolveDeviceId } from '../../../../../renderer/src/logic/device-store.js';
import { makeDevice } from '../../../../support/devices.js';

describe('applyDeviceEvent', () => {
  it('adds found devices, replaces updated ones and keeps lost ones as offline', () => {
    let state = fromSnapshot([]);
    state = applyDeviceEvent(state, { event: 'device-found', payload: { device: makeDevice({ id: 'a', model: null }) } });
    state = applyDeviceEvent(state, { event: 'device-updated', payload: { device: makeDevice({ id: 'a', model: 'P1375' }) } });
    state = applyDeviceEvent(state, { event: 'device-lost', payload: { device: makeDevice({ id: 'a', model: 'P1375', online: false }) } });
    expect([...state.devices.values()]).toEqual([makeDevice({ id: 'a', model: 'P1375', online: false })]);
  });

  it('leaves untouched records as the same objects so their rows are not re-rendered', () => {
    const other = makeDevice({ id: 'b' });
    const before = fromSnapshot([makeDevice({ id: 'a' }), other]);
    const after = applyDeviceEvent(before, { event: 'device-updated', payload: { device: makeDevice({ id: 'a', name: 'Gate' }) } });
    expect(after.devices.get('b')).toBe(other);
    expect(before.devices.get('a')?.name).toBe('Lobby');
  });

  it('removes a merged record and lets an open detail panel follow it to the surviving one', () => {
    let state = fromSnapshot([makeDevice({ id: 'uuid:1' }), makeDevice({ id: 'mac:1' }), makeDevice({ id: 'ip:1' })]);
    state = applyDeviceEvent(state, { event: 'device-merged', payload: { id: 'uuid:1', into: 'ip:1' } });
    state = applyDeviceEvent(state, { event: 'device-merged', payload: { id: 'ip:1', into: 'mac:1' } });
    expect([...state.devices.keys()]).toEqual(['mac:1']);
    expect(resolveDeviceId(state, 'uuid:1')).toBe('mac:1');
    expect(resolveDeviceId(state, 'gone')).toBeNull();
  });
});

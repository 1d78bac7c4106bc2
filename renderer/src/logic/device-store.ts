import type { EventName, EventPayload } from '../../../shared/contract.js';
import type { Device } from '../../../shared/device.js';

/** The renderer's copy of the registry; `merged` remembers where folded records went. */
export type DeviceState = {
  devices: ReadonlyMap<string, Device>;
  merged: ReadonlyMap<string, string>;
};

export type DeviceEventName = Extract<EventName, 'device-found' | 'device-updated' | 'device-lost' | 'device-merged'>;
export const deviceEventNames: readonly DeviceEventName[] = ['device-found', 'device-updated', 'device-lost', 'device-merged'];

export type DeviceEvent = {
  [E in DeviceEventName]: { event: E; payload: EventPayload<E> };
}[DeviceEventName];

export const emptyDeviceState: DeviceState = { devices: new Map(), merged: new Map() };

/** Starts from a `devices.list` snapshot. */
export function fromSnapshot(devices: readonly Device[]): DeviceState {
  return { devices: new Map(devices.map((device) => [device.id, device])), merged: new Map() };
}

/** Applies one event; returns a new state so React sees the change (and unchanged rows keep their identity). */
export function applyDeviceEvent(state: DeviceState, change: DeviceEvent): DeviceState {
  if (change.event === 'device-merged') {
    const { id, into } = change.payload;
    if (id === into) return state;
    const devices = new Map(state.devices);
    devices.delete(id);
    return { devices, merged: new Map(state.merged).set(id, into) };
  }
  const { device } = change.payload;
  const devices = new Map(state.devices).set(device.id, device);
  if (!state.merged.has(device.id)) return { devices, merged: state.merged };
  const merged = new Map(state.merged);
  merged.delete(device.id); // the id is live again
  return { devices, merged };
}

/** Where a selected record lives now, following merges; null when it is gone. */
export function resolveDeviceId(state: DeviceState, id: string): string | null {
  let current = id;
  for (let hops = 0; hops < 32; hops++) {
    if (state.devices.has(current)) return current;
    const next = state.merged.get(current);
    if (next === undefined) return null;
    current = next;
  }
  return null;
}

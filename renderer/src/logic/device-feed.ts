import type { Api } from '../../../shared/contract.js';
import { applyDeviceEvent, deviceEventNames, emptyDeviceState, fromSnapshot, type DeviceEvent, type DeviceState } from './device-store.js';

/**
 * Keeps a DeviceState current: subscribes to the device events first, loads `devices.list`, then replays
 * the events that arrived while the list was on its way, so nothing seen during the load is lost or undone.
 * Returns a function that stops listening.
 */
export function startDeviceFeed(api: Api, onChange: (state: DeviceState) => void, onError: (message: string) => void): () => void {
  let state = emptyDeviceState;
  let buffered: DeviceEvent[] | null = [];
  let stopped = false;

  const receive = (change: DeviceEvent) => {
    if (stopped) return;
    if (buffered) return void buffered.push(change);
    state = applyDeviceEvent(state, change);
    onChange(state);
  };
  const unsubscribers = deviceEventNames.map((event) => api.on(event, (payload) => receive({ event, payload } as DeviceEvent)));

  void api['devices.list']({}).then((result) => {
    if (stopped) return;
    if (!result.ok) onError(result.message);
    state = result.ok ? fromSnapshot(result.value.devices) : emptyDeviceState;
    for (const change of buffered ?? []) state = applyDeviceEvent(state, change);
    buffered = null;
    onChange(state);
  });

  return () => {
    stopped = true;
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

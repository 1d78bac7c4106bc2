import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../../shared/result.js';
import type { DeviceState } from '../../../../../renderer/src/logic/device-store.js';
import { startDeviceFeed } from '../../../../../renderer/src/logic/device-feed.js';
import { createFakeApi, deferred } from '../../../../support/fake-api.js';
import { makeDevice } from '../../../../support/devices.js';

describe('startDeviceFeed', () => {
  it('keeps events that arrive while devices.list is loading, applied on top of the list', async () => {
    const fake = createFakeApi();
    const list = deferred<Result<unknown>>();
    fake.handle('devices.list', () => list.promise);
    const states: DeviceState[] = [];
    startDeviceFeed(
      fake.api,
      (s) => states.push(s),
      () => undefined,
    );

    fake.emit('device-found', { device: makeDevice({ id: 'new', ip: '198.18.0.20' }) });
    fake.emit('device-lost', { device: makeDevice({ id: 'old', online: false }) });
    expect(states).toEqual([]);
    list.resolve({ ok: true, value: { devices: [makeDevice({ id: 'old', online: true })] } });
    await list.promise;
    await Promise.resolve();

    const last = states.at(-1)!;
    expect(last.devices.get('old')?.online).toBe(false);
    expect(last.devices.get('new')?.ip).toBe('198.18.0.20');

    fake.emit('device-merged', { id: 'new', into: 'old' });
    expect(states.at(-1)!.devices.has('new')).toBe(false);
  });

  it('reports a failed list with the core’s sentence and still follows live events', async () => {
    const fake = createFakeApi();
    fake.handle('devices.list', async () => ({ ok: false, code: 'internal', message: 'The registry is not ready; try again.' }));
    const errors: string[] = [];
    const states: DeviceState[] = [];
    startDeviceFeed(
      fake.api,
      (s) => states.push(s),
      (m) => errors.push(m),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual(['The registry is not ready; try again.']);
    fake.emit('device-found', { device: makeDevice({ id: 'a' }) });
    expect(states.at(-1)!.devices.has('a')).toBe(true);
  });

  it('stops listening when stopped', async () => {
    const fake = createFakeApi();
    fake.handle('devices.list', async () => ({ ok: true, value: { devices: [] } }));
    const stop = startDeviceFeed(
      fake.api,
      () => undefined,
      () => undefined,
    );
    expect(fake.listenerCount()).toBe(4);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});

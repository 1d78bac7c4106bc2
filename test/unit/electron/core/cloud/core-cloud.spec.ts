/**
 * The cloud commands through the real core and contract gate: a camera heard in a Hello is registered by its
 * device id, its record shows `polling` with the seed's expected wait, then `online` once its channel streams —
 * each change published as device-updated, as the UI sees it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../../../electron/core/core.js';
import type { DiscoverySource, SourceContext } from '../../../../../electron/core/discovery/source.js';
import { createMemoryAuditLog } from '../../../../../electron/platform/audit-log.js';
import { createNodeHttpClient } from '../../../../../electron/platform/http.js';
import { silentLogger } from '../../../../../electron/platform/logger.js';
import { createMemorySecretStore } from '../../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../../electron/platform/settings.js';
import type { Device } from '../../../../../shared/device.js';
import { dispatch } from '../../../../../shared/dispatch.js';
import { startCloudSim, type CloudSim } from '../../../../sim/cloud/cloud-sim.js';
import { lab0 } from '../../../../support/fake-ports.js';
import { axisHello, mac } from '../../../../support/observations.js';
import { SECRETS } from './cloud-fixture.js';

let sim: CloudSim | null = null;
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  await sim?.close();
});

/** A source that only reports what the test hands it, at the real time (the expected wait uses the clock). */
function scriptedSource() {
  let ctx: SourceContext | null = null;
  const source: DiscoverySource = {
    name: 'wsd',
    listen: async (c) => void (ctx = c),
    close: async () => undefined,
    scan: async () => ({ probesSent: 0, repliesReceived: 0, dropped: 0, errors: [], skipped: [] }),
  };
  return { source, report: (o: Parameters<SourceContext['report']>[0]) => ctx!.report(o) };
}

describe('cloud commands in the core', () => {
  it('registers a device by id: polling with "within a minute" after a fresh Hello, then online, each as device-updated', async () => {
    sim = await startCloudSim({ host: '127.0.0.1', ...SECRETS });
    const { source, report } = scriptedSource();
    const audit = createMemoryAuditLog();
    core = createCore(
      {
        udp: () => {
          throw new Error('no sockets');
        },
        clock: { now: Date.now, setTimeout: (fn, ms) => clearTimeout.bind(null, setTimeout(fn, ms)) },
        log: silentLogger,
        settings: createMemorySettings(),
        network: { interfaces: () => [lab0] },
        neighbours: { read: async () => [] },
        http: createNodeHttpClient(),
        secrets: createMemorySecretStore(),
        audit,
      },
      {
        sources: [source],
        via: 'ui',
        env: {
          CAMERA_FINDER_CLOUD_API_URL: sim.url,
          CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
          CAMERA_FINDER_PROVISIONING_URL: `${sim.url}/v1/token`,
          CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
          CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
        },
        cloud: { watch: { intervalMs: 20 } },
      },
    );
    await core.start();
    const updates: Device[] = [];
    core.on('device-updated', (e) => void updates.push(e.device));
    report({ ...axisHello('198.18.1.7', 'ep-7', Date.now()), announced: true, facts: [mac('ac:cc:8e:12:ab:34')] });
    const listed = await dispatch(core, 'devices.list', {});
    const device = listed.ok ? listed.value.devices[0] : undefined;
    expect(device?.cloud.state).toBe('unknown');

    const result = await dispatch(core, 'cloud.register', { cameras: [{ deviceId: device!.id, password: SECRETS.cameraPassword }] });
    expect(result.ok).toBe(true);
    const [r] = result.ok ? result.value.results : [];
    expect(r).toMatchObject({ ok: true, deviceId: device!.id, cameraId: 'ACCC8E12AB34', expectedWait: { phase: 'minutely' } });
    expect(updates.at(-1)?.cloud).toMatchObject({
      state: 'polling',
      channelId: r!.channelId,
      cameraId: 'ACCC8E12AB34',
      message: 'Waiting for the camera to ask the provisioning service (within a minute).',
    });

    sim.state.connect(sim.state.records.get('ACCC8E12AB34')!.accessToken, 'ACCC8E12AB34');
    await vi.waitFor(() => expect(updates.at(-1)?.cloud.state).toBe('online'), { timeout: 3000 });
    const after = await dispatch(core, 'devices.list', {});
    expect(after.ok && after.value.devices[0]?.cloud.state).toBe('online');
    const entries = await dispatch(core, 'audit.list', {});
    const actions = entries.ok ? entries.value.entries.map((e) => `${e.action}/${e.via}`) : [];
    expect(actions).toEqual(
      expect.arrayContaining(['cloud.channel.create/ui', 'provisioning.post/ui', 'cloud.register/ui', 'cloud.online/ui']),
    );
  });

  it('answers settings get/set through the gate, and refuses an unknown field', async () => {
    core = createCore(
      {
        udp: () => {
          throw new Error('no sockets');
        },
        clock: { now: Date.now, setTimeout: (fn, ms) => clearTimeout.bind(null, setTimeout(fn, ms)) },
        log: silentLogger,
        settings: createMemorySettings(),
        network: { interfaces: () => [] },
        neighbours: { read: async () => [] },
        http: createNodeHttpClient(),
        secrets: createMemorySecretStore('Secrets last only until the app closes.'),
        audit: createMemoryAuditLog(),
      },
      { sources: [] },
    );
    const set = await dispatch(core, 'cloud.settings.set', { apiUrl: 'https://cloud.example', licenseKey: 'LK-123456789' });
    expect(set).toMatchObject({
      ok: true,
      value: {
        apiUrl: 'https://cloud.example',
        licenseKeySet: true,
        secrets: { persistent: false, warning: 'Secrets last only until the app closes.' },
      },
    });
    expect(JSON.stringify(set)).not.toContain('LK-123456789');
    const bad = await dispatch(core, 'cloud.settings.set', { licenceKey: 'typo' } as never);
    expect(bad).toMatchObject({ ok: false, code: 'invalid-args' });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Device } from '../../../../../shared/device.js';
import { normaliseMac } from '../../../../../shared/mac.js';
import { createCloudService, type CloudInventory, type CloudService } from '../../../../../electron/core/cloud/service.js';
import { createMemoryAuditLog } from '../../../../../electron/platform/audit-log.js';
import { createNodeHttpClient } from '../../../../../electron/platform/http.js';
import { createMemorySecretStore } from '../../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../../electron/platform/settings.js';
import type { Logger } from '../../../../../electron/platform/ports.js';
import { startCloudSim, type CloudSim } from '../../../../sim/cloud/cloud-sim.js';
import { InstantClock, leakedSecrets, SECRETS } from './cloud-fixture.js';

const lines: string[] = [];
const log: Logger = {
  debug: (m, f) => void lines.push(m + JSON.stringify(f ?? {})),
  info: (m, f) => void lines.push(m + JSON.stringify(f ?? {})),
  warn: (m, f) => void lines.push(m + JSON.stringify(f ?? {})),
  error: (m, f) => void lines.push(m + JSON.stringify(f ?? {})),
};

/** A few devices as the inventory would hold them; `announcedAgoMs` stands for the latest Hello. */
function fakeInventory(clock: InstantClock, devices: { id: string; mac: string; announcedAgoMs?: number }[]) {
  const cloud = new Map<string, Device['cloud']>();
  const updates: Device['cloud'][] = [];
  const announced = new Map(devices.map((d) => [d.id, d.announcedAgoMs === undefined ? null : clock.now() - d.announcedAgoMs]));
  const device = (id: string) => {
    const d = devices.find((x) => x.id === id);
    if (!d) return null;
    return {
      id,
      mac: d.mac,
      serial: null,
      cloud: cloud.get(id) ?? { state: 'unknown', channelId: null, cameraId: null, since: null, message: null },
    } as unknown as Device;
  };
  const inventory: CloudInventory = {
    device,
    findByMac: (mac) => devices.find((d) => normaliseMac(d.mac) === normaliseMac(mac))?.id ?? null,
    announcedAt: (id) => announced.get(id) ?? null,
    setCloud: (id, info) => {
      cloud.set(id, info);
      updates.push(info);
    },
  };
  return { inventory, cloud, updates };
}

let sim: CloudSim | null = null;
let service: CloudService | null = null;
afterEach(async () => {
  service?.close();
  await sim?.close();
  sim = null;
  lines.length = 0;
});

async function setup(devices: { id: string; mac: string; announcedAgoMs?: number }[] = [], env: Record<string, string> = {}) {
  sim = await startCloudSim({ host: '127.0.0.1', ...SECRETS });
  const clock = new InstantClock();
  const inv = fakeInventory(clock, devices);
  const audit = createMemoryAuditLog();
  const secrets = createMemorySecretStore();
  const settings = createMemorySettings();
  service = createCloudService({
    http: createNodeHttpClient(),
    clock,
    log,
    settings,
    secrets,
    audit,
    inventory: inv.inventory,
    env,
    via: 'cli',
    timeoutMs: 2000,
    random: () => 0.5,
  });
  await service.setSettings({
    apiUrl: sim.url,
    provisioningUrl: `${sim.url}/v1/token`,
    provisioningUser: SECRETS.provisioningUser,
    licenseKey: SECRETS.licenseKey,
    provisioningPassword: SECRETS.provisioningPassword,
  });
  return { sim, service, clock, audit, secrets, settings, ...inv };
}

const allSecrets = (s: CloudSim) => [
  SECRETS.licenseKey,
  SECRETS.provisioningPassword,
  SECRETS.cameraPassword,
  ...[...s.state.channels.values()].flatMap((c) => [c.allToken, c.watchToken]),
];

describe('cloud settings', () => {
  it('keeps secrets write-only, deletes one on null, and audits which fields changed but never their values', async () => {
    const { service, audit } = await setup();
    const shown = await service.getSettings();
    expect(shown).toMatchObject({ licenseKeySet: true, provisioningPasswordSet: true, provisioningUser: SECRETS.provisioningUser });
    expect(JSON.stringify(shown)).not.toContain(SECRETS.licenseKey);
    const after = await service.setSettings({ licenseKey: null });
    expect(after.licenseKeySet).toBe(false);
    const entries = await audit.list(50);
    const changes = entries.filter((e) => e.action === 'settings.change');
    expect(changes[0]?.message).toContain('licenseKey');
    expect(changes[1]?.message).toContain('licenseKey (removed)');
    expect(changes.every((e) => e.via === 'cli')).toBe(true);
    expect(
      leakedSecrets(
        entries.map((e) => JSON.stringify(e)),
        [SECRETS.licenseKey, SECRETS.provisioningPassword],
      ),
    ).toEqual([]);
  });

  it('refuses an address that is not http(s) with a sentence, and changes nothing', async () => {
    const { service, sim } = await setup();
    await expect(service.setSettings({ apiUrl: 'cloud.example.com' })).rejects.toThrow(/Cloud API address: .* is not a web address/);
    await expect(service.setSettings({ provisioningUrl: 'ftp://x.example' })).rejects.toThrow(/not an http or https address/);
    expect((await service.getSettings()).apiUrl).toBe(sim.url);
  });

  it('says an address from the environment is unusable instead of failing obscurely', async () => {
    const { service } = await setup([], { CAMERA_FINDER_CLOUD_API_URL: 'not a url' });
    const [result] = await service.register([{ mac: 'ac:cc:8e:00:00:71', password: SECRETS.cameraPassword }]);
    expect(result?.message).toMatch(/The cloud API address is unusable/);
  });

  it('lets CAMERA_FINDER_* variables override the store and says which ones do', async () => {
    const { service } = await setup([], { CAMERA_FINDER_LICENSE_KEY: 'env-key-123456', CAMERA_FINDER_PROVISIONING_USER: 'env-user' });
    const shown = await service.getSettings();
    expect(shown.provisioningUser).toBe('env-user');
    expect(shown.fromEnvironment.sort()).toEqual(['licenseKey', 'provisioningUser']);
    // The env key is wrong for the simulator: the connection test says so in a sentence, without the key.
    const test = await service.test();
    expect(test.api.ok).toBe(false);
    expect(test.api.message).toMatch(/refused the credentials/);
    expect(test.api.message).not.toContain('env-key-123456');
  });
});

describe('cloud.test', () => {
  it('reports both services connected with their counts', async () => {
    const { service, sim } = await setup();
    sim.state.addChannel('existing', {});
    const result = await service.test();
    expect(result.api).toEqual({ ok: true, message: 'Connected to VXG Cloud: the account has 1 channel.' });
    expect(result.provisioning.ok).toBe(true);
    expect(result.provisioning.message).toContain('0 camera records');
  });

  it('explains a wrong provisioning password', async () => {
    const { service } = await setup();
    await service.setSettings({ provisioningPassword: 'wrong-password' });
    const result = await service.test();
    expect(result.provisioning.ok).toBe(false);
    expect(result.provisioning.message).toMatch(/provisioning user name and password/);
  });
});

describe('cloud.register', () => {
  it('registers cameras by MAC, tags channels with rsid + MAC, and a second run changes nothing', async () => {
    const { service, sim } = await setup();
    const cameras = ['ac:cc:8e:12:ab:34', 'AC-CC-8E-12-AB-35'].map((mac) => ({ mac, password: SECRETS.cameraPassword }));
    const first = await service.register(cameras);
    expect(first.map((r) => [r.ok, r.status, r.cameraId, r.deviceId])).toEqual([
      [true, 'registered', 'ACCC8E12AB34', null],
      [true, 'registered', 'ACCC8E12AB35', null],
    ]);
    const channel = sim.state.channels.get(first[0]!.channelId!);
    expect(channel?.meta).toEqual({ rsid: 'ACCC8E12AB34', ACCC8E12AB34: 'rsid', mac: 'AC:CC:8E:12:AB:34' });
    expect(sim.state.records.get('ACCC8E12AB34')?.password).toBe(SECRETS.cameraPassword);
    // Not in the inventory: nobody knows when it started polling, so the honest worst case.
    expect(first[0]?.expectedWait).toMatchObject({ phase: 'unknown', withinMs: 3_600_000 });

    const second = await service.register(cameras);
    expect(second.map((r) => r.status)).toEqual(['already-registered', 'already-registered']);
    expect(sim.state.channels.size).toBe(2);
    expect(sim.state.records.size).toBe(2);
  });

  it('runs one registration per camera ID even when the same camera is asked for twice at once', async () => {
    const { service, sim } = await setup();
    const twice = [1, 2].map(() => ({ mac: 'AC:CC:8E:00:00:01', password: SECRETS.cameraPassword }));
    const results = await service.register(twice);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sim.state.channels.size).toBe(1);
  });

  it('shows "within a minute" for a camera that just booted and "up to an hour" for one past its first 5 minutes', async () => {
    const { service, cloud, updates } = await setup([
      { id: 'dev-1', mac: 'ac:cc:8e:00:00:11', announcedAgoMs: 90_000 },
      { id: 'dev-2', mac: 'ac:cc:8e:00:00:12', announcedAgoMs: 20 * 60_000 },
    ]);
    const [fresh, old] = await service.register([
      { deviceId: 'dev-1', password: SECRETS.cameraPassword },
      { deviceId: 'dev-2', password: SECRETS.cameraPassword },
    ]);
    // Booted 90 s ago: polls at 0, 60, 120 s, so the next is about 30 s away.
    expect(fresh?.expectedWait?.phase).toBe('minutely');
    expect(fresh?.expectedWait?.withinMs).toBeGreaterThan(25_000);
    expect(fresh?.expectedWait?.withinMs).toBeLessThanOrEqual(30_000);
    expect(old?.expectedWait?.phase).toBe('hourly');
    expect(old?.expectedWait?.withinMs).toBeGreaterThan(30 * 60_000);
    expect(cloud.get('dev-1')).toMatchObject({
      state: 'polling',
      cameraId: 'ACCC8E000011',
      channelId: fresh?.channelId,
      message: 'Waiting for the camera to ask the provisioning service (within a minute).',
    });
    expect(cloud.get('dev-2')?.message).toMatch(/up to an hour/);
    expect(updates.length).toBeGreaterThanOrEqual(2);
  });

  it('turns the device online when its channel starts streaming', async () => {
    const { service, sim, cloud } = await setup([{ id: 'dev-1', mac: 'ac:cc:8e:00:00:21', announcedAgoMs: 0 }]);
    const [result] = await service.register([{ deviceId: 'dev-1', password: SECRETS.cameraPassword }]);
    expect(cloud.get('dev-1')?.state).toBe('polling');
    // The camera fetches its token from the provisioning service and connects with it.
    const token = sim.state.records.get('ACCC8E000021')!.accessToken;
    expect(sim.state.connect(token, 'ACCC8E000021')?.id).toBe(result?.channelId);
    await vi.waitFor(() => expect(cloud.get('dev-1')?.state).toBe('online'), { timeout: 5000 });
    expect(cloud.get('dev-1')?.message).toContain(`channel ${result?.channelId}`);
  });

  it('rolls the new channel back when the provisioning POST fails, and marks the device failed', async () => {
    const { service, sim, cloud, audit } = await setup([{ id: 'dev-1', mac: 'ac:cc:8e:00:00:31' }]);
    sim.faults.add('POST /v1/token', { kind: 'status', status: 500 });
    const [result] = await service.register([{ deviceId: 'dev-1', password: SECRETS.cameraPassword }]);
    expect(result).toMatchObject({ ok: false, status: 'failed', rolledBack: true, deviceId: 'dev-1' });
    expect(result?.message).toMatch(/deleted again, so nothing is left half-done/);
    expect(sim.state.channels.size).toBe(0);
    expect(sim.state.records.size).toBe(0);
    expect(cloud.get('dev-1')).toMatchObject({ state: 'failed', cameraId: 'ACCC8E000031' });
    const actions = (await audit.list(100)).map((e) => `${e.action}:${e.result}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'cloud.channel.find:ok',
        'provisioning.check:ok',
        'cloud.channel.create:ok',
        'provisioning.post:failed',
        'cloud.channel.delete:ok',
        'cloud.register:failed',
      ]),
    );
  });

  it('rides through a 429 storm', async () => {
    const { service, sim, clock } = await setup();
    sim.faults.add('*', { kind: 'status', status: 429, retryAfter: '1' }, 4);
    const results = await service.register([{ mac: 'ac:cc:8e:00:00:41', password: SECRETS.cameraPassword }]);
    expect(results[0]?.ok).toBe(true);
    expect(clock.delays.some((ms) => ms >= 1000)).toBe(true);
  });

  it('says what is missing when the cloud is not configured, per camera, without calling anything', async () => {
    const { service, sim } = await setup();
    await service.setSettings({ licenseKey: null });
    const [result] = await service.register([{ mac: 'ac:cc:8e:00:00:51', password: SECRETS.cameraPassword }]);
    expect(result).toMatchObject({ ok: false, cameraId: 'ACCC8E000051' });
    expect(result?.message).toMatch(/license key \(CAMERA_FINDER_LICENSE_KEY\)/);
    expect(sim.state.count('POST /api/v3/channels/')).toBe(0);
  });

  it('refuses a malformed MAC and an unknown device with sentences', async () => {
    const { service } = await setup();
    const [bad, unknown] = await service.register([
      { mac: 'not-a-mac', password: SECRETS.cameraPassword },
      { deviceId: 'dev-404', password: SECRETS.cameraPassword },
    ]);
    expect(bad?.message).toMatch(/is not a MAC address/);
    expect(unknown?.message).toMatch(/No device dev-404 in the list/);
  });

  it('never puts a license key, provisioning password, camera password or token in results, audit or log', async () => {
    const { service, sim, audit } = await setup([{ id: 'dev-1', mac: 'ac:cc:8e:00:00:61', announcedAgoMs: 0 }]);
    sim.faults.add('POST /v1/token', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ errorDetail: `bad ${SECRETS.cameraPassword}` }),
    });
    const results = [
      ...(await service.register([{ deviceId: 'dev-1', password: SECRETS.cameraPassword }])),
      ...(await service.register([{ mac: 'ac:cc:8e:00:00:62', password: SECRETS.cameraPassword }])),
    ];
    await service.test();
    const texts = [JSON.stringify(results), ...(await audit.list(500)).map((e) => JSON.stringify(e)), ...lines];
    expect(leakedSecrets(texts, allSecrets(sim))).toEqual([]);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
  });
});

/**
 * Registration end to end in the lab: the cloud simulator in its own namespace on the bridge, cameras running
 * the seed's polling loop (sped up 600×: a minute in 100 ms, an hour in 6 s), the app in the tech namespace —
 * browser mode over its WebSocket (the UI's path) and the CLI. Afterwards every byte the app wrote is grepped
 * for the secrets of the run.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterResult } from '../../../shared/contract.js';
import type { Device } from '../../../shared/device.js';
import { connectRelay, startAppInLab, type AppInLab, type Frame, type RelayClient } from '../../lab/app-in-lab.js';
import { announceSkip } from '../../lab/can-run.js';
import { LAB_CLOUD_URL, startCloudInLab, type CloudInLab } from '../../lab/cloud-in-lab.js';
import { createLab, type CameraSpec, type Lab } from '../../lab/lab.js';

const skip = announceSkip('VXG Cloud registration in the lab');
const SECRETS = { licenseKey: 'LK-lab-7c1f3a9e5d-licence', provisioningUser: 'cf-lab-backend', provisioningPassword: 'prov-lab-2b8e44d1' };
const MIN = 60_000;
const password = (id: string) => `sticker-${id}-q7Zx`;
const provisioning = (id: string, i: number, startedAgoMs = 0) => ({
  url: LAB_CLOUD_URL,
  variant: i % 2 ? ('get-token-post' as const) : ('token-get' as const),
  password: password(id),
  timeScale: 600,
  startedAgoMs,
});
const fresh = Array.from({ length: 20 }, (_, i) => `cam${i + 1}`);
const cameras: CameraSpec[] = [
  // Booted while the app listens (Hello): in their minute-by-minute phase.
  ...fresh.map((id, i) => ({ id, profile: 'axis' as const, stopped: true, provisioning: provisioning(id, i) })),
  // Running since before the app started, 20 camera-minutes in: hourly phase, and the app heard no Hello.
  { id: 'late', profile: 'axis', provisioning: provisioning('late', 0, 20 * MIN) },
  { id: 'bad', profile: 'axis', provisioning: provisioning('bad', 1) },
];
const idOf = (mac: string) => mac.replaceAll(':', '').toUpperCase();
const deviceOf = (f: Frame) => (f.payload as { device?: Device } | undefined)?.device;

describe.skipIf(skip)('VXG Cloud registration in the lab (cloud simulator, 22 polling cameras, app in the tech namespace)', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  let app: AppInLab | undefined;
  let relay: RelayClient | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-cloud-lab-'));
  const captured: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    // Inherited by `ip netns exec` → the app: settings come from the environment, as on a headless site box.
    Object.assign(process.env, {
      CAMERA_FINDER_CLOUD_API_URL: LAB_CLOUD_URL,
      CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${LAB_CLOUD_URL}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
      CAMERA_FINDER_DATA_DIR: dataDir,
    });
    lab = await createLab({ prefix: 'cfcl', cameras });
    cloud = await startCloudInLab(lab, SECRETS);
    app = await startAppInLab(lab);
    relay = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws?token=${app.token}`);
  }, 120_000);
  afterAll(async () => {
    if (app) captured.push(app.output());
    await relay?.close();
    await app?.stop();
    await cloud?.stop();
    await lab?.destroy();
    process.env = saved;
  });

  const camera = (id: string) => lab.cameras.find((c) => c.id === id)!;
  const devices = async () => ((await relay!.call('devices.list')).value as { devices: Device[] }).devices;
  const register = async (list: { deviceId: string; mac: string; password: string }[]) => {
    const r = await relay!.call('cloud.register', { cameras: list });
    expect(r.ok, r.message).toBe(true);
    return (r.value as { results: RegisterResult[] }).results;
  };
  const cli = async (args: string[], stdin: string) => {
    const run = await lab.execInTech('node', ['dist/electron/cli.js', 'register', ...args, '--password', '-', '--json'], {
      input: stdin,
      timeoutMs: 60_000,
    });
    captured.push(run.stdout, run.stderr);
    return run;
  };

  /** Waits until the app lists a device at each camera's IP; returns id by camera. */
  async function found(ids: string[]): Promise<Map<string, Device>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const list = await devices();
      const byIp = new Map(list.map((d) => [d.ip, d]));
      const hits = new Map(ids.flatMap((id) => (byIp.has(camera(id).ip) ? [[id, byIp.get(camera(id).ip)!] as const] : [])));
      if (hits.size === ids.length || Date.now() > deadline) return hits;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  it('registers 20 booting cameras and one in its hourly phase through a 429 storm; each polls, gets its token and shows online', async () => {
    const scan = await relay!.call('scan.start', { timeoutMs: 3000 });
    expect(scan.ok).toBe(true);
    await relay!.waitFor((f) => f.event === 'scan-finished', 15_000, 'the scan to finish');
    for (const id of fresh) await lab.sim.startCamera(id); // Hello, and the polling loop starts
    const seen = await found([...fresh, 'late']);
    expect([...seen.keys()].sort()).toEqual([...fresh, 'late'].sort());

    await cloud.fault('*', { kind: 'status', status: 429, retryAfter: '1' }, 15);
    const ids = [...fresh, 'late'];
    const results = await register(ids.map((id) => ({ deviceId: seen.get(id)!.id, mac: camera(id).mac, password: password(id) })));
    expect(results.map((r) => [r.cameraId, r.ok, r.status])).toEqual(ids.map((id) => [idOf(camera(id).mac), true, 'registered']));
    for (const r of results.slice(0, 20)) expect(r.expectedWait).toMatchObject({ phase: 'minutely' });
    const late = results[20]!;
    expect(late.expectedWait?.phase).not.toBe('minutely');
    expect(late.expectedWait?.withinMs).toBeGreaterThanOrEqual(30 * MIN);
    expect(late.expectedWait?.sentence).toMatch(/up to an hour/);

    const state = await cloud.state();
    expect(state.requests['GET /api/v3/channels/']).toBeGreaterThan(0);
    for (const id of ids) {
      const cameraId = idOf(camera(id).mac);
      expect(
        state.channels.filter((c) => c.meta['rsid'] === cameraId),
        `channel of ${id}`,
      ).toHaveLength(1);
      expect(
        state.records.some((r) => r.serialId === cameraId && r.password === password(id)),
        `record of ${id}`,
      ).toBe(true);
    }

    // Polling → online: the camera fetches its token, connects; the app's watcher sees the channel streaming.
    for (const id of ids) {
      const deviceId = seen.get(id)!.id;
      await relay!.waitFor(
        (f) => f.event === 'device-updated' && deviceOf(f)?.id === deviceId && deviceOf(f)?.cloud.state === 'polling',
        5_000,
        `${id} to show polling`,
      );
      const online = await relay!.waitFor(
        (f) => f.event === 'device-updated' && deviceOf(f)?.id === deviceId && deviceOf(f)?.cloud.state === 'online',
        60_000,
        `${id} to show online`,
      );
      expect(deviceOf(online)?.cloud.channelId).toBe(results.find((r) => r.deviceId === deviceId)?.channelId);
      const events = lab.sim.cloudEvents(id).map((e) => e.state);
      expect(events, `camera ${id}'s provisioning loop`).toEqual(expect.arrayContaining(['polling', 'connecting', 'online']));
    }
    // The hourly camera asked at most a few times: the seed schedule, not a tight loop.
    expect(lab.sim.cloudEvents('late').filter((e) => e.state === 'polling').length).toBeLessThanOrEqual(4);
  }, 180_000);

  it('rolls the channel back when the provisioning POST fails, shows the error, and leaves nothing half-done', async () => {
    const [bad] = [...(await found(['bad'])).values()];
    expect(bad).toBeDefined();
    await cloud.fault('POST /v1/token', { kind: 'status', status: 500 }, 1);
    const [result] = await register([{ deviceId: bad!.id, mac: camera('bad').mac, password: password('bad') }]);
    expect(result).toMatchObject({ ok: false, status: 'failed', rolledBack: true });
    expect(result?.message).toMatch(/deleted again, so nothing is left half-done/);
    const shown = await relay!.waitFor(
      (f) => f.event === 'device-updated' && deviceOf(f)?.id === bad!.id && deviceOf(f)?.cloud.state === 'failed',
      5_000,
      'the failure on the device',
    );
    expect(deviceOf(shown)?.cloud.message).toMatch(/provisioning service/);
    const state = await cloud.state();
    const cameraId = idOf(camera('bad').mac);
    expect(state.channels.some((c) => c.meta['rsid'] === cameraId)).toBe(false);
    expect(state.records.some((r) => r.serialId === cameraId)).toBe(false);
  }, 60_000);

  it('CLI register: twice (second changes nothing), with an existing channel (reused), and with a refusing service (nothing left, exit ≠ 0)', async () => {
    const first = await cli(['--mac', 'ac:cc:8e:99:00:01'], 'cli-pass-1\n');
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as { results: RegisterResult[] }).results).toMatchObject([{ ok: true, status: 'registered' }]);
    const again = await cli(['--mac', 'ac:cc:8e:99:00:01'], 'cli-pass-1\n');
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { results: RegisterResult[] }).results).toMatchObject([
      { ok: true, status: 'already-registered', channelCreated: false },
    ]);
    let state = await cloud.state();
    expect(state.channels.filter((c) => c.meta['rsid'] === 'ACCC8E990001')).toHaveLength(1);

    const existing = await cloud.addChannel('Back door', { rsid: 'ACCC8E990002', ACCC8E990002: 'rsid' });
    const reuse = await cli(['--mac', 'ac:cc:8e:99:00:02'], 'cli-pass-2\n');
    expect(reuse.code, reuse.stderr).toBe(0);
    expect((JSON.parse(reuse.stdout) as { results: RegisterResult[] }).results).toMatchObject([
      { ok: true, channelId: existing, channelCreated: false },
    ]);

    await cloud.fault('POST /v1/token', { kind: 'status', status: 403 }, 5);
    const refused = await cli(['--mac', 'ac:cc:8e:99:00:03'], 'cli-pass-3\n');
    expect(refused.code).not.toBe(0);
    expect((JSON.parse(refused.stdout) as { results: RegisterResult[] }).results).toMatchObject([{ ok: false, rolledBack: true }]);
    expect(refused.stderr).toContain('1 of 1 camera not registered.');
    state = await cloud.state();
    expect(state.channels.filter((c) => c.meta['rsid'] === 'ACCC8E990002')).toHaveLength(1);
    expect(state.channels.some((c) => c.meta['rsid'] === 'ACCC8E990003')).toBe(false);
    expect(state.records.some((r) => r.serialId === 'ACCC8E990003')).toBe(false);
    await cloud.clearFaults();
  }, 120_000);

  it('leaves no license key, provisioning credential, camera password or access token in any file or output of the app', async () => {
    const state = await cloud.state();
    const secrets = [
      SECRETS.licenseKey,
      SECRETS.provisioningPassword,
      Buffer.from(`${SECRETS.provisioningUser}:${SECRETS.provisioningPassword}`).toString('base64'),
      ...cameras.map((c) => password(c.id!)),
      'cli-pass-1',
      'cli-pass-2',
      'cli-pass-3',
      ...state.channels.flatMap((c) => [c.allToken, c.watchToken]),
      ...state.records.map((r) => r.accessToken),
    ];
    expect(state.records.length).toBeGreaterThanOrEqual(23);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const texts = [...captured, app!.output(), ...files(dataDir).map((f) => readFileSync(f, 'latin1'))];
    expect(texts.join('').length).toBeGreaterThan(0);
    expect(secrets.filter((s) => texts.some((t) => t.includes(s)))).toEqual([]);
  });
});

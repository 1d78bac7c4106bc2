/**
 * Moving a camera to a new account, in the lab (issue #9 "Must show"): two cloud simulators — the old account
 * (198.18.0.11, its own license key and provisioning credentials) and the new one the app is configured for
 * (198.18.0.10) — and an Axis camera with VXG Cloud Agent that was provisioned in the old account and is online
 * there. The app runs as browser mode in the tech namespace and is driven over its WebSocket as the UI does:
 * scan, a credential set, identify, then `cloud.move` with the old account's credentials (used once, not kept).
 * The camera must end online in the new account with the new channel's token, and the old account's provisioning
 * record (and channel) must be gone. Nothing the app printed may contain a token, a password or a license key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveResult } from '../../../shared/contract.js';
import type { Device } from '../../../shared/device.js';
import { connectRelay, startAppInLab, type AppInLab, type Frame, type RelayClient } from '../../lab/app-in-lab.js';
import { announceSkip } from '../../lab/can-run.js';
import { LAB_CLOUD_URL, labCloudIp, startCloudInLab, type CloudInLab } from '../../lab/cloud-in-lab.js';
import { createLab, type Lab, type LabCamera } from '../../lab/lab.js';
import { AXIS_SET, agentCamera, cameraIdOf, stickerPassword } from '../../lab/token-cameras.js';

const skip = announceSkip('Moving a camera to a new account in the lab');
const NEW = { licenseKey: 'LK-new-acct-41c9e2d7', provisioningUser: 'cf-new-backend', provisioningPassword: 'prov-new-7a20f3bb' };
const OLD = { licenseKey: 'LK-old-acct-93b1f0c4', provisioningUser: 'cf-old-backend', provisioningPassword: 'prov-old-c51e88a0' };
const OLD_URL = `http://${labCloudIp(2)}:8080`;
const deviceOf = (f: Frame) => (f.payload as { device?: Device } | undefined)?.device;

describe.skipIf(skip)('Moving a camera to a new account in the lab (two cloud accounts, app over its WebSocket)', () => {
  let lab: Lab;
  let newCloud: CloudInLab;
  let oldCloud: CloudInLab;
  let app: AppInLab | undefined;
  let relay: RelayClient | undefined;
  const oldChannels = new Map<string, number>();
  const saved = { ...process.env };

  const cam = (id = 'mover'): LabCamera => lab.cameras.find((c) => c.id === id)!;
  const serial = (id = 'mover'): string => cameraIdOf(cam(id).mac);
  const previous = {
    provisioningUrl: `${OLD_URL}/v1/token`,
    provisioningUser: OLD.provisioningUser,
    provisioningPassword: OLD.provisioningPassword,
    apiUrl: OLD_URL,
    licenseKey: OLD.licenseKey,
  };
  const devices = async () => ((await relay!.call('devices.list')).value as { devices: Device[] }).devices;
  /** A command whose answer may take longer than the relay's default 15 s (register + write + online check). */
  let nextId = 1000;
  const call = async (command: string, args: unknown, timeoutMs = 45_000) => {
    const id = nextId++;
    relay!.send(JSON.stringify({ id, command, args }));
    return (await relay!.waitFor((f) => f.id === id, timeoutMs, `the answer to ${command}`)).result!;
  };

  beforeAll(async () => {
    Object.assign(process.env, {
      CAMERA_FINDER_CLOUD_API_URL: LAB_CLOUD_URL,
      CAMERA_FINDER_LICENSE_KEY: NEW.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${LAB_CLOUD_URL}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: NEW.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: NEW.provisioningPassword,
    });
    // `poller` asks the new account's provisioning service (as if one service served both accounts): moved with
    // clear-token, it must fetch its new token by polling.
    lab = await createLab({ prefix: 'cftm', cameras: [agentCamera('mover', { provisioningUrl: OLD_URL }), agentCamera('poller')] });
    newCloud = await startCloudInLab(lab, NEW);
    oldCloud = await startCloudInLab(lab, OLD, { slot: 2 });
    // Provisioned earlier in the old account: its channel, its record, and the camera online with that token.
    for (const id of ['mover', 'poller']) {
      const cameraId = serial(id);
      const channel = await oldCloud.addChannel(`Camera ${cameraId}`, { rsid: cameraId, [cameraId]: 'rsid' });
      oldChannels.set(id, channel);
      await oldCloud.addRecord(cameraId, stickerPassword(id), channel);
      await lab.sim.agent(id, { token: (await oldCloud.state()).channels.find((c) => c.id === channel)!.allToken });
    }
    app = await startAppInLab(lab);
    relay = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws?token=${app.token}`);
  }, 120_000);

  afterAll(async () => {
    await relay?.close();
    await app?.stop();
    await newCloud?.stop();
    await oldCloud?.stop();
    await lab?.destroy();
    process.env = saved;
  });

  it('moves an online camera: registered in the new account, new token written, online there; old record and channel gone', async () => {
    const oldChannel = oldChannels.get('mover')!;
    const oldState = await oldCloud.state();
    expect(oldState.records.map((r) => r.serialId)).toContain(serial());
    expect(oldState.channels.find((c) => c.id === oldChannel)?.streaming).toBe(true);

    expect((await relay!.call('scan.start', { timeoutMs: 3000 })).ok).toBe(true);
    await relay!.waitFor((f) => f.event === 'scan-finished', 15_000, 'the scan to finish');
    const device = (await devices()).find((d) => d.ip === cam().ip);
    expect(device, 'the camera in the inventory').toBeDefined();
    const saved = await relay!.call('credentials.save', {
      name: AXIS_SET.name,
      scope: 'site',
      match: null,
      username: AXIS_SET.username,
      password: AXIS_SET.password,
    });
    expect(saved.ok, saved.message).toBe(true);
    const identified = await call('identify.run', {});
    expect(identified.ok, identified.message).toBe(true);
    expect((identified.value as { results: { status: string }[] }).results.map((r) => r.status)).toEqual([
      'authenticated',
      'authenticated',
    ]);

    const started = Date.now();
    const answer = await call('cloud.move', {
      deviceId: device!.id,
      password: stickerPassword('mover'),
      method: 'write-token',
      previous,
    });
    const moveMs = Date.now() - started;
    expect(answer.ok, answer.message).toBe(true);
    const result = answer.value as MoveResult;
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, previousRecordDeleted: true });
    expect(result.write).toMatchObject({ ok: true, status: 'written' });
    expect(result.steps.find((s) => s.step === 'delete-old-record')).toMatchObject({ result: 'ok' });

    // New account: the camera's channel, its record, and the camera connected with that channel's token.
    const now = await newCloud.state();
    const channels = now.channels.filter((c) => c.meta['rsid'] === serial());
    expect(channels).toHaveLength(1);
    const channel = channels[0]!;
    expect(result.write?.channelId).toBe(channel.id);
    expect(channel.streaming).toBe(true);
    expect(now.connections.filter((c) => c.serialId === serial()).at(-1)).toMatchObject({ channelId: channel.id, token: channel.allToken });
    expect(await lab.sim.agent('mover')).toMatchObject({ cloudToken: channel.allToken });
    await relay!.waitFor(
      (f) => f.event === 'device-updated' && deviceOf(f)?.id === device!.id && deviceOf(f)?.cloud.state === 'online',
      10_000,
      'the camera to show online in the new account',
    );

    // Old account: the provisioning record is gone (and the channel, as its license key was given).
    const after = await oldCloud.state();
    expect(after.records.some((r) => r.serialId === serial())).toBe(false);
    expect(after.channels.some((c) => c.id === oldChannel)).toBe(false);
    console.log(`[token lab] cloud.move (delete old record + channel, register, write, online): ${moveMs} ms`);
  }, 60_000);

  it("moves with clear-token: the emptied camera polls again, fetches the new account's token and goes online there", async () => {
    const device = (await devices()).find((d) => d.ip === cam('poller').ip);
    expect(device?.auth?.status).toBe('authenticated');
    const pollsBefore = lab.sim.cloudEvents('poller').filter((e) => e.state === 'polling').length;
    const answer = await call('cloud.move', { deviceId: device!.id, password: stickerPassword('poller'), method: 'clear-token', previous });
    expect(answer.ok, answer.message).toBe(true);
    const result = answer.value as MoveResult;
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, previousRecordDeleted: true });
    expect(result.steps.find((s) => s.step === 'clear-token')).toMatchObject({ result: 'ok' });
    const after = await oldCloud.state();
    expect(after.records.some((r) => r.serialId === serial('poller'))).toBe(false);
    expect(after.channels.some((c) => c.id === oldChannels.get('poller'))).toBe(false);

    const channel = (await newCloud.state()).channels.find((c) => c.meta['rsid'] === serial('poller'))!;
    expect(channel).toBeDefined();
    // Minutely phase again (a camera-minute is 200 ms): it asks, gets the new record's token, connects.
    const deadline = Date.now() + 10_000;
    while (!(await newCloud.state()).connections.some((c) => c.serialId === serial('poller') && c.token === channel.allToken)) {
      if (Date.now() > deadline) throw new Error('the cleared camera did not come online in the new account');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(lab.sim.cloudEvents('poller').filter((e) => e.state === 'polling').length).toBeGreaterThan(pollsBefore);
    expect(await lab.sim.agent('poller')).toMatchObject({ cloudToken: channel.allToken });
  }, 30_000);

  it('printed no token, license key or password', async () => {
    const states = [await newCloud.state(), await oldCloud.state()];
    const secrets = [
      AXIS_SET.password,
      stickerPassword('mover'),
      NEW.licenseKey,
      NEW.provisioningPassword,
      OLD.licenseKey,
      OLD.provisioningPassword,
      ...states.flatMap((s) => s.channels.flatMap((c) => [c.allToken, c.watchToken])),
      ...states.flatMap((s) => s.connections.map((c) => c.token)),
    ];
    const output = app!.output() + JSON.stringify(relay!.frames);
    expect(output.length).toBeGreaterThan(0);
    expect(secrets.filter((s) => output.includes(s))).toEqual([]);
  });
});

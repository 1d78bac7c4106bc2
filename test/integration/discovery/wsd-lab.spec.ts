import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRelay, startAppInLab, type AppInLab, type Frame, type RelayClient } from '../../lab/app-in-lab.js';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, type CameraSpec, type Lab } from '../../lab/lab.js';
import type { Device } from '../../../shared/device.js';

const skip = announceSkip('ONVIF discovery in the lab');
const mixed = ['axis', 'hikvision', 'dahua', 'reolink', 'soap11-oem'] as const;
const cameras: CameraSpec[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ id: `cam${i + 1}`, profile: mixed[i % mixed.length]! })),
  { id: 'pc', profile: 'windows-pc' },
  { id: 'junk', profile: 'garbage' },
  { id: 'late', profile: 'axis', stopped: true },
];
const deviceOf = (f: Frame) => (f.payload as { device?: Device } | undefined)?.device;

describe.skipIf(skip)('ONVIF discovery in the lab (20 cameras, a PC, a garbage responder)', () => {
  let lab: Lab;
  let app: AppInLab | undefined;
  let relay: RelayClient | undefined;

  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfit', cameras });
  });
  afterAll(async () => {
    await relay?.close();
    await app?.stop();
    await lab?.destroy();
  });

  it('`scan --json` finds every camera with the MAC of its interface, read from the neighbour table', async () => {
    const run = await lab.execInTech(
      'node',
      // WS-Discovery alone: the simulated Axis, Hikvision, Dahua and OEM cameras also speak SSDP/mDNS (mixed-protocols-lab).
      ['dist/electron/cli.js', 'scan', '--json', '--protocols', 'wsd', '--timeout', '3000', '--interface', lab.techIface],
      { timeoutMs: 30_000 },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { devices: Device[]; diagnostics: { interfaces: { name: string }[]; probesSent: number } };
    expect(out.diagnostics.interfaces.map((i) => i.name)).toEqual([lab.techIface]);
    expect(out.diagnostics.probesSent).toBeGreaterThanOrEqual(8);

    const expected = lab.cameras.filter((c) => c.id.startsWith('cam'));
    for (const cam of expected) {
      const d = out.devices.find((x) => x.ip === cam.ip);
      expect(d, `camera ${cam.id} (${cam.profile}) at ${cam.ip}`).toBeDefined();
      // `--protocols wsd` holds for the passive listeners too: the profiles' SSDP NOTIFY and mDNS announcements
      // heard during the scan are not reported, so WS-Discovery is the only source.
      expect(d?.sources).toEqual(['wsd']);
      expect(d).toMatchObject({ mac: cam.mac, macSource: 'arp', isCamera: true, online: true, interface: lab.techIface });
      expect(d?.vendor, `vendor of ${cam.mac}`).toBeTruthy();
      expect(d?.onvif?.xaddrs.length).toBeGreaterThan(0);
      expect(d?.facts.mac?.some((f) => f.source === 'arp' && !f.hint)).toBe(true);
    }
    expect(out.devices.flatMap((d) => d.sources).filter((source) => source !== 'wsd')).toEqual([]);
    const cams = out.devices.filter((d) => d.isCamera);
    expect(cams).toHaveLength(expected.length);
    const ips = (id: string) => lab.cameras.find((c) => c.id === id)!.ip;
    expect(cams.some((d) => d.ip === ips('pc') || d.ip === ips('junk'))).toBe(false);
    expect(cams.some((d) => d.ip === ips('late'))).toBe(false);
  });

  it('shows a camera that boots after the scan (Hello) and marks a leaving camera offline (Bye), live', async () => {
    app = await startAppInLab(lab);
    relay = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws?token=${app.token}`);
    expect(relay.frames[0]).toEqual({ relay: 'open' });
    expect(await relay.call('scan.start', { timeoutMs: 1500 })).toMatchObject({ ok: true });
    await relay.waitFor((f) => f.event === 'scan-finished', 15_000, 'scan-finished');
    const listed = await relay.call('devices.list');
    expect((listed.value as { devices: Device[] }).devices.filter((d) => d.isCamera)).toHaveLength(20);

    const late = lab.cameras.find((c) => c.id === 'late')!;
    await lab.sim.startCamera('late');
    const hello = await relay.waitFor(
      (f) => f.event === 'device-found' && deviceOf(f)?.ip === late.ip,
      10_000,
      'the late camera via Hello',
    );
    expect(deviceOf(hello)).toMatchObject({ isCamera: true, online: true });
    // The MAC follows from the neighbour table shortly after.
    await relay.waitFor((f) => deviceOf(f)?.ip === late.ip && deviceOf(f)?.mac === late.mac, 10_000, 'the late camera MAC');

    const leaving = lab.cameras.find((c) => c.id === 'cam3')!;
    await lab.sim.stopCamera('cam3');
    const bye = await relay.waitFor((f) => f.event === 'device-lost' && deviceOf(f)?.ip === leaving.ip, 10_000, 'device-lost for cam3');
    expect(deviceOf(bye)).toMatchObject({ online: false, mac: leaving.mac });
  });

  it('refuses a WebSocket without the token or from a non-loopback origin', async () => {
    app ??= await startAppInLab(lab);
    const noToken = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws`);
    expect(noToken.frames[0]).toMatchObject({ relay: 'refused', status: 401 });
    await noToken.close();
    const foreign = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws?token=${app.token}`, {
      Origin: `http://${lab.techIp}:${app.port}`,
    });
    expect(foreign.frames[0]).toMatchObject({ relay: 'refused', status: 403 });
    await foreign.close();
  });
});

import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, readLinkMac, readProcNetArp, type Lab, type LabCamera } from '../../lab/lab.js';
import { captureInTech, probeFromTech, type TechDatagram } from '../../lab/tech-probe.js';

const canRun = !announceSkip('network lab with mixed vendors', { needsBuild: false });
const rootNetState = (): string =>
  ['link', 'addr', 'route', 'rule'].map((o) => execFileSync('ip', ['-br', o], { encoding: 'utf8' })).join('\n');
const byIp = (lab: Lab, ip: string): LabCamera | undefined => lab.cameras.find((c) => c.ip === ip);
const unicastFrom = (d: TechDatagram[]): Set<string> => new Set(d.filter((x) => x.channel === 'unicast').map((x) => x.from));

describe.skipIf(!canRun)('network lab with mixed vendors', () => {
  let lab: Lab;
  let rootBefore = '';

  beforeAll(async () => {
    rootBefore = rootNetState();
    lab = await createLab({
      prefix: 'cft',
      camerasPerNamespace: 3,
      cameras: [
        { id: 'axis', profile: 'axis' },
        { id: 'hik', profile: 'hikvision' },
        { id: 'dahua', profile: 'dahua' },
        { id: 'xss', profile: 'reolink', name: '<img src=x onerror=alert(1)>' },
        { id: 'pc', profile: 'windows-pc' },
        { id: 'junk', profile: 'garbage' },
        { id: 'late', profile: 'soap11-oem', stopped: true },
      ],
    });
  });
  afterAll(async () => {
    await lab?.destroy();
  });

  it("adds nothing to the machine's own network namespace", () => {
    expect(rootNetState()).toBe(rootBefore);
  });

  it('every running camera answers a multicast NVT probe from its own IP, relating to the probe', async () => {
    const cap = await probeFromTech(lab, 'nvt');
    const answered = unicastFrom(cap.datagrams);
    const expected = ['axis', 'hik', 'dahua', 'xss', 'junk'].map((id) => lab.cameras.find((c) => c.id === id)?.ip);
    expect([...answered].sort()).toEqual(expected.sort());
    for (const d of cap.datagrams.filter((x) => byIp(lab, x.from)?.profile !== 'garbage')) {
      expect(d.text).toContain(`RelatesTo>${cap.sent[0]}<`);
      expect(d.text).toContain(byIp(lab, d.from)?.epr);
    }
  });

  it("the technician's ARP table holds each camera's own MAC, as its namespace reports it", async () => {
    await probeFromTech(lab, 'none', 1000);
    const arp = await readProcNetArp(lab.techNs);
    const running = lab.cameras.filter((c) => c.running);
    for (const cam of running) {
      const row = arp.find((r) => r.ip === cam.ip);
      expect(row?.mac, cam.id).toBe(await readLinkMac(cam.ns, cam.iface));
      expect(row?.mac).toBe(cam.mac);
    }
    expect(new Set(running.map((c) => c.mac)).size).toBe(running.length);
  });

  it('a Windows PC answers only the untyped probe, with pub:Computer and no XAddrs', async () => {
    const pc = lab.cameras.find((c) => c.id === 'pc')!;
    const typed = await probeFromTech(lab, 'nvt,device');
    expect(unicastFrom(typed.datagrams).has(pc.ip)).toBe(false);
    const untyped = await probeFromTech(lab, 'none');
    const reply = untyped.datagrams.find((d) => d.from === pc.ip);
    expect(reply?.text).toContain('pub:Computer');
    expect(reply?.text).not.toContain('XAddrs');
  });

  it('a camera that leaves says Bye; one that starts says Hello with its own address', async () => {
    const axis = lab.cameras.find((c) => c.id === 'axis')!;
    const late = lab.cameras.find((c) => c.id === 'late')!;
    const { done } = await captureInTech(lab, { types: '', waitMs: 1500, listen: true });
    await lab.sim.stopCamera('axis');
    await lab.sim.startCamera('late');
    const heard = (await done).datagrams.filter((d) => d.channel === 'multicast');
    expect(heard.find((d) => d.from === axis.ip)?.text).toMatch(/discovery\/Bye<[\s\S]*uuid:/);
    const hello = heard.find((d) => d.from === late.ip)?.text ?? '';
    expect(hello).toContain('discovery/Hello<');
    expect(hello).toContain(`http://${late.ip}:8899/onvif/device_service`);
    const after = unicastFrom((await probeFromTech(lab, 'nvt')).datagrams);
    expect(after.has(axis.ip)).toBe(false);
    expect(after.has(late.ip)).toBe(true);
    await lab.sim.startCamera('axis');
  });

  it('a camera plugged in after the scan appears via Hello, from its own namespace and MAC', async () => {
    const { done } = await captureInTech(lab, { types: '', waitMs: 1500, listen: true });
    const cam = await lab.sim.addCamera({ id: 'plugged', profile: 'hikvision' });
    const hello = (await done).datagrams.find((d) => d.from === cam.ip);
    expect(hello?.text).toContain(`MAC/${cam.mac}`);
    expect(cam.ns).not.toBe(lab.cameras[0]?.ns);
    await probeFromTech(lab, 'nvt', 800);
    const row = (await readProcNetArp(lab.techNs)).find((r) => r.ip === cam.ip);
    expect(row?.mac).toBe(await readLinkMac(cam.ns, cam.iface));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, type Lab } from '../../lab/lab.js';
import { scanInTech, interfacesInTech, sourcesOf, type ScanJson } from '../../lab/scan-cli.js';
import { addIdleVpn, addSecondSubnet, type SecondSubnet } from '../../lab/second-subnet.js';
import type { NetInterface } from '../../../shared/net.js';

// Issue #10, lab: the technicians' top complaint — "nothing found on a laptop with several interfaces or a VPN".
// The technician has lab0 (198.18.0.0/16), lab1 (198.19.0.0/17, a second camera subnet) and tun0, an idle VPN
// adapter. A scan without --interface must find both subnets, each camera on the interface it lives behind.
const skip = announceSkip('a technician with three interfaces');

describe.skipIf(skip)('a technician with two camera subnets and an idle VPN adapter', () => {
  let lab: Lab;
  let second: SecondSubnet;
  let vpn: string;
  let out: ScanJson;
  let listed: NetInterface[];

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cf3i',
      cameras: [
        { id: 'a-axis', profile: 'axis' },
        { id: 'a-hik', profile: 'hikvision' },
        { id: 'a-dahua', profile: 'dahua' },
      ],
    });
    second = await addSecondSubnet(lab, [
      { id: 'b-axis', profile: 'axis' },
      { id: 'b-reolink', profile: 'reolink' },
      { id: 'b-oem', profile: 'soap11-oem' },
    ]);
    vpn = await addIdleVpn(lab);
    listed = await interfacesInTech(lab);
    out = await scanInTech(lab, ['--protocols', 'wsd,ssdp,mdns', '--timeout', '3000']);
  });
  afterAll(async () => {
    await lab?.destroy();
  });

  it('lists all three interfaces and labels the VPN adapter as virtual, the camera subnets not', () => {
    const byName = new Map(listed.map((i) => [i.name, i]));
    expect([...byName.keys()].sort()).toEqual(expect.arrayContaining([lab.techIface, second.iface, vpn].sort()));
    expect(byName.get(vpn)?.virtual).toBe(true);
    expect(byName.get(lab.techIface)?.virtual ?? false).toBe(false);
    expect(byName.get(second.iface)?.virtual ?? false).toBe(false);
  });

  it('probes every interface, the idle VPN one included, and counts per interface', () => {
    const names = out.diagnostics.interfaces.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining([lab.techIface, second.iface]));
    // Issue #10: virtual and VPN adapters are probed like any other, only labelled.
    expect(names).toContain(vpn);
    expect(out.diagnostics.perInterface?.find((r) => r.interface === vpn && r.protocol === 'wsd')?.packetsSent).toBeGreaterThan(0);
    for (const iface of [lab.techIface, second.iface]) {
      const wsd = out.diagnostics.perInterface?.find((r) => r.interface === iface && r.protocol === 'wsd');
      expect(wsd?.packetsSent, iface).toBeGreaterThan(0);
      expect(wsd?.devices, iface).toBe(3);
    }
  });

  it('finds the cameras of both subnets, each once, on its own interface, with its own MAC', () => {
    const expected = [
      ...lab.cameras.map((c) => ({ cam: c, iface: lab.techIface })),
      ...second.cameras.map((c) => ({ cam: c, iface: second.iface })),
    ];
    for (const { cam, iface } of expected) {
      const rows = out.devices.filter((d) => d.ip === cam.ip);
      expect(rows, `${cam.id} at ${cam.ip}`).toHaveLength(1);
      expect(rows[0], cam.id).toMatchObject({ mac: cam.mac, interface: iface, isCamera: true });
      expect(sourcesOf(rows[0]), cam.id).toContain('wsd');
    }
    expect(out.devices.filter((d) => d.isCamera)).toHaveLength(expected.length);
    expect(out.devices.some((d) => d.interface === vpn)).toBe(false);
  });
});

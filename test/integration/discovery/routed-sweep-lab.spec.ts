import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, type Lab } from '../../lab/lab.js';
import { addRoutedSubnet, type RoutedSubnet } from '../../lab/routed-subnet.js';
import { scanInTech, type ScanJson } from '../../lab/scan-cli.js';

// Issue #10, lab: cameras on 198.19.1.x behind a router namespace. Multicast does not cross the router, so only
// the unicast sweep finds them; ARP for them gives the router's MAC, which must never become a camera's MAC.
const skip = announceSkip('routed subnet found only by the sweep');
const SWEEP = '198.19.1.0/24';

describe.skipIf(skip)('a routed subnet behind a router namespace', () => {
  let lab: Lab;
  let routed: RoutedSubnet;
  let withSweep: ScanJson;
  let without: ScanJson;

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cfrs',
      cameras: [
        { id: 'local1', profile: 'axis' },
        { id: 'local2', profile: 'dahua' },
      ],
    });
    routed = await addRoutedSubnet(lab, [
      { id: 'r-axis', profile: 'axis' },
      { id: 'r-hik', profile: 'hikvision' },
      { id: 'r-dahua', profile: 'dahua' },
      { id: 'r-reolink', profile: 'reolink' },
    ]);
    // Both runs route traffic to 198.19.x through the router, so the tech's neighbour table holds its MAC.
    without = await scanInTech(lab, ['--protocols', 'wsd,ssdp,mdns', '--timeout', '3000', '--interface', lab.techIface]);
    withSweep = await scanInTech(lab, [
      '--protocols',
      'wsd,ssdp,mdns',
      '--sweep',
      SWEEP,
      '--timeout',
      '3000',
      '--interface',
      lab.techIface,
    ]);
  });
  afterAll(async () => {
    await lab?.destroy();
  });

  it('without --sweep the routed cameras are not found (multicast stays on the local subnet)', () => {
    for (const cam of routed.cameras)
      expect(
        without.devices.find((d) => d.ip === cam.ip),
        cam.id,
      ).toBeUndefined();
    for (const cam of lab.cameras) expect(without.devices.find((d) => d.ip === cam.ip)?.mac, cam.id).toBe(cam.mac);
  });

  it('with --sweep each routed camera is found once, by the sweep, off-subnet, never with the router’s MAC', () => {
    for (const cam of routed.cameras) {
      const rows = withSweep.devices.filter((d) => d.ip === cam.ip);
      expect(rows, `${cam.id} at ${cam.ip}`).toHaveLength(1);
      const d = rows[0]!;
      expect(d.sources, cam.id).toEqual(['sweep']);
      expect(d.isCamera, cam.id).toBe(true);
      expect(d.offSubnet, cam.id).toBe(true);
      expect(d.mac, `${cam.id} must not carry the router's MAC ${routed.routerMac}`).not.toBe(routed.routerMac);
      expect(
        (d.facts.mac ?? []).some((f) => f.value === routed.routerMac),
        `${cam.id} MAC facts`,
      ).toBe(false);
      expect(d.facts.mac?.some((f) => f.source === 'arp') ?? false, cam.id).toBe(false);
      // Hikvision writes its MAC into its WS-Discovery answer: that one is known without ARP.
      if (cam.profile === 'hikvision') expect(d.mac, cam.id).toBe(cam.mac);
      else expect(d.mac === null || d.mac === cam.mac, `${cam.id} MAC ${d.mac}`).toBe(true);
    }
    expect(withSweep.devices.some((d) => d.mac === routed.routerMac)).toBe(false);
  });

  it('the sweep run still finds the local cameras by multicast with their ARP MACs, and reports the sweep', () => {
    for (const cam of lab.cameras) {
      const d = withSweep.devices.find((x) => x.ip === cam.ip);
      expect(d?.mac, cam.id).toBe(cam.mac);
      expect(d?.offSubnet ?? false, cam.id).toBe(false);
    }
    expect(withSweep.diagnostics.sweep).toMatchObject({ cidrs: [SWEEP], cancelled: false });
    expect(withSweep.diagnostics.sweep?.addresses).toBeGreaterThanOrEqual(254);
    expect(withSweep.diagnostics.sweep?.answered).toBeGreaterThanOrEqual(routed.cameras.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, type CameraSpec, type Lab } from '../../lab/lab.js';
import { scanInTech, sourcesOf, type ScanJson } from '../../lab/scan-cli.js';
import type { ProfileName } from '../../sim/profiles.js';

// Issue #10, lab: 50 cameras of mixed vendor profiles on one subnet, each speaking the protocols its vendor
// speaks (test/sim/profiles): the real CLI, in the technician namespace, scans with WS-Discovery, SSDP and mDNS.
const skip = announceSkip('discovery over WS-Discovery, SSDP and mDNS (50 mixed cameras)');

/** What each profile speaks, from the discovery reference (§3–§4) as the simulators implement it. */
const SPEAKS: Partial<Record<ProfileName, string[]>> = {
  axis: ['mdns', 'ssdp', 'wsd'],
  hikvision: ['mdns', 'wsd'],
  dahua: ['ssdp', 'wsd'],
  reolink: ['wsd'],
  'soap11-oem': ['mdns', 'wsd'],
};
const mixed = Object.keys(SPEAKS) as ProfileName[];
const cameras: CameraSpec[] = Array.from({ length: 50 }, (_, i) => ({ id: `cam${i + 1}`, profile: mixed[i % mixed.length]! }));

describe.skipIf(skip)('50 cameras of mixed profiles, scanned with wsd,ssdp,mdns', () => {
  let lab: Lab;
  let out: ScanJson;

  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfmx', cameras, camerasPerNamespace: 25 });
    out = await scanInTech(lab, ['--protocols', 'wsd,ssdp,mdns', '--timeout', '4000', '--interface', lab.techIface]);
  });
  afterAll(async () => {
    await lab?.destroy();
  });

  it('finds each camera exactly once, with every protocol its profile speaks and the MAC of its interface', () => {
    const missing: string[] = [];
    for (const cam of lab.cameras) {
      const rows = out.devices.filter((d) => d.ip === cam.ip || d.mac === cam.mac);
      if (rows.length === 0) {
        missing.push(`${cam.id} (${cam.profile})`);
        continue;
      }
      expect(rows, `${cam.id} (${cam.profile}) at ${cam.ip} must be one row`).toHaveLength(1);
      const d = rows[0]!;
      expect(d.ip, cam.id).toBe(cam.ip);
      expect(d.mac, `${cam.id} (${cam.profile}) MAC`).toBe(cam.mac);
      expect(d.isCamera, cam.id).toBe(true);
      expect(sourcesOf(d), `${cam.id} (${cam.profile}) sources`).toEqual(SPEAKS[cam.profile]);
      expect(d.conflicts, `${cam.id} conflicts`).not.toContain('mac');
    }
    expect(missing, 'cameras not found').toEqual([]);
    expect(out.devices.filter((d) => d.isCamera)).toHaveLength(50);
  });

  it('Axis: the MAC also comes from its mDNS TXT record and its UPnP serialNumber, and agrees with ARP', () => {
    for (const cam of lab.cameras.filter((c) => c.profile === 'axis')) {
      const d = out.devices.find((x) => x.ip === cam.ip)!;
      const macSources = (d.facts.mac ?? []).map((f) => f.source);
      expect(macSources, cam.id).toEqual(expect.arrayContaining(['arp', 'mdns-txt']));
      expect(
        (d.facts.mac ?? []).every((f) => f.value === cam.mac),
        `${cam.id}: all MAC facts agree`,
      ).toBe(true);
      expect(d.manufacturer ?? d.vendor, cam.id).toMatch(/axis/i);
    }
  });

  it('reports per interface and protocol what went out and what came back', () => {
    const rows = out.diagnostics.perInterface ?? [];
    for (const protocol of ['wsd', 'ssdp', 'mdns'] as const) {
      const row = rows.find((r) => r.interface === lab.techIface && r.protocol === protocol);
      expect(row, `diagnostics for ${protocol}`).toBeDefined();
      expect(row!.packetsSent, protocol).toBeGreaterThan(0);
      expect(row!.replies, protocol).toBeGreaterThan(0);
    }
    expect(out.diagnostics.ssdp?.descriptionsFetched).toBeGreaterThanOrEqual(20);
  });
});

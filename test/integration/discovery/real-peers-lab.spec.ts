import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, type Lab } from '../../lab/lab.js';
import { missingPeers, startAvahi, startMinidlna, startWsdd, type Peer } from '../../lab/peers.js';
import { scanInTech, sourcesOf, type ScanJson } from '../../lab/scan-cli.js';
import { probeFromTech, ssdpMdnsFromTech } from '../../lab/tech-probe.js';

// Issue #10, lab: real daemons from Debian beside two simulated cameras — avahi-daemon publishing an Axis
// `_axis-video._tcp` service from a static service file, minidlna (a UPnP MediaServer) and wsdd (a PC's
// WS-Discovery responder). Each runs in a namespace of its own (test/lab/peers.ts). .ci/run installs them.
const skip = announceSkip('real avahi-daemon, minidlna and wsdd peers', { missing: missingPeers(['avahi', 'minidlna', 'wsdd']) });

const AVAHI_MAC = '00:40:8c:7a:00:01';
const AVAHI_INSTANCE = 'AXIS M3045-V - 00408C7A0001';

describe.skipIf(skip)('real LAN peers: avahi (Axis mDNS service), minidlna, wsdd', () => {
  let lab: Lab;
  const peers: Partial<Record<Peer['name'], Peer>> = {};
  let out: ScanJson;

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cfpr',
      cameras: [
        { id: 'cam1', profile: 'hikvision' },
        { id: 'cam2', profile: 'dahua' },
      ],
    });
    peers.avahi = await startAvahi(lab, { mac: AVAHI_MAC, instance: AVAHI_INSTANCE });
    peers.minidlna = await startMinidlna(lab, { mac: '02:cf:00:00:00:02', friendlyName: 'Lab NAS' });
    peers.wsdd = await startWsdd(lab, { mac: '02:cf:00:00:00:03', hostname: 'LABPC' });
  });
  afterAll(async () => {
    for (const p of Object.values(peers)) await p?.stop();
    await lab?.destroy();
  });

  it('the daemons really answer on the lab wire (a raw client, not the app)', async () => {
    const lines = await (await ssdpMdnsFromTech(lab, { st: ['ssdp:all'], mdns: ['_axis-video._tcp'], waitMs: 2500 })).done;
    const fromAvahi = lines.filter((l) => l.proto === 'mdns' && l.from === peers.avahi!.ip);
    expect(JSON.stringify(fromAvahi), `avahi log: ${peers.avahi!.log()}`).toContain('macaddress=00408C7A0001');
    const fromDlna = lines.filter((l) => l.proto === 'ssdp' && l.from === peers.minidlna!.ip);
    expect(JSON.stringify(fromDlna)).toContain('urn:schemas-upnp-org:device:MediaServer:1');
    // wsdd answers probes for wsdp:Device only; its Hello went out at start. Here: it stays up under a probe.
    await probeFromTech(lab, 'nvt', 800);
    expect(process.kill(peers.wsdd!.pid, 0)).toBe(true);
  });

  it('the app scans next to them: avahi’s Axis service is a camera with the MAC from its TXT record', async () => {
    out = await scanInTech(lab, ['--protocols', 'wsd,ssdp,mdns', '--timeout', '4000', '--interface', lab.techIface]);
    const rows = out.devices.filter((d) => d.ip === peers.avahi!.ip);
    expect(rows).toHaveLength(1);
    const d = rows[0]!;
    expect(d.isCamera).toBe(true);
    expect(d.sources).toContain('mdns');
    expect(d.mac).toBe(AVAHI_MAC);
    expect((d.facts.mac ?? []).some((f) => f.source === 'mdns-txt' && f.value === AVAHI_MAC)).toBe(true);
  });

  it('minidlna is parsed from its description and listed under all devices, not as a camera', () => {
    const rows = out.devices.filter((d) => d.ip === peers.minidlna!.ip);
    expect(rows).toHaveLength(1);
    const d = rows[0]!;
    expect(d.isCamera).toBe(false);
    expect(sourcesOf(d)).toContain('ssdp');
    expect(d.name).toBe('Lab NAS');
    expect(d.manufacturer).toBe('Justin Maggard');
  });

  it('wsdd is not a camera and breaks nothing: the simulated cameras are still found with their MACs', () => {
    const pc = out.devices.filter((d) => d.ip === peers.wsdd!.ip);
    expect(pc.every((d) => !d.isCamera)).toBe(true);
    for (const cam of lab.cameras) {
      const d = out.devices.find((x) => x.ip === cam.ip);
      expect(d, cam.id).toMatchObject({ mac: cam.mac, isCamera: true });
    }
    expect(
      out.devices
        .filter((d) => d.isCamera)
        .map((d) => d.ip)
        .sort(),
    ).toEqual([peers.avahi!.ip, ...lab.cameras.map((c) => c.ip)].sort());
  });
});

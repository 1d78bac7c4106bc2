import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, type Lab, type LabCamera } from '../../lab/lab.js';
import { ssdpMdnsFromTech, type SsdpMdnsLine } from '../../lab/tech-probe.js';

// The simulators themselves on the wire, seen by a raw client in the technician namespace (not the app): each
// profile answers SSDP and mDNS the way the vendor does, or not at all; announcements follow start/stop.
const skip = announceSkip('simulator SSDP and mDNS in the lab', { needsBuild: false });
const PTR = 12;
const TXT = 16;

type Ssdp = Extract<SsdpMdnsLine, { proto: 'ssdp' }>;
type Mdns = Extract<SsdpMdnsLine, { proto: 'mdns' }>;
const ssdpFrom = (lines: SsdpMdnsLine[], ip: string) => lines.filter((l): l is Ssdp => l.proto === 'ssdp' && l.from === ip);
const mdnsFrom = (lines: SsdpMdnsLine[], ip: string) => lines.filter((l): l is Mdns => l.proto === 'mdns' && l.from === ip);
const hex12 = (mac: string) => mac.replaceAll(':', '').toUpperCase();

describe.skipIf(skip)('simulator SSDP and mDNS in the lab (one camera per vendor profile, two per namespace)', () => {
  let lab: Lab;
  const cam = (id: string): LabCamera => lab.cameras.find((c) => c.id === id)!;

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cfsp',
      camerasPerNamespace: 2,
      cameras: [
        { id: 'axis', profile: 'axis' },
        { id: 'hik', profile: 'hikvision' },
        { id: 'dahua', profile: 'dahua' },
        { id: 'reolink', profile: 'reolink' },
        { id: 'oem', profile: 'soap11-oem' },
        { id: 'pc', profile: 'windows-pc' },
        { id: 'late', profile: 'axis', stopped: true },
      ],
    });
  });
  afterAll(async () => {
    await lab?.destroy();
  });

  it('M-SEARCH ssdp:all: Axis and Dahua answer from their own IP with a LOCATION there; the others stay silent', async () => {
    const lines = await (await ssdpMdnsFromTech(lab, { st: ['ssdp:all'], fetch: true })).done;
    const axis = ssdpFrom(lines, cam('axis').ip);
    expect(axis.map((l) => l.headers.ST).sort()).toEqual(
      [
        'upnp:rootdevice',
        `uuid:Upnp-BasicDevice-1_0-${hex12(cam('axis').mac)}`,
        'urn:schemas-upnp-org:device:Basic:1',
        'urn:axis-com:service:BasicService:1',
      ].sort(),
    );
    expect(axis[0]?.headers.LOCATION).toBe(`http://${cam('axis').ip}:49152/rootdesc1.xml`);
    expect(axis[0]?.start).toBe('HTTP/1.1 200 OK');
    const dahua = ssdpFrom(lines, cam('dahua').ip);
    expect(dahua.length).toBeGreaterThan(0);
    expect(dahua[0]?.headers.SERVER).toContain('ZheJiang Dahua');
    expect(dahua[0]?.headers['X-USER-AGENT']).toBe('redsonic');
    for (const id of ['hik', 'reolink', 'oem', 'pc', 'late']) expect(ssdpFrom(lines, cam(id).ip), id).toEqual([]);

    const desc = lines.filter((l): l is Extract<SsdpMdnsLine, { proto: 'upnp' }> => l.proto === 'upnp');
    const axisXml = desc.find((d) => d.location.includes(cam('axis').ip))?.xml ?? '';
    expect(axisXml).toContain(`<serialNumber>${hex12(cam('axis').mac)}</serialNumber>`);
    expect(axisXml).toContain('<manufacturer>AXIS</manufacturer>');
    const dahuaXml = desc.find((d) => d.location.includes(cam('dahua').ip))?.xml ?? '';
    expect(dahuaXml).toContain(`<UDN>uuid:www.dahuatech.com.device_3_0-SN${hex12(cam('dahua').mac)}</UDN>`);
  });

  it('mDNS: Axis answers _axis-video with its MAC in TXT, Hikvision _CGI/_psia, the OEM _rtsp/_onvif; no one else', async () => {
    const types = ['_axis-video._tcp', '_CGI._tcp', '_psia._tcp', '_rtsp._tcp', '_onvif._tcp', '_hap._tcp'];
    const lines = await (await ssdpMdnsFromTech(lab, { mdns: types, waitMs: 1500 })).done;
    const recs = (id: string) => mdnsFrom(lines, cam(id).ip).flatMap((l) => l.records);
    const ptrs = (id: string) =>
      [
        ...new Set(
          recs(id)
            .filter((r) => r.type === PTR)
            .map((r) => r.name),
        ),
      ].sort();
    expect(ptrs('axis')).toEqual(['_axis-video._tcp.local']);
    expect(recs('axis').find((r) => r.type === TXT)?.data).toEqual([`macaddress=${hex12(cam('axis').mac)}`]);
    expect(ptrs('hik')).toEqual(['_CGI._tcp.local', '_psia._tcp.local']);
    expect(ptrs('oem')).toEqual(['_onvif._tcp.local', '_rtsp._tcp.local']);
    for (const id of ['dahua', 'reolink', 'pc', 'late']) expect(recs(id), id).toEqual([]);
  });

  it('a camera that starts announces itself (NOTIFY alive, mDNS announcement); one that stops says goodbye', async () => {
    const capture = await ssdpMdnsFromTech(lab, { listen: true, waitMs: 2500 });
    await lab.sim.startCamera('late');
    await lab.sim.stopCamera('late');
    const lines = await capture.done;
    const late = cam('late');
    const notifies = ssdpFrom(lines, late.ip).filter((l) => l.start === 'NOTIFY * HTTP/1.1');
    expect(notifies.filter((l) => l.headers.NTS === 'ssdp:alive').length).toBe(4);
    expect(notifies.filter((l) => l.headers.NTS === 'ssdp:byebye').length).toBe(4);
    const announcements = mdnsFrom(lines, late.ip);
    expect(announcements.some((l) => l.records.some((r) => r.type === TXT && r.ttl > 0))).toBe(true);
    expect(announcements.some((l) => l.records.every((r) => r.ttl === 0))).toBe(true);
  });
});

/**
 * The discovery wiring (issue #10): the real WS-Discovery, SSDP, mDNS and sweep sources inside the core, on fake
 * UDP sockets, a fake HTTP port and the manual clock. Nothing here touches a network.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core.js';
import { SCAN_RECEIVE_BUFFER_BYTES } from '../../../../electron/core/discovery/receive-buffer.js';
import type { NeighbourEntry, UdpSocketOptions } from '../../../../electron/platform/ports.js';
import type { EventPayload } from '../../../../shared/contract.js';
import { deviceSchema } from '../../../../shared/device.js';
import type { NetInterface } from '../../../../shared/net.js';
import { FakeNeighbours, fakePorts } from '../../../support/fake-ports.js';
import { FakeClock, FakeUdp, flush, type FakeSocket } from '../../../support/fake-udp.js';
import { encodeResponse, mdnsFixture } from './discovery/mdns/packets.js';
import { FakeHttp, ssdpText, upnpText } from './discovery/ssdp/fixtures.js';

const lab0: NetInterface = { name: 'lab0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null };
const lab1: NetInterface = { name: 'lab1', address: '10.77.0.2', netmask: '255.255.255.0', cidr: '10.77.0.2/24', mac: null };
const tun0: NetInterface = { name: 'tun0', address: '10.8.0.6', netmask: '255.255.255.0', cidr: '10.8.0.6/24', mac: null };

const AXIS_IP = '198.18.0.21';
const AXIS_MAC = '00:40:8c:1a:2b:3c';
/** The Axis ProbeMatches fixture, its endpoint UUID carrying the same MAC as the SSDP and mDNS fixtures. */
const axisProbeMatches = readFileSync(new URL('../../../fixtures/wsd/axis-probe-matches.xml', import.meta.url), 'utf8').replaceAll(
  'ACCC8E0A1B2C',
  '00408C1A2B3C',
);

function setup(options: { interfaces?: NetInterface[]; neighbours?: NeighbourEntry[]; tcpOpen?: (ip: string) => boolean } = {}) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const http = new FakeHttp();
  const neighbours = new FakeNeighbours(options.neighbours ?? []);
  // Read at call time, so a test can wrap the factory after setup.
  const ports = { ...fakePorts(clock, neighbours, options.interfaces ?? [lab0]), udp: (o?: UdpSocketOptions) => udp.factory(o), http };
  const tcpConnect = async (ip: string) => options.tcpOpen?.(ip) ?? false;
  const core = createCore(ports, { discovery: { tcpConnect } });
  const finished: EventPayload<'scan-finished'>[] = [];
  const progress: EventPayload<'scan-progress'>[] = [];
  core.on('scan-finished', (e) => finished.push(e));
  core.on('scan-progress', (e) => progress.push(e));
  /** The scan's socket on this interface address that sends to `port` (3702 WSD, 1900 SSDP, 5353 mDNS). */
  const socketFor = (address: string, port: number): FakeSocket => {
    const found = udp.sockets.find((s) => s.boundTo?.address === address && s.sends.some((x) => x.port === port));
    if (!found) throw new Error(`no socket on ${address} sending to ${port}`);
    return found;
  };
  const devices = async () => {
    const listed = await core['devices.list']({});
    if (!listed.ok) throw new Error(listed.message);
    return listed.value.devices;
  };
  return { clock, udp, http, core, finished, progress, socketFor, devices };
}

describe('wire-discovery: protocol selection', () => {
  it('runs all three multicast protocols by default, each with its own socket per interface', async () => {
    const { clock, udp, core, finished } = setup({ interfaces: [lab0, lab1] });
    expect((await core['scan.start']({ timeoutMs: 1000 })).ok).toBe(true);
    await clock.advance(3000);
    expect(finished).toHaveLength(1);
    const portsFrom = (address: string) =>
      new Set(udp.sockets.filter((s) => s.boundTo?.address === address).flatMap((s) => s.sends.map((x) => x.port)));
    expect(portsFrom('198.18.0.2')).toEqual(new Set([3702, 1900, 5353]));
    expect(portsFrom('10.77.0.2')).toEqual(new Set([3702, 1900, 5353]));
    // One socket per protocol and interface: no socket sends for two protocols or from two interfaces.
    for (const socket of udp.sockets.filter((s) => s.sends.length > 0)) expect(new Set(socket.sends.map((x) => x.port)).size).toBe(1);
    expect(finished[0]!.diagnostics.sweep).toBeNull();
  });

  it('with --protocols ssdp sends only SSDP searches, and lists only SSDP rows', async () => {
    const { clock, udp, core, finished } = setup();
    expect((await core['scan.start']({ timeoutMs: 1000, protocols: ['ssdp'] })).ok).toBe(true);
    await clock.advance(3000);
    const sent = udp.sockets.flatMap((s) => s.sends);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((x) => `${x.address}:${x.port}`))).toEqual(new Set(['239.255.255.250:1900']));
    expect(finished[0]!.diagnostics.perInterface?.map((r) => [r.interface, r.protocol])).toEqual([['lab0', 'ssdp']]);
  });
});

describe('wire-discovery: receive buffers', () => {
  it('every SSDP and mDNS scan socket asks for a 4 MiB kernel receive buffer (250 cameras answer in a burst)', async () => {
    const { clock, udp, core } = setup();
    const asked = new Map<FakeSocket, number>();
    const factory = udp.factory;
    udp.factory = (options) => {
      const socket = factory(options) as FakeSocket & { setRecvBufferSize(bytes: number): void };
      socket.setRecvBufferSize = (bytes) => void asked.set(socket, bytes);
      return socket;
    };
    expect((await core['scan.start']({ timeoutMs: 1000, protocols: ['ssdp', 'mdns'] })).ok).toBe(true);
    await clock.advance(3000);
    const senders = udp.sockets.filter((s) => s.sends.length > 0);
    expect(senders).toHaveLength(2);
    for (const socket of senders) expect(asked.get(socket)).toBe(SCAN_RECEIVE_BUFFER_BYTES);
    expect(SCAN_RECEIVE_BUFFER_BYTES).toBe(4 * 1024 * 1024);
  });
});

describe('wire-discovery: the sweep', () => {
  it('refuses a range larger than /16 without confirmLarge, with a sentence, and sends nothing', async () => {
    const { udp, core } = setup();
    const refused = await core['scan.start']({ sweep: { cidrs: ['10.0.0.0/15'] } });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-args' });
    expect(!refused.ok && refused.message).toMatch(/10\.0\.0\.0\/15 holds 131,070 addresses; ranges larger than \/16 need confirmation/);
    expect(udp.sockets).toEqual([]);
    expect(await core['scan.start']({ sweep: { cidrs: ['127.0.0.0/24'] } })).toMatchObject({ ok: false, code: 'invalid-args' });
    expect(await core['scan.status']({})).toMatchObject({ ok: true, value: { running: false, last: null } });
  });

  it('a confirmed large sweep reports progress and scan.stop cancels it; the diagnostics say how far it got', async () => {
    const { clock, core, finished, progress } = setup();
    const started = await core['scan.start']({ timeoutMs: 500, protocols: ['wsd'], sweep: { cidrs: ['10.0.0.0/15'], confirmLarge: true } });
    expect(started.ok).toBe(true);
    await clock.advance(2000);
    const last = progress.at(-1)!;
    expect(last.sweep?.total).toBe(131_070);
    expect(last.sweep!.done).toBeGreaterThan(0);
    expect(last.sweep!.done).toBeLessThan(131_070);
    const stopping = core['scan.stop']({});
    await clock.advance(2000);
    expect(await stopping).toMatchObject({ ok: true, value: { stopped: true } });
    const d = finished[0]!.diagnostics;
    expect(finished[0]!.reason).toBe('stopped');
    expect(d.sweep).toMatchObject({ cidrs: ['10.0.0.0/15'], addresses: 131_070, cancelled: true });
    expect(d.sweep!.probed).toBeLessThan(131_070);
    expect(d.hints?.some((h) => h.startsWith(`The sweep was stopped after ${d.sweep!.probed} of 131070 addresses`))).toBe(true);
  });

  it('a routed camera found only by the sweep is off-subnet and never gets the ARP (router) MAC', async () => {
    const ROUTER_MAC = '02:00:00:00:aa:01';
    const neighbours = [
      // What a proxy-ARP router or a stale table can show: the router's MAC for the routed camera's IP.
      { ip: '198.19.0.40', mac: ROUTER_MAC, interface: 'lab0' },
      { ip: '198.18.0.1', mac: ROUTER_MAC, interface: 'lab0' },
    ];
    const { clock, core, finished, devices } = setup({ neighbours, tcpOpen: (ip) => ip === '198.19.0.40' });
    expect((await core['scan.start']({ timeoutMs: 500, protocols: ['wsd'], sweep: { cidrs: ['198.19.0.32/28'] } })).ok).toBe(true);
    await clock.advance(10_000);
    expect(finished[0]!.diagnostics.sweep).toEqual({ cidrs: ['198.19.0.32/28'], addresses: 14, probed: 14, answered: 1, cancelled: false });
    const [camera] = await devices();
    expect(camera).toMatchObject({ ip: '198.19.0.40', offSubnet: true, mac: null, macSource: null, sources: ['sweep'], isCamera: true });
    expect(camera!.facts.mac).toBeUndefined();
    expect(deviceSchema.parse(camera)).toEqual(camera);
  });

  it('asks the technician-chosen HTTP ports for the ONVIF fallback', async () => {
    const { clock, http, core } = setup();
    expect((await core['scan.start']({ timeoutMs: 500, protocols: ['wsd'], sweep: { cidrs: ['198.18.9.7/32'], ports: [8081] } })).ok).toBe(
      true,
    );
    await clock.advance(5000);
    expect(http.requests.map((r) => r.url)).toEqual(['http://198.18.9.7:8081/onvif/device_service']);
  });
});

describe('wire-discovery: one camera, three protocols', () => {
  it('the same Axis camera seen by WS-Discovery, SSDP and mDNS is one row listing all three sources', async () => {
    const { clock, http, core, socketFor, devices, finished } = setup({
      neighbours: [{ ip: AXIS_IP, mac: AXIS_MAC, interface: 'lab0' }],
    });
    http.routes.set(`http://${AXIS_IP}:49152/rootdesc1.xml`, upnpText('axis-description.xml'));
    expect((await core['scan.start']({ timeoutMs: 2000 })).ok).toBe(true);
    await flush();
    socketFor('198.18.0.2', 3702).deliver(axisProbeMatches, AXIS_IP, 3702);
    socketFor('198.18.0.2', 1900).deliver(ssdpText('axis-response.txt'), AXIS_IP, 1900);
    socketFor('198.18.0.2', 5353).deliver(encodeResponse(mdnsFixture('axis-video.json')), AXIS_IP, 5353);
    await clock.advance(5000);
    const list = await devices();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ ip: AXIS_IP, mac: AXIS_MAC, macSource: 'arp', sources: ['mdns', 'ssdp', 'wsd'], conflicts: [] });
    expect(list[0]!.offSubnet).toBeUndefined();
    expect(new Set(list[0]!.facts.mac?.map((f) => f.source))).toEqual(new Set(['arp', 'upnp', 'mdns-txt', 'uuid-suffix']));
    expect(finished[0]!.diagnostics.ssdp).toEqual({ descriptionsFetched: 1, locationsRefused: 0 });
  });

  it('two MACs for one camera are flagged with both values and where each came from', async () => {
    const { clock, http, core, socketFor, devices } = setup({ neighbours: [{ ip: AXIS_IP, mac: '00:40:8c:99:99:99', interface: 'lab0' }] });
    http.routes.set(`http://${AXIS_IP}:49152/rootdesc1.xml`, upnpText('axis-description.xml'));
    expect((await core['scan.start']({ timeoutMs: 2000, protocols: ['ssdp', 'mdns'] })).ok).toBe(true);
    await flush();
    socketFor('198.18.0.2', 1900).deliver(ssdpText('axis-response.txt'), AXIS_IP, 1900);
    socketFor('198.18.0.2', 5353).deliver(encodeResponse(mdnsFixture('axis-video.json')), AXIS_IP, 5353);
    await clock.advance(5000);
    const [camera, ...rest] = await devices();
    expect(rest).toEqual([]);
    expect(camera!.conflicts).toEqual(['mac']);
    expect(camera!.facts.mac?.map((f) => [f.value, f.source]).sort()).toEqual([
      ['00:40:8c:1a:2b:3c', 'mdns-txt'],
      ['00:40:8c:1a:2b:3c', 'upnp'],
      ['00:40:8c:99:99:99', 'arp'],
    ]);
  });
});

describe("wire-discovery: a scan's protocol choice also governs the listeners", () => {
  const MINIDLNA_IP = '198.18.0.30';
  /** The always-on listener of a protocol: one socket on 0.0.0.0 bound to its well-known port. */
  const listenerOn = (udp: FakeUdp, port: number): FakeSocket => {
    const found = udp.sockets.find((s) => s.boundTo?.port === port && s.boundTo.address === '0.0.0.0' && !s.closed);
    if (!found) throw new Error(`no listener on ${port}`);
    return found;
  };

  it('during a --protocols wsd scan, SSDP NOTIFY and mDNS announcements are not reported; after it they are', async () => {
    const { clock, udp, http, core, socketFor, devices, finished } = setup({
      neighbours: [{ ip: AXIS_IP, mac: AXIS_MAC, interface: 'lab0' }],
    });
    http.routes.set(`http://${MINIDLNA_IP}:8200/rootDesc.xml`, upnpText('minidlna-description.xml'));
    await core.start();
    expect((await core['scan.start']({ timeoutMs: 2000, protocols: ['wsd'] })).ok).toBe(true);
    await flush();
    socketFor('198.18.0.2', 3702).deliver(axisProbeMatches, AXIS_IP, 3702);
    // The same Axis camera announcing itself over mDNS, and a media server's NOTIFY, while the scan runs.
    listenerOn(udp, 5353).deliver(encodeResponse(mdnsFixture('axis-video.json')), AXIS_IP, 5353);
    listenerOn(udp, 1900).deliver(ssdpText('minidlna-notify-alive.txt'), MINIDLNA_IP, 1900);
    await clock.advance(5000);
    expect(finished).toHaveLength(1);
    const during = await devices();
    expect(during.map((d) => [d.ip, d.sources])).toEqual([[AXIS_IP, ['wsd']]]);
    expect(during[0]!.facts.mac?.some((f) => f.source === 'mdns-txt')).toBe(false);
    // Nothing heard on a protocol the scan did not choose is acted on: no UPnP description fetched.
    expect(http.requests).toEqual([]);

    // Between scans the app's listeners report as before (documented in discovery/README.md).
    listenerOn(udp, 1900).deliver(ssdpText('minidlna-notify-alive.txt'), MINIDLNA_IP, 1900);
    listenerOn(udp, 5353).deliver(encodeResponse(mdnsFixture('axis-video.json')), AXIS_IP, 5353);
    await clock.advance(1000);
    const after = await devices();
    expect(after.find((d) => d.ip === AXIS_IP)?.sources).toEqual(['mdns', 'wsd']);
    expect(after.find((d) => d.ip === MINIDLNA_IP)?.sources).toEqual(['ssdp']);
    await core.close();
  });

  it('during a --protocols ssdp scan, a WS-Discovery Hello is dropped and not confirmed; after it, a Hello counts', async () => {
    const { clock, udp, core, devices } = setup();
    const hello = (n: number) =>
      readFileSync(new URL('../../../fixtures/wsd/camera-hello.xml', import.meta.url), 'utf8').replace(
        'MessageNumber="1"',
        `MessageNumber="${n}"`,
      );
    const HELLO_IP = '198.18.0.41';
    await core.start();
    expect((await core['scan.start']({ timeoutMs: 2000, protocols: ['ssdp'] })).ok).toBe(true);
    await flush();
    listenerOn(udp, 3702).deliver(hello(1), HELLO_IP, 3702);
    await clock.advance(5000);
    expect(await devices()).toEqual([]);
    expect(udp.sockets.flatMap((s) => s.sends).filter((x) => x.address === HELLO_IP)).toEqual([]);

    // The same announcement again after the scan counts: the dropped one left no trace in the listener's dedupe.
    listenerOn(udp, 3702).deliver(hello(1), HELLO_IP, 3702);
    await clock.advance(1000);
    expect((await devices()).map((d) => [d.ip, d.sources])).toEqual([[HELLO_IP, ['wsd']]]);
    await core.close();
  });

  it("core.start(only) opens just those protocols' listeners (a one-shot `scan --protocols wsd`)", async () => {
    const { udp, core } = setup();
    await core.start(['wsd']);
    const ports = udp.sockets.filter((s) => s.boundTo?.address === '0.0.0.0').map((s) => s.boundTo?.port);
    expect(ports).toContain(3702);
    expect(ports).not.toContain(1900);
    expect(ports).not.toContain(5353);
    await core.close();
  });
});

describe('wire-discovery: diagnostics', () => {
  it('counts packets, replies, devices and errors per interface and protocol, and hints at a firewall', async () => {
    const { clock, core, socketFor, finished } = setup({
      interfaces: [lab0, lab1],
      neighbours: [
        { ip: AXIS_IP, mac: AXIS_MAC, interface: 'lab0' },
        { ip: '10.77.0.24', mac: '02:00:00:00:00:24', interface: 'lab1' },
        { ip: '10.77.0.25', mac: '02:00:00:00:00:25', interface: 'lab1' },
      ],
    });
    expect((await core['scan.start']({ timeoutMs: 2000, protocols: ['wsd', 'mdns'] })).ok).toBe(true);
    await flush();
    socketFor('198.18.0.2', 3702).deliver(axisProbeMatches, AXIS_IP, 3702);
    socketFor('198.18.0.2', 3702).deliver('not xml', '198.18.0.99', 3702);
    socketFor('198.18.0.2', 5353).fail(new Error('ENOBUFS'));
    await clock.advance(5000);
    const d = finished[0]!.diagnostics;
    const row = (iface: string, protocol: string) => d.perInterface?.find((r) => r.interface === iface && r.protocol === protocol);
    expect(row('lab0', 'wsd')).toMatchObject({ replies: 2, devices: 1, errors: 0 });
    expect(row('lab0', 'wsd')!.packetsSent).toBeGreaterThan(1);
    expect(row('lab0', 'mdns')).toMatchObject({ replies: 0, devices: 0, errors: 1 });
    expect(row('lab1', 'wsd')).toMatchObject({ replies: 0, devices: 0, errors: 0 });
    expect(row('lab1', 'wsd')!.packetsSent).toBe(row('lab0', 'wsd')!.packetsSent);
    expect(d.perInterface).toHaveLength(4);
    expect(d.hints).toContain(
      '2 hosts on lab1 answer ARP but no WS-Discovery reply arrived: a firewall may be dropping unicast replies to UDP port 50000. ' +
        "Allow Camera Finder through this computer's firewall and scan again.",
    );
    expect(d.hints?.some((h) => h.startsWith('2 hosts on lab1 answer ARP but no mDNS reply arrived'))).toBe(true);
    // lab0 heard WS-Discovery replies: its silent mDNS is a device that does not speak it, not a firewall.
    expect(d.hints?.some((h) => h.includes('lab0 answer ARP'))).toBe(false);
  });

  it('labels VPN and virtual adapters in interfaces.list and the hints, and still probes them', async () => {
    const { clock, core, udp, finished } = setup({ interfaces: [lab0, tun0] });
    const listed = await core['interfaces.list']({});
    expect(listed.ok && listed.value.interfaces.map((i) => [i.name, i.virtual])).toEqual([
      ['lab0', false],
      ['tun0', true],
    ]);
    expect((await core['scan.start']({ timeoutMs: 500, protocols: ['wsd'] })).ok).toBe(true);
    await clock.advance(3000);
    expect(udp.sockets.some((s) => s.boundTo?.address === tun0.address && s.sends.length > 0)).toBe(true);
    expect(finished[0]!.diagnostics.hints).toContain(
      'tun0 looks like a VPN or virtual adapter: it was probed, but cameras are rarely behind one. ' +
        'Restrict the scan to the camera network (--interface) if it only adds noise.',
    );
  });

  it('with no interface to probe, says so as a hint', async () => {
    const { clock, core, finished } = setup({ interfaces: [] });
    expect((await core['scan.start']({ timeoutMs: 500 })).ok).toBe(true);
    await clock.advance(2000);
    expect(finished[0]!.diagnostics.hints?.[0]).toMatch(/^No interface was probed: this computer has no IPv4 interface that is up/);
    expect(finished[0]!.diagnostics.perInterface).toEqual([]);
  });
});

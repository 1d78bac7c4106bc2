import { describe, expect, it } from 'vitest';
import { parseCidr, type CidrRange } from '../../../../../../shared/cidr.js';
import type { NetInterface } from '../../../../../../shared/net.js';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import { DEFAULT_SWEEP_LIMITS } from '../../../../../../electron/core/discovery/sweep/limits.js';
import { runSweep, type SweepProgress, type SweepRequest } from '../../../../../../electron/core/discovery/sweep/run.js';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import type { UdpSocketOptions } from '../../../../../../electron/platform/ports.js';
import { FakeClock, FakeUdp, flush, MemoryLog, type FakeSocket } from '../../../../../support/fake-udp.js';
import { FakeHttp } from '../ssdp/fixtures.js';

const lab0: NetInterface = { name: 'lab0', address: '198.18.4.2', netmask: '255.255.255.0', cidr: '198.18.4.2/24', mac: null };
const lab1: NetInterface = { name: 'lab1', address: '10.77.0.2', netmask: '255.255.255.0', cidr: '10.77.0.2/24', mac: null };

const cidr = (text: string): CidrRange => {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.range;
};

const probeMatches = (relatesTo: string, ip: string, endpoint: string) =>
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
  'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">' +
  `<s:Header><a:RelatesTo>${relatesTo}</a:RelatesTo></s:Header><s:Body><d:ProbeMatches><d:ProbeMatch>` +
  `<a:EndpointReference><a:Address>urn:uuid:${endpoint}</a:Address></a:EndpointReference>` +
  '<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/Dahua onvif://www.onvif.org/hardware/IPC-HDW2431T</d:Scopes>' +
  `<d:XAddrs>http://${ip}/onvif/device_service</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>`;

const FAULT =
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value>' +
  '<s:Subcode><s:Value>d:MatchingRuleNotSupported</s:Value></s:Subcode></s:Code><s:Reason><s:Text>the xml format error</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>';

const SOAP_TIME =
  '<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">' +
  '<SOAP-ENV:Body><tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tds:DateTimeType>NTP</tds:DateTimeType></tds:SystemDateAndTime>' +
  '</tds:GetSystemDateAndTimeResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>';

/**
 * A fake LAN: WS-Discovery cameras answer unicast probes 20 ms after they are sent, one Hikvision answers with the
 * unicast fault, one ONVIF device answers only over HTTP on 8899, one host has only RTSP, one only a web page.
 */
function setup(interfaces: NetInterface[] = [lab0, lab1]) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const log = new MemoryLog();
  const http = new FakeHttp();
  const reports: Observation[] = [];
  const wsdCameras = new Set(['198.18.4.10', '198.18.4.11', '198.18.4.12', '10.99.0.10']);
  const firstSend = new Map<string, number>();
  const factory = (options?: UdpSocketOptions) => {
    const socket = udp.factory(options) as FakeSocket;
    const send = socket.send.bind(socket);
    socket.send = async (data, port, address) => {
      await send(data, port, address);
      if (!firstSend.has(address)) firstSend.set(address, clock.now());
      const probe = parseWsdMessage(data);
      const reply = wsdCameras.has(address)
        ? probeMatches(
            probe?.messageId ?? '',
            address,
            `5f0c6e5a-0000-4000-8000-${address
              .split('.')
              .map((o) => o.padStart(3, '0'))
              .join('')}`,
          )
        : address === '198.18.4.21'
          ? FAULT
          : null;
      if (reply) clock.setTimeout(() => socket.deliver(reply, address, 3702), 20);
    };
    return socket;
  };
  http.routes.set('http://198.18.4.20:8899/onvif/device_service', SOAP_TIME);
  http.routes.set('http://198.18.4.21/onvif/device_service', {
    ok: true,
    response: { status: 401, headers: {}, body: SOAP_TIME.replace('GetSystemDateAndTimeResponse', 'Fault') },
  });
  http.routes.set('http://198.18.4.30/onvif/device_service', {
    ok: true,
    response: { status: 200, headers: {}, body: '<html>router</html>' },
  });
  http.routes.set('http://198.18.4.31/onvif/device_service', 'hang');
  const tcpConnect = async (ip: string, port: number) => ip === '198.18.4.40' && port === 554;
  const ctx: SourceContext = { interfaces, udp: factory, clock, log, report: (o) => reports.push(o) };
  const progress: SweepProgress[] = [];
  const progressAt: number[] = [];
  const onProgress = (p: SweepProgress) => void (progress.push(p), progressAt.push(clock.now()));
  const sweep = (request: Partial<SweepRequest>, signal = new AbortController().signal) =>
    runSweep(ctx, { ranges: [cidr('198.18.4.0/24')], onProgress, ...request }, { http, tcpConnect, random: () => 0.5 }, signal);
  return { clock, udp, http, reports, progress, progressAt, firstSend, sweep };
}

describe('runSweep over a /24 of fakes', () => {
  it('finds WS-Discovery cameras, falls back to ONVIF over HTTP and RTSP, and finishes within 3 s', async () => {
    const { clock, udp, reports, progress, progressAt, sweep } = setup();
    const t0 = clock.now();
    const run = sweep({});
    await clock.advance(10_000);
    const stats = await run;
    expect(progressAt.at(-1)! - t0).toBeLessThanOrEqual(3_000); // the last address finished (fake clock)
    expect(stats).toMatchObject({ total: 254, done: 254, found: 6, inFlight: 0, cancelled: false, errors: [] });
    expect(stats.byFinding).toEqual({ wsd: 3, 'onvif-http': 2, rtsp: 1, silent: 248 });
    const seen = reports.map((r) => [r.ip, r.source, r.isCamera, r.onvif?.xaddrs[0] ?? null]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['198.18.4.10', 'sweep', true, 'http://198.18.4.10/onvif/device_service'],
        ['198.18.4.20', 'sweep', true, 'http://198.18.4.20:8899/onvif/device_service'],
        ['198.18.4.21', 'sweep', true, 'http://198.18.4.21/onvif/device_service'],
        ['198.18.4.40', 'sweep', true, null],
      ]),
    );
    expect(reports).toHaveLength(6);
    expect(reports.find((r) => r.ip === '198.18.4.10')?.facts.map((f) => f.name)).toContain('model');
    expect(reports.some((r) => r.ip === '198.18.4.30' || r.ip === '198.18.4.31')).toBe(false); // a web page is not ONVIF
    expect(reports.flatMap((r) => r.facts).some((f) => f.name === 'mac')).toBe(false); // the sweep never claims a MAC
    // Live progress: as each address starts and finishes; counts only grow; the last one says all done.
    expect(progress.at(-1)).toEqual({ total: 254, done: 254, found: 6, inFlight: 0 });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
    expect(Math.max(...progress.map((p) => p.inFlight))).toBeLessThanOrEqual(DEFAULT_SWEEP_LIMITS.concurrency);
    expect(udp.open()).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('keeps concurrency and rate within the limits it is given', async () => {
    const { clock, progress, firstSend, sweep } = setup();
    const t0 = clock.now();
    const run = sweep({ limits: { concurrency: 10, perSecond: 50 } });
    await clock.advance(60_000);
    await run;
    expect(Math.max(...progress.map((p) => p.inFlight))).toBe(10);
    const starts = [...firstSend.values()].map((at) => at - t0).sort((a, b) => a - b);
    expect(starts).toHaveLength(254);
    for (let i = 50; i < starts.length; i++) expect(starts[i]! - starts[i - 50]!).toBeGreaterThanOrEqual(1000); // ≤ 50 in any second
  });

  it('cancel mid-way stops sending, reports partial progress and closes every socket', async () => {
    const { clock, udp, progress, firstSend, sweep } = setup();
    const abort = new AbortController();
    const run = sweep({ limits: { perSecond: 100 } }, abort.signal);
    await clock.advance(1_000);
    abort.abort();
    const stats = await run;
    const sentBefore = firstSend.size;
    await clock.advance(10_000);
    expect(stats.cancelled).toBe(true);
    expect(stats.done).toBeLessThan(254);
    expect(stats.done).toBe(progress.at(-1)?.done);
    expect(firstSend.size).toBe(sentBefore);
    expect(udp.open()).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});

describe('runSweep worst case', () => {
  it('a /24 where no host answers and every connect hangs still ends within 3 s at the default pace', async () => {
    const clock = new FakeClock();
    const udp = new FakeUdp(clock);
    const never = <T>() => new Promise<T>(() => undefined);
    const ctx: SourceContext = { interfaces: [lab0], udp: udp.factory, clock, log: new MemoryLog(), report: () => undefined };
    const t0 = clock.now();
    let last = 0;
    const run = runSweep(
      ctx,
      { ranges: [cidr('198.18.4.0/24')], onProgress: (p) => void (p.done === p.total && (last = clock.now())) },
      { http: { request: never }, tcpConnect: never, random: () => 0.5 },
      new AbortController().signal,
    );
    await clock.advance(10_000);
    const stats = await run;
    expect(stats).toMatchObject({ done: 254, found: 0 });
    expect(last - t0).toBeLessThanOrEqual(3_000);
    expect(last - t0).toBeGreaterThan(2_000); // the waits are real: two rounds of 128 × (400 + 600 ms) plus spacing
    expect(udp.open()).toEqual([]);
  });
});

describe('runSweep and the interface plan', () => {
  it('probes on-subnet addresses from their interface and routed ones from `via`, never from elsewhere', async () => {
    const { clock, udp, reports, sweep } = setup();
    const run = sweep({ ranges: [cidr('10.99.0.8/29'), cidr('198.18.4.8/30')], via: 'lab1' });
    await clock.advance(10_000);
    const stats = await run;
    expect(stats.total).toBe(6 + 2);
    const from = (ip: string) => udp.sockets.find((s) => s.sends.some((sent) => sent.address === ip))?.boundTo?.address;
    expect(from('10.99.0.10')).toBe('10.77.0.2');
    expect(from('198.18.4.10')).toBe('198.18.4.2');
    expect(reports.find((r) => r.ip === '10.99.0.10')?.interface).toBe('lab1');
  });

  it('sends nothing when `via` is not a planned interface, or no interface is planned', async () => {
    const planned = setup();
    const stats = await planned.sweep({ via: 'tun0' });
    expect(stats.errors[0]).toContain('tun0 is not among the interfaces');
    expect(planned.udp.sockets).toEqual([]);
    const none = setup([]);
    expect((await none.sweep({})).errors[0]).toContain('No network interface is selected');
    expect(none.udp.sockets).toEqual([]);
    await flush();
  });

  it('sweeps overlapping ranges once per address', async () => {
    const { clock, firstSend, sweep } = setup();
    const run = sweep({ ranges: [cidr('198.18.4.0/28'), cidr('198.18.4.8/29'), cidr('198.18.4.5')] });
    await clock.advance(10_000);
    expect((await run).total).toBe(14);
    expect(firstSend.size).toBe(14);
  });
});

describe('runSweep: a late WS-Discovery answer', () => {
  it('counts a device that answers the unicast probe after the WSD wait, within the fallback window', async () => {
    const clock = new FakeClock();
    const udp = new FakeUdp(clock);
    const reports: Observation[] = [];
    const delayMs = DEFAULT_SWEEP_LIMITS.wsdWaitMs + 300; // like a target that delays every answer up to 500 ms
    const factory = (options?: UdpSocketOptions) => {
      const socket = udp.factory(options) as FakeSocket;
      const send = socket.send.bind(socket);
      socket.send = async (data, port, address) => {
        await send(data, port, address);
        const id = parseWsdMessage(data)?.messageId ?? '';
        clock.setTimeout(() => socket.deliver(probeMatches(id, address, '5f0c6e5a-0000-4000-8000-198018004050'), address, 3702), delayMs);
      };
      return socket;
    };
    const ctx: SourceContext = { interfaces: [lab0], udp: factory, clock, log: new MemoryLog(), report: (o) => reports.push(o) };
    const started = clock.now();
    const run = runSweep(
      ctx,
      { ranges: [cidr('198.18.4.50/32')] },
      { http: new FakeHttp(), tcpConnect: async () => false },
      new AbortController().signal,
    );
    await clock.advance(5000);
    const stats = await run;
    expect(stats.byFinding).toMatchObject({ wsd: 1, silent: 0 });
    expect(reports.map((r) => [r.ip, r.source, r.endpoint])).toEqual([['198.18.4.50', 'sweep', '5f0c6e5a-0000-4000-8000-198018004050']]);
    // No longer than a silent address costs: the WSD wait plus the fallback window.
    expect(reports[0]!.at - started).toBeLessThanOrEqual(DEFAULT_SWEEP_LIMITS.wsdWaitMs + DEFAULT_SWEEP_LIMITS.fallbackMs);
  });
});

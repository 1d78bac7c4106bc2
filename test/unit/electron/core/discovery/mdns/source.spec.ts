import { describe, expect, it } from 'vitest';
import type { NetInterface } from '../../../../../../shared/net.js';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import { createMdnsSource } from '../../../../../../electron/core/discovery/mdns/source.js';
import { FakeClock, FakeUdp, flush, MemoryLog, type FakeSocket } from '../../../../../support/fake-udp.js';
import { encodeResponse, mdnsFixture } from './packets.js';

const lab0: NetInterface = { name: 'lab0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null };
const lab1: NetInterface = { name: 'lab1', address: '10.77.0.2', netmask: '255.255.255.0', cidr: '10.77.0.2/24', mac: null };

function setup(interfaces: NetInterface[] = [lab0, lab1]) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const log = new MemoryLog();
  const reports: Observation[] = [];
  const ctx: SourceContext = { interfaces, udp: udp.factory, clock, log, report: (o) => reports.push(o) };
  return { clock, udp, log, reports, ctx, source: createMdnsSource() };
}

/** The questions in a query we sent, as `name/type` (the query is text-free binary; we read it as bytes). */
function questionsIn(socket: FakeSocket, index: number): string[] {
  const bytes = Buffer.from(socket.sends[index]?.text ?? '', 'utf8');
  const out: string[] = [];
  let pos = 12;
  for (let q = 0; q < bytes.readUInt16BE(4); q++) {
    const labels: string[] = [];
    while (bytes[pos]) {
      labels.push(bytes.subarray(pos + 1, pos + 1 + bytes[pos]!).toString('latin1'));
      pos += 1 + bytes[pos]!;
    }
    out.push(`${labels.join('.')}/${bytes.readUInt16BE(pos + 1)}`);
    pos += 5;
  }
  return out;
}

describe('createMdnsSource().scan', () => {
  it('asks every browsed service type from each interface address, at 0 and 1 s, then every 10 s', async () => {
    const { clock, udp, ctx, source } = setup();
    const scan = source.scan(ctx, 21_000, new AbortController().signal);
    await clock.advance(21_000);
    const stats = await scan;
    expect(udp.sockets.map((s) => [s.boundTo, s.multicastInterface])).toEqual([
      [{ port: 0, address: '198.18.0.2' }, '198.18.0.2'],
      [{ port: 0, address: '10.77.0.2' }, '10.77.0.2'],
    ]);
    const start = clock.now() - 21_000;
    for (const socket of udp.sockets) {
      expect(socket.sends.map((s) => [s.at - start, s.address, s.port])).toEqual([
        [0, '224.0.0.251', 5353],
        [1_000, '224.0.0.251', 5353],
        [10_000, '224.0.0.251', 5353],
        [20_000, '224.0.0.251', 5353],
      ]);
      expect(questionsIn(socket, 0)).toEqual([
        '_axis-video._tcp.local/12',
        '_cgi._tcp.local/12',
        '_psia._tcp.local/12',
        '_onvif._tcp.local/12',
        '_rtsp._tcp.local/12',
        '_hap._tcp.local/12',
        '_http._tcp.local/12',
      ]);
    }
    expect(stats.probesSent).toBe(8);
    expect(udp.open()).toEqual([]);
  });

  it('reports each service once however often it answers, tagged with the interface that asked', async () => {
    const { clock, udp, reports, ctx, source } = setup();
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    const packet = encodeResponse(mdnsFixture('axis-video.json'));
    for (let i = 0; i < 3; i++) udp.boundOn('198.18.0.2').deliver(packet, '198.18.0.21', 5353);
    udp.boundOn('10.77.0.2').deliver(encodeResponse(mdnsFixture('hikvision-cgi.json')), '10.77.0.24', 5353);
    await clock.advance(3_000);
    const stats = await scan;
    expect(reports.map((r) => [r.ip, r.interface, r.isCamera])).toEqual([
      ['198.18.0.21', 'lab0', true],
      ['10.77.0.24', 'lab1', true],
    ]);
    expect(stats.repliesReceived).toBe(4);
  });

  it('asks a PTR-only responder for SRV and TXT, once per instance, from the same interface', async () => {
    const { clock, udp, ctx, source } = setup([lab0]);
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    const socket = udp.boundOn('198.18.0.2');
    for (let i = 0; i < 3; i++) socket.deliver(encodeResponse(mdnsFixture('ptr-only.json')), '198.18.0.25', 5353);
    await flush();
    const details = socket.sends.slice(1);
    expect(details).toHaveLength(1);
    expect(questionsIn(socket, 1)).toEqual([
      'AXIS P3245-V - ACCC8E112233._axis-video._tcp.local/33',
      'AXIS P3245-V - ACCC8E112233._axis-video._tcp.local/16',
    ]);
    await clock.advance(3_000);
    await scan;
  });

  it('ignores queries, junk and services we do not browse; cancel ends the scan at once', async () => {
    const { clock, udp, reports, ctx, source } = setup([lab0]);
    const abort = new AbortController();
    const scan = source.scan(ctx, 60_000, abort.signal);
    await flush();
    const socket = udp.boundOn('198.18.0.2');
    socket.deliver(Buffer.from(socket.sends[0]!.text, 'utf8'), '198.18.0.7', 5353);
    socket.deliver('\u0000\u0000\u0084garbage', '198.18.0.7', 5353);
    await clock.advance(500);
    abort.abort();
    const stats = await scan;
    expect(stats.dropped).toBe(2);
    expect(reports).toEqual([]);
    expect(clock.pending()).toBe(0);
    expect(udp.open()).toEqual([]);
  });
});

describe('createMdnsSource().listen', () => {
  it('joins 224.0.0.251 per interface on 5353 (shared), hears announcements and goodbyes, sends nothing', async () => {
    const { udp, reports, ctx, source } = setup();
    await source.listen(ctx);
    const socket = udp.sockets[0]!;
    expect(socket.options).toEqual({ reuseAddr: true });
    expect(socket.boundTo).toEqual({ port: 5353, address: '0.0.0.0' });
    expect(socket.memberships).toEqual([
      ['224.0.0.251', '198.18.0.2'],
      ['224.0.0.251', '10.77.0.2'],
    ]);
    socket.deliver(encodeResponse(mdnsFixture('axis-video.json')), '198.18.0.21', 5353);
    socket.deliver(encodeResponse(mdnsFixture('ptr-only.json')), '198.18.0.25', 5353);
    socket.deliver(encodeResponse(mdnsFixture('axis-goodbye.json')), '198.18.0.21', 5353);
    expect(reports.map((r) => [r.kind, r.ip, r.interface])).toEqual([
      ['alive', '198.18.0.21', 'lab0'],
      ['alive', '198.18.0.25', 'lab0'],
      ['bye', '198.18.0.21', 'lab0'],
    ]);
    expect(socket.sends).toEqual([]);
    await source.close();
    expect(udp.open()).toEqual([]);
  });

  it('carries on without the listener when 5353 cannot be bound, and says so', async () => {
    const { udp, log, ctx, source } = setup([lab0]);
    udp.failBindOn.add('0.0.0.0');
    await source.listen(ctx);
    expect(log.lines.some((l) => l.level === 'warn' && l.message.includes('UDP 5353'))).toBe(true);
    expect(udp.open()).toEqual([]);
  });
});

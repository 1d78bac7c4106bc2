import { describe, expect, it } from 'vitest';
import type { NetInterface } from '../../../../../../shared/net.js';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import { createSsdpSource } from '../../../../../../electron/core/discovery/ssdp/source.js';
import { FakeClock, FakeUdp, flush, MemoryLog } from '../../../../../support/fake-udp.js';
import { FakeHttp, ssdpText, upnpText } from './fixtures.js';

const lab0: NetInterface = { name: 'lab0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null };
const lab1: NetInterface = { name: 'lab1', address: '10.77.0.2', netmask: '255.255.255.0', cidr: '10.77.0.2/24', mac: null };

function setup(interfaces: NetInterface[] = [lab0, lab1]) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const log = new MemoryLog();
  const http = new FakeHttp();
  const reports: Observation[] = [];
  const ctx: SourceContext = { interfaces, udp: udp.factory, clock, log, report: (o) => reports.push(o) };
  return { clock, udp, log, http, reports, ctx, source: createSsdpSource({ http }) };
}

describe('createSsdpSource().scan', () => {
  it('searches ssdp:all and upnp:rootdevice from each interface own address, twice, MX 2, TTL 1', async () => {
    const { clock, udp, ctx, source } = setup();
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await clock.advance(3_000);
    const stats = await scan;
    expect(udp.sockets.map((s) => [s.boundTo, s.multicastInterface, s.ttl])).toEqual([
      [{ port: 0, address: '198.18.0.2' }, '198.18.0.2', 1],
      [{ port: 0, address: '10.77.0.2' }, '10.77.0.2', 1],
    ]);
    const start = clock.now() - 3_000;
    for (const socket of udp.sockets) {
      expect(socket.sends.every((s) => s.port === 1900 && s.address === '239.255.255.250')).toBe(true);
      expect(socket.sends.every((s) => s.text.includes('MX: 2\r\n'))).toBe(true);
      const byTarget = (st: string) => socket.sends.filter((s) => s.text.includes(`ST: ${st}\r\n`)).map((s) => s.at - start);
      expect(byTarget('ssdp:all')).toEqual([0, 400]);
      expect(byTarget('upnp:rootdevice')).toEqual([0, 400]);
    }
    expect(stats.probesSent).toBe(8);
    expect(udp.open()).toEqual([]);
  });

  it('re-searches every 10 s during a long scan (devices that boot meanwhile still answer)', async () => {
    const { clock, udp, ctx, source } = setup([lab0]);
    const scan = source.scan(ctx, 25_000, new AbortController().signal);
    await clock.advance(25_000);
    await scan;
    expect(udp.sockets[0]?.sends.length).toBe(2 * 4); // 0, 400, 10 000, 20 000 × two targets
  });

  it('fetches an Axis description from the responder and reports one camera with its MAC from UPnP', async () => {
    const { clock, udp, http, reports, ctx, source } = setup([lab0]);
    http.routes.set('http://198.18.0.21:49152/rootdesc1.xml', upnpText('axis-description.xml'));
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    const socket = udp.boundOn('198.18.0.2');
    for (let i = 0; i < 4; i++) socket.deliver(ssdpText('axis-response.txt'), '198.18.0.21', 1900); // every search answered
    await clock.advance(3_000);
    const stats = await scan;
    expect(http.requests.map((r) => r.url)).toEqual(['http://198.18.0.21:49152/rootdesc1.xml']);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ source: 'ssdp', kind: 'alive', ip: '198.18.0.21', interface: 'lab0', isCamera: true });
    expect(reports[0]?.facts).toContainEqual({ name: 'mac', value: '00:40:8c:1a:2b:3c', source: 'upnp', hint: true });
    expect(stats).toMatchObject({ repliesReceived: 4, descriptionsFetched: 1, locationsRefused: 0 });
  });

  it('never fetches a LOCATION on another host; reports the responder from its headers instead', async () => {
    const { clock, udp, http, reports, ctx, source } = setup([lab0]);
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    // 198.18.0.66 answers pointing at the Axis camera's address, and at loopback.
    udp.boundOn('198.18.0.2').deliver(ssdpText('axis-response.txt'), '198.18.0.66', 1900);
    udp.boundOn('198.18.0.2').deliver(ssdpText('axis-response.txt').replace('198.18.0.21:49152', '127.0.0.1:9'), '198.18.0.66');
    await clock.advance(3_000);
    const stats = await scan;
    expect(http.requests).toEqual([]);
    expect(stats).toMatchObject({ locationsRefused: 2 });
    expect(reports.map((r) => [r.ip, r.isCamera, r.facts])).toEqual([['198.18.0.66', true, []]]);
  });

  it('marks an answer from off every planned subnet and does not fetch its description', async () => {
    const { clock, udp, http, reports, ctx, source } = setup([lab0]);
    const scan = source.scan(ctx, 1_000, new AbortController().signal);
    await flush();
    udp.boundOn('198.18.0.2').deliver(ssdpText('axis-response.txt').replace('198.18.0.21', '172.16.9.9'), '172.16.9.9', 1900);
    await clock.advance(1_000);
    await scan;
    expect(http.requests).toEqual([]);
    expect(reports.map((r) => [r.ip, r.interface, r.isCamera])).toEqual([['172.16.9.9', null, true]]);
  });

  it('minidlna: parsed, reported under all devices, not a camera; a slow description costs at most 2 s', async () => {
    const { clock, udp, http, reports, ctx, source } = setup([lab0]);
    http.routes.set('http://198.18.0.30:8200/rootDesc.xml', upnpText('minidlna-description.xml'));
    http.routes.set('http://198.18.0.31:8200/rootDesc.xml', 'hang');
    const scan = source.scan(ctx, 1_000, new AbortController().signal);
    await clock.advance(900); // the answers arrive late in the scan
    const socket = udp.boundOn('198.18.0.2');
    const reply = ssdpText('minidlna-notify-alive.txt').replace('NOTIFY * HTTP/1.1', 'HTTP/1.1 200 OK');
    socket.deliver(reply, '198.18.0.30', 1900);
    socket.deliver(reply.replace('198.18.0.30', '198.18.0.31'), '198.18.0.31', 1900);
    await clock.advance(100);
    let finished = false;
    void scan.then(() => (finished = true));
    await clock.advance(1_899);
    expect(finished).toBe(false); // waits for the slow description…
    await clock.advance(1);
    expect(finished).toBe(true); // …but no longer than 2 s
    expect(reports.map((r) => [r.ip, r.isCamera, r.facts.find((f) => f.name === 'name')?.value])).toEqual([
      ['198.18.0.30', false, 'lab-nas: minidlna'],
      ['198.18.0.31', false, undefined],
    ]);
  });

  it('cancel stops sending at once and drops fetches still in flight', async () => {
    const { clock, udp, http, reports, ctx, source } = setup([lab0]);
    http.routes.set('http://198.18.0.21:49152/rootdesc1.xml', 'hang');
    const abort = new AbortController();
    const scan = source.scan(ctx, 30_000, abort.signal);
    await flush();
    udp.boundOn('198.18.0.2').deliver(ssdpText('axis-response.txt'), '198.18.0.21', 1900);
    await clock.advance(100);
    abort.abort();
    const stats = await scan;
    await clock.advance(30_000);
    expect(stats.probesSent).toBe(2);
    expect(reports).toEqual([]);
    expect(clock.pending()).toBe(0);
    expect(udp.open()).toEqual([]);
  });

  it('skips an interface whose socket will not bind, with a sentence, and surfaces socket errors', async () => {
    const { clock, udp, ctx, source } = setup();
    udp.failBindOn.add('10.77.0.2');
    const scan = source.scan(ctx, 1_000, new AbortController().signal);
    await flush();
    udp.boundOn('198.18.0.2').fail(new Error('recv ENOBUFS'));
    await clock.advance(1_000);
    const stats = await scan;
    expect(stats.skipped).toEqual([{ name: 'lab1', reason: expect.stringContaining('Could not open a UDP socket on 10.77.0.2') }]);
    expect(stats.socketErrors).toBe(1);
    expect(stats.errors[0]).toContain('ENOBUFS');
  });

  it('drops junk, M-SEARCH echoes and error statuses without reporting them', async () => {
    const { clock, udp, reports, ctx, source } = setup([lab0]);
    const scan = source.scan(ctx, 1_000, new AbortController().signal);
    await flush();
    const socket = udp.boundOn('198.18.0.2');
    socket.deliver('\u0000\u0001garbage', '198.18.0.9');
    socket.deliver('M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\n\r\n', '198.18.0.9');
    socket.deliver('HTTP/1.1 500 Oops\r\nLOCATION: http://198.18.0.9/\r\n\r\n', '198.18.0.9');
    await clock.advance(1_000);
    expect((await scan).dropped).toBe(3);
    expect(reports).toEqual([]);
  });
});

describe('createSsdpSource().listen', () => {
  it('joins 239.255.255.250 on each interface, on port 1900, and reports alive and byebye', async () => {
    const { clock, udp, http, reports, ctx, source } = setup();
    http.routes.set('http://198.18.0.30:8200/rootDesc.xml', upnpText('minidlna-description.xml'));
    await source.listen(ctx);
    const socket = udp.sockets[0]!;
    expect(socket.options).toEqual({ reuseAddr: true });
    expect(socket.boundTo).toEqual({ port: 1900, address: '0.0.0.0' });
    expect(socket.memberships).toEqual([
      ['239.255.255.250', '198.18.0.2'],
      ['239.255.255.250', '10.77.0.2'],
    ]);
    socket.deliver(ssdpText('minidlna-notify-alive.txt'), '198.18.0.30', 1900);
    await clock.advance(10);
    socket.deliver(ssdpText('minidlna-notify-byebye.txt'), '198.18.0.30', 1900);
    expect(reports.map((r) => [r.kind, r.ip, r.interface, r.isCamera])).toEqual([
      ['alive', '198.18.0.30', 'lab0', false],
      ['bye', '198.18.0.30', 'lab0', false],
    ]);
    await source.close();
    expect(udp.open()).toEqual([]);
  });

  it('does not fetch descriptions for senders off every planned subnet', async () => {
    const { udp, http, reports, ctx, source } = setup([lab0]);
    await source.listen(ctx);
    const notify = ssdpText('minidlna-notify-alive.txt').replace(/198\.18\.0\.30/g, '172.16.5.5');
    udp.sockets[0]!.deliver(notify, '172.16.5.5', 1900);
    await flush();
    expect(http.requests).toEqual([]);
    expect(reports.map((r) => [r.ip, r.interface])).toEqual([['172.16.5.5', null]]);
  });

  it('keeps working (scans only) when port 1900 is taken, with a warning that says so', async () => {
    const { udp, log, ctx, source } = setup([lab0]);
    udp.failBindOn.add('0.0.0.0');
    await source.listen(ctx);
    expect(log.lines.some((l) => l.level === 'warn' && l.message.includes('UDP 1900'))).toBe(true);
    expect(udp.open()).toEqual([]);
  });
});

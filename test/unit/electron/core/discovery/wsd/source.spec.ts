import { describe, expect, it } from 'vitest';
import type { NetInterface } from '../../../../../../shared/net.js';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';
import { buildProbe } from '../../../../../../electron/core/discovery/wsd/probe.js';
import { createWsdSource } from '../../../../../../electron/core/discovery/wsd/source.js';
import { FakeClock, FakeUdp, flush, MemoryLog, type FakeSocket } from '../../../../../support/fake-udp.js';
import { fixtureText } from './fixtures.js';

const eth0: NetInterface = { name: 'eth0', address: '192.168.1.10', netmask: '255.255.255.0', cidr: '192.168.1.10/24', mac: null };
const wlan0: NetInterface = { name: 'wlan0', address: '10.0.0.5', netmask: '255.255.0.0', cidr: '10.0.0.5/16', mac: null };
const PLACEHOLDER = 'urn:uuid:0b0e6f3c-1111-4222-8333-944455556666';

function setup(interfaces: NetInterface[] = [eth0, wlan0]) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const log = new MemoryLog();
  const reports: Observation[] = [];
  const ctx: SourceContext = { interfaces, udp: udp.factory, clock, log, report: (o) => reports.push(o) };
  const source = createWsdSource({ random: () => 0.5 });
  return { clock, udp, log, reports, ctx, source };
}

const probesIn = (socket: FakeSocket) =>
  socket.sends.map((sent) => ({ ...sent, message: parseWsdMessage(new TextEncoder().encode(sent.text)) }));

/** A reply to the first probe this socket sent, built from a fixture. */
const replyTo = (socket: FakeSocket, name: string) =>
  fixtureText(name).replace(PLACEHOLDER, probesIn(socket)[0]?.message?.messageId ?? 'none');

describe('createWsdSource().scan', () => {
  it('probes every interface from its own address with both typed probes and the untyped one on the 0/150/450/950 ms schedule', async () => {
    const { clock, udp, ctx, source } = setup();
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await clock.advance(3_000);
    const stats = await scan;

    expect(udp.sockets.map((s) => [s.boundTo, s.multicastInterface, s.ttl])).toEqual([
      [{ port: 0, address: '192.168.1.10' }, '192.168.1.10', 1],
      [{ port: 0, address: '10.0.0.5' }, '10.0.0.5', 1],
    ]);
    const start = clock.now() - 3_000;
    const ids = new Set<string>();
    for (const socket of udp.sockets) {
      const probes = probesIn(socket);
      expect(probes.every((p) => p.port === 3702 && p.address === '239.255.255.250' && p.message?.kind === 'probe')).toBe(true);
      for (const type of ['dn:NetworkVideoTransmitter', 'tds:Device', '']) {
        const ofType = probes.filter((p) => p.message?.probeTypes.join() === type);
        expect(ofType.map((p) => p.at - start)).toEqual([0, 150, 450, 950]);
        const own = new Set(ofType.map((p) => p.message?.messageId)); // retransmits reuse the MessageID
        expect(own.size).toBe(1);
        ids.add([...own][0] ?? '');
      }
    }
    expect(ids.size).toBe(6); // a fresh MessageID per probe, per interface
    expect(stats).toEqual({ probesSent: 24, repliesReceived: 0, dropped: 0, errors: [], skipped: [], overBudget: 0, socketErrors: 0 });
  });

  it('reports replies live, keeps a reply with an empty RelatesTo, and counts junk as dropped', async () => {
    const { clock, udp, log, reports, ctx, source } = setup();
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    const eth = udp.boundOn('192.168.1.10');

    eth.deliver(replyTo(eth, 'axis-probe-matches.xml'), '192.168.1.40');
    expect(reports).toHaveLength(1); // before the scan ends
    expect(reports[0]).toMatchObject({ kind: 'alive', ip: '192.168.1.40', interface: 'eth0', isCamera: true, at: clock.now() });

    eth.deliver(fixtureText('doorbird-empty-relatesto.xml'), '192.168.1.51');
    expect(reports.map((r) => r.endpoint)).toContain('6d0a4f2e-0000-4000-8000-1ccae3a0b4c5');
    expect(log.lines.some((l) => l.level === 'debug' && /RelatesTo/.test(l.message) && l.fields?.relatesTo === 'uuid:')).toBe(true);

    eth.deliver(replyTo(eth, 'axis-probe-matches.xml'), '192.168.1.40'); // the same camera answering a retransmit
    udp.boundOn('10.0.0.5').deliver(new Uint8Array([0, 1, 2, 0xff]), '10.0.9.9');
    eth.deliver(buildProbe('tds:Device', PLACEHOLDER), '192.168.1.99'); // someone else's probe
    eth.deliver(fixtureText('fault-matching-rule.xml'), '192.168.1.64');
    expect(reports).toHaveLength(2);

    await clock.advance(3_000);
    const stats = await scan;
    expect(stats).toMatchObject({ repliesReceived: 4, dropped: 2 });
    eth.deliver(fixtureText('hanwha-vendor-scopes.xml'), '192.168.1.92'); // after the scan: ignored
    expect(reports).toHaveLength(2);
  });

  it('marks a Windows PC reply as not a camera', async () => {
    const { udp, reports, ctx, source } = setup([eth0]);
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    udp.boundOn('192.168.1.10').deliver(fixtureText('windows-pc-hello.xml'), '192.168.1.30');
    expect(reports.map((r) => r.isCamera)).toEqual([false]);
    await source.close();
    await scan;
  });

  it('skips an interface whose socket cannot bind, with a sentence saying what to check, and still probes the rest', async () => {
    const { clock, udp, ctx, source } = setup();
    udp.failBindOn.add('10.0.0.5');
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await clock.advance(3_000);
    const stats = await scan;
    expect(stats.skipped).toEqual([{ name: 'wlan0', reason: expect.stringMatching(/10\.0\.0\.5.*Check that the interface is up/) }]);
    expect(stats.probesSent).toBe(12);
    expect(udp.sockets.every((s) => s.closed)).toBe(true);
  });

  it('finishes at once when no interface can be used', async () => {
    const { clock, udp, ctx, source } = setup([wlan0]);
    udp.failBindOn.add('10.0.0.5');
    const stats = await source.scan(ctx, 3_000, new AbortController().signal);
    expect(stats.skipped.map((s) => s.name)).toEqual(['wlan0']);
    expect(clock.pending()).toBe(0);
  });

  it('reports a send failure as an actionable error without failing the scan', async () => {
    const { clock, udp, ctx, source } = setup([eth0]);
    udp.failSend = true;
    const scan = source.scan(ctx, 2_000, new AbortController().signal);
    await clock.advance(2_000);
    const stats = await scan;
    expect(stats.probesSent).toBe(0);
    expect(stats.errors).toEqual([expect.stringMatching(/eth0 failed \(send EPERM\).*firewall/)]);
  });

  it('stops early on abort: pending retransmits cancelled, sockets closed, no timers left', async () => {
    const { clock, udp, ctx, source } = setup();
    const abort = new AbortController();
    const scan = source.scan(ctx, 3_000, abort.signal);
    await clock.advance(200);
    abort.abort();
    const stats = await scan;
    expect(stats.probesSent).toBe(12); // t=0 and t=150 on two interfaces, three probes each
    expect(udp.sockets.every((s) => s.closed)).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('returns immediately for an already aborted signal', async () => {
    const { clock, udp, ctx, source } = setup();
    const abort = new AbortController();
    abort.abort();
    expect(await source.scan(ctx, 3_000, abort.signal)).toMatchObject({ probesSent: 0 });
    expect(udp.sockets).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});

describe('createWsdSource().listen', () => {
  it('joins the group on every interface and reports Hello and Bye with the receiving interface', async () => {
    const { udp, reports, ctx, source } = setup();
    await source.listen(ctx);
    const [listener] = udp.sockets;
    expect(listener?.options).toEqual({ reuseAddr: true });
    expect(listener?.boundTo).toEqual({ port: 3702, address: '0.0.0.0' });
    expect(listener?.memberships).toEqual([
      ['239.255.255.250', '192.168.1.10'],
      ['239.255.255.250', '10.0.0.5'],
    ]);

    listener?.deliver(fixtureText('camera-hello.xml'), '192.168.1.41');
    // A Docker bridge: marked, not dropped (the camera's next announcement, so AppSequence keeps it).
    listener?.deliver(fixtureText('camera-hello.xml').replace('MessageNumber="1"', 'MessageNumber="2"'), '172.17.0.1');
    listener?.deliver(buildProbe('tds:Device', PLACEHOLDER), '192.168.1.10'); // our own probe echoed back
    listener?.deliver('not xml at all', '10.0.3.3');
    listener?.deliver(fixtureText('camera-bye.xml').replace('MessageNumber="2"', 'MessageNumber="3"'), '10.0.3.3');

    expect(reports.map((r) => [r.kind, r.interface, r.endpoint])).toEqual([
      ['alive', 'eth0', '1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d'],
      ['alive', null, '1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d'],
      ['bye', 'wlan0', '1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d'],
    ]);
    expect(reports[0]?.facts.find((f) => f.name === 'name')?.value).toBe('AXIS P3818-PVE');

    await source.close();
    expect(listener?.closed).toBe(true);
  });

  it('keeps listening on the other interfaces when one cannot join the group', async () => {
    const { udp, log, ctx, source } = setup();
    udp.failMembershipOn.add('10.0.0.5');
    await source.listen(ctx);
    expect(udp.sockets[0]?.memberships).toEqual([['239.255.255.250', '192.168.1.10']]);
    expect(log.lines.some((l) => l.level === 'warn' && /wlan0/.test(l.message))).toBe(true);
    await source.close();
  });

  it('drops an announcement flood over the packet budget, logs it a few times, and hears Hellos again a second later', async () => {
    const { clock, udp, log, reports, ctx, source } = setup();
    await source.listen(ctx);
    const [listener] = udp.sockets;
    const hello = fixtureText('camera-hello.xml');
    const numbered = (n: number) => hello.replace('MessageNumber="1"', `MessageNumber="${n}"`); // each one newer
    for (let i = 1; i <= 10_000; i++) listener?.deliver(numbered(i), '192.168.1.41');
    expect(reports.length).toBe(4000); // the burst; the rest was dropped unparsed
    expect(log.lines.length).toBeLessThanOrEqual(5);
    await clock.advance(1_000);
    listener?.deliver(numbered(10_001), '192.168.1.41');
    expect(reports.length).toBe(4001);
    for (let i = 0; i < 1_000; i++) listener?.fail(new Error('recvmsg ENOBUFS'));
    expect(log.lines.length).toBeLessThanOrEqual(10);
    await source.close();
  });

  it('warns and carries on when port 3702 cannot be bound', async () => {
    const { udp, log, ctx, source } = setup();
    udp.failBindOn.add('0.0.0.0');
    await expect(source.listen(ctx)).resolves.toBeUndefined();
    expect(log.lines.some((l) => l.level === 'warn' && /3702/.test(l.message))).toBe(true);
    expect(udp.sockets[0]?.closed).toBe(true);
  });
});

describe('createWsdSource().close', () => {
  it('ends a running scan and the listener, leaving no socket open and no timer running', async () => {
    const { clock, udp, ctx, source } = setup();
    await source.listen(ctx);
    const scan = source.scan(ctx, 60_000, new AbortController().signal);
    await clock.advance(100);
    await source.close();
    await expect(scan).resolves.toMatchObject({ probesSent: 6 });
    expect(udp.sockets).toHaveLength(3);
    expect(udp.sockets.every((s) => s.closed)).toBe(true);
    expect(clock.pending()).toBe(0);
  });
});

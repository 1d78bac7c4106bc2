/**
 * WS-Discovery over IPv6: each planned interface with a link-local address also probes ff02::c, scoped to that
 * interface; a camera that answers only there is reported (at the end of the scan), a dual-stack camera stays
 * one IPv4 answer.
 */
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import { Ipv6Holdback, ipv6Plan } from '../../../../../../electron/core/discovery/wsd/ipv6.js';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';
import { createWsdSource } from '../../../../../../electron/core/discovery/wsd/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import type { NetInterface } from '../../../../../../shared/net.js';
import { FakeClock, FakeUdp, flush, MemoryLog, type FakeSocket } from '../../../../../support/fake-udp.js';
import { fixtureText } from './fixtures.js';

const eth0: NetInterface = {
  name: 'eth0',
  address: '192.168.1.10',
  netmask: '255.255.255.0',
  cidr: '192.168.1.10/24',
  mac: null,
  ipv6: 'fe80::a00:27ff:fe4e:66a1%eth0',
};
const wlan0: NetInterface = { name: 'wlan0', address: '10.0.0.5', netmask: '255.255.0.0', cidr: '10.0.0.5/16', mac: null };
const PLACEHOLDER = 'urn:uuid:0b0e6f3c-1111-4222-8333-944455556666';
const CAMERA_V6 = 'fe80::2a57:beff:fe65:7dd5%eth0';

function setup(interfaces: NetInterface[] = [eth0, wlan0], ipv6?: boolean) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const log = new MemoryLog();
  const reports: Observation[] = [];
  const ctx: SourceContext = { interfaces, udp: udp.factory, clock, log, report: (o) => reports.push(o) };
  const source = createWsdSource({ random: () => 0.5, ...(ipv6 === undefined ? {} : { ipv6 }) });
  return { clock, udp, log, reports, ctx, source };
}

const messageIds = (socket: FakeSocket) => [
  ...new Set(socket.sends.map((sent) => parseWsdMessage(new TextEncoder().encode(sent.text))?.messageId ?? '')),
];

describe('ipv6Plan', () => {
  it('binds to the link-local address, multicasts out of its zone, and sends to ff02::c on that link only', () => {
    expect(ipv6Plan(eth0)).toEqual({ bind: 'fe80::a00:27ff:fe4e:66a1%eth0', multicastInterface: '::%eth0', group: 'ff02::c%eth0' });
    expect(ipv6Plan({ ...eth0, ipv6: 'fe80::1%12' })?.group).toBe('ff02::c%12'); // Windows zones are indexes
  });

  it('never guesses: no address, no zone, a global address or a strange zone means no IPv6 probe', () => {
    for (const ipv6 of [undefined, 'fe80::1', '2001:db8::1%eth0', 'fe80::1%', 'fe80::1%eth0 x', 'fe80::1%../../x', '::1%lo']) {
      expect(ipv6Plan({ ...eth0, ...(ipv6 === undefined ? { ipv6: undefined } : { ipv6 }) })).toBeNull();
    }
  });
});

describe('createWsdSource().scan over IPv6', () => {
  it('probes ff02::c from a udp6 socket on the interface that has a link-local address, beside its IPv4 socket', async () => {
    const { clock, udp, ctx, source } = setup();
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await clock.advance(3_000);
    const stats = await scan;
    expect(udp.sockets.map((s) => [s.options?.type ?? 'udp4', s.boundTo?.address, s.multicastInterface, s.ttl])).toEqual([
      ['udp4', '192.168.1.10', '192.168.1.10', 1],
      ['udp6', 'fe80::a00:27ff:fe4e:66a1%eth0', '::%eth0', 1],
      ['udp4', '10.0.0.5', '10.0.0.5', 1],
    ]);
    const v6 = udp.boundOn('fe80::a00:27ff:fe4e:66a1%eth0');
    expect(v6.sends.every((s) => s.address === 'ff02::c%eth0' && s.port === 3702)).toBe(true);
    expect(messageIds(v6)).toHaveLength(3); // both typed probes and the untyped one
    expect(stats.probesSent).toBe(36); // 3 sockets × 3 probes × 4 sends
    expect(udp.open()).toEqual([]);
  });

  it('reports a camera that answers only over IPv6 when the scan ends, and a dual-stack camera once, by IPv4', async () => {
    const { clock, udp, reports, ctx, source } = setup([eth0]);
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    const v4 = udp.boundOn('192.168.1.10');
    const v6 = udp.boundOn('fe80::a00:27ff:fe4e:66a1%eth0');
    const answer = (socket: FakeSocket, name: string) => fixtureText(name).replace(PLACEHOLDER, messageIds(socket)[0] ?? '');

    v6.deliver(answer(v6, 'axis-probe-matches.xml'), 'fe80::40:8cff:fe1a:2b3c%eth0'); // dual-stack: IPv6 first…
    v4.deliver(answer(v4, 'axis-probe-matches.xml'), '192.168.1.40'); // …then IPv4
    v6.deliver(answer(v6, 'hanwha-vendor-scopes.xml'), CAMERA_V6); // this one has no IPv4 answer
    expect(reports.map((r) => r.ip)).toEqual(['192.168.1.40']); // IPv6 answers wait for the end

    await clock.advance(3_000);
    await scan;
    expect(reports.map((r) => [r.ip, r.interface, r.isCamera])).toEqual([
      ['192.168.1.40', 'eth0', true],
      [CAMERA_V6, 'eth0', true],
    ]);
  });

  it('keeps probing over IPv4 with a sentence when the IPv6 socket will not bind', async () => {
    const { clock, udp, ctx, source } = setup([eth0]);
    udp.failBindOn.add('fe80::a00:27ff:fe4e:66a1%eth0');
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await clock.advance(3_000);
    const stats = await scan;
    expect(stats.skipped).toEqual([]);
    expect(stats.errors).toEqual([expect.stringMatching(/IPv6 could not start on eth0.*only over IPv6 may be missing/)]);
    expect(stats.probesSent).toBe(12);
    expect(udp.open()).toEqual([]);
  });

  it('stays on IPv4 when the source is created with ipv6: false', async () => {
    const { clock, udp, ctx, source } = setup([eth0], false);
    const scan = source.scan(ctx, 1_000, new AbortController().signal);
    await clock.advance(1_000);
    await scan;
    expect(udp.sockets.map((s) => s.options?.type ?? 'udp4')).toEqual(['udp4']);
  });
});

describe('Ipv6Holdback', () => {
  const observation = (endpoint: string | null, ip = 'fe80::1'): Observation =>
    ({ source: 'wsd', kind: 'alive', at: 0, ip, interface: 'eth0', endpoint, isCamera: true, facts: [], onvif: null }) as Observation;

  it('releases only endpoints never heard over IPv4, the latest answer of each, within its cap', () => {
    const holdback = new Ipv6Holdback(2);
    expect(holdback.hold(observation('a', 'fe80::1'))).toBe(true);
    expect(holdback.hold(observation('a', 'fe80::2'))).toBe(true);
    expect(holdback.hold(observation(null))).toBe(false);
    holdback.sawIpv4('b');
    expect(holdback.hold(observation('b'))).toBe(false);
    expect(holdback.hold(observation('c'))).toBe(true);
    expect(holdback.hold(observation('d'))).toBe(false); // over the cap
    holdback.sawIpv4('c');
    expect(holdback.release().map((o) => [o.endpoint, o.ip])).toEqual([['a', 'fe80::2']]);
    expect(holdback.release()).toEqual([]);
  });
});

describe('createWsdSource().listen over IPv6', () => {
  const hello = (n: number) => fixtureText('camera-hello.xml').replace('MessageNumber="1"', `MessageNumber="${n}"`);
  const IPV6_ONLY_HELLO = hello(1).replace('1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d', '6a1c0d00-0000-4000-8000-0000000006a1');

  it('joins ff02::c on each interface with a link-local address and reports an IPv6-only Hello a second later', async () => {
    const { clock, udp, reports, ctx, source } = setup();
    await source.listen(ctx);
    const v6 = udp.sockets.find((s) => s.options?.type === 'udp6');
    expect(v6?.options).toEqual({ reuseAddr: true, type: 'udp6' });
    expect(v6?.boundTo).toEqual({ port: 3702, address: '::' });
    expect(v6?.memberships).toEqual([['ff02::c', '::%eth0']]); // wlan0 has no IPv6 link-local address

    v6?.deliver(IPV6_ONLY_HELLO, CAMERA_V6);
    expect(reports).toEqual([]);
    await clock.advance(1_000);
    expect(reports.map((r) => [r.kind, r.ip, r.interface, r.endpoint])).toEqual([
      ['alive', CAMERA_V6, 'eth0', '6a1c0d00-0000-4000-8000-0000000006a1'],
    ]);
    await source.close();
    expect(udp.open()).toEqual([]);
  });

  it('keeps a dual-stack camera on its IPv4 address: the IPv6 copy of its Hello is dropped', async () => {
    const { clock, udp, reports, ctx, source } = setup();
    await source.listen(ctx);
    const v4 = udp.sockets.find((s) => s.options?.type === undefined);
    const v6 = udp.sockets.find((s) => s.options?.type === 'udp6');
    v6?.deliver(hello(1), 'fe80::240:8cff:fe1a:2b3c%eth0'); // the IPv6 copy arrives first…
    v4?.deliver(hello(1), '192.168.1.41'); // …the IPv4 one a moment later
    await clock.advance(1_000);
    v6?.deliver(hello(2), 'fe80::240:8cff:fe1a:2b3c%eth0'); // a later announcement, over IPv6 only (no stamp clash)
    await clock.advance(1_000);
    expect(reports.map((r) => r.ip)).toEqual(['192.168.1.41']);
    await source.close();
  });

  it('drops IPv6 announcements still waiting when closed, and a flood beyond the waiting cap', async () => {
    const { clock, udp, reports, ctx, source } = setup();
    await source.listen(ctx);
    const v6 = udp.sockets.find((s) => s.options?.type === 'udp6');
    for (let i = 1; i <= 1_000; i++) v6?.deliver(hello(i).replace('accc8e0a1b2d', String(i).padStart(12, '0')), CAMERA_V6);
    expect(clock.pending()).toBe(256);
    await source.close();
    expect(clock.pending()).toBe(0);
    await clock.advance(2_000);
    expect(reports).toEqual([]);
  });

  it('stays on IPv4 with ipv6: false', async () => {
    const { udp, ctx, source } = setup([eth0], false);
    await source.listen(ctx);
    expect(udp.sockets.map((s) => s.options)).toEqual([{ reuseAddr: true }]);
    await source.close();
  });
});

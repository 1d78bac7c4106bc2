/**
 * Issue #6: one host on the LAN forging or flooding WS-Discovery replies must not exhaust memory, starve the
 * scan, or hide real cameras. Fake sockets and a fake clock: nothing is sent on any network.
 */
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import type { DuplicateFilter } from '../../../../../../electron/core/discovery/wsd/duplicate-filter.js';
import type { SeenKeys } from '../../../../../../electron/core/discovery/seen-keys.js';
import { createWsdSource, type WsdSourceOptions } from '../../../../../../electron/core/discovery/wsd/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import { DISCOVERY_PACKET_BURST, DISCOVERY_SEEN_KEYS } from '../../../../../../shared/limits.js';
import type { NetInterface } from '../../../../../../shared/net.js';
import { FakeClock, FakeUdp, flush, MemoryLog } from '../../../../../support/fake-udp.js';

const eth0: NetInterface = { name: 'eth0', address: '198.18.0.2', netmask: '255.254.0.0', cidr: '198.18.0.2/15', mac: null };
const NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery"';
const UNLIMITED = { packetsPerSecond: 1e9, packetBurst: 1e9, bytesPerSecond: 1e12, byteBurst: 1e12 };

const uuid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** A ProbeMatch for endpoint `i`, padded with `scopes` text to exactly `size` bytes. */
function probeMatch(i: number, relatesTo: string, size = 0, fill = (n: number) => ' '.repeat(n)): Buffer {
  const head =
    `<s:Envelope ${NS}><s:Header><a:RelatesTo>${relatesTo}</a:RelatesTo></s:Header><s:Body><d:ProbeMatches><d:ProbeMatch>` +
    `<a:EndpointReference><a:Address>urn:uuid:${uuid(i)}</a:Address></a:EndpointReference>` +
    `<d:Types>dn:NetworkVideoTransmitter</d:Types><d:XAddrs>http://198.18.${(i >> 8) & 255}.${i & 255}/onvif/device_service</d:XAddrs><d:Scopes>`;
  const tail = '</d:Scopes></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>';
  return Buffer.from(head + fill(Math.max(0, size - head.length - tail.length)) + tail, 'latin1');
}

/** Control characters (never whitespace); the seed varies the pattern (the endpoint already varies per packet). */
const CONTROL_RUNS = Array.from({ length: 8 }, (_, seed) =>
  Array.from({ length: 65_536 }, (_, k) => String.fromCharCode(1 + ((k * 7 + seed) % 8))).join(''),
);
const controls = (seed: number) => (n: number) => (CONTROL_RUNS[seed % 8] ?? '').slice(0, n);

async function scanning(options: WsdSourceOptions = {}) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const log = new MemoryLog();
  const reports: Observation[] = [];
  const ctx: SourceContext = { interfaces: [eth0], udp: udp.factory, clock, log, report: (o) => reports.push(o) };
  let filters: { repeats: DuplicateFilter; seen: SeenKeys } | null = null;
  const source = createWsdSource({ random: () => 0.5, ...options, inspect: (f) => (filters = f) });
  const scan = source.scan(ctx, 60_000, new AbortController().signal);
  await flush();
  const socket = udp.boundOn(eth0.address);
  const relatesTo = /<wsa:MessageID>([^<]+)</.exec(socket.sends[0]?.text ?? '')?.[1] ?? 'none';
  const finish = async () => {
    await source.close();
    return scan;
  };
  return { clock, log, reports, socket, relatesTo, finish, filters: () => filters! };
}

describe('a forged responder sending distinct 64 KiB control-character ProbeMatches', () => {
  it('remembers each one in 44 characters, whatever its size', async () => {
    const { reports, socket, relatesTo, finish, filters } = await scanning({ budget: UNLIMITED });
    const count = 2_000; // 1–2 ms each to parse; the count cap is proven below with small replies
    for (let i = 0; i < count; i++) socket.deliver(probeMatch(i, relatesTo, 65_536, controls(i)), '198.18.66.6');
    const { repeats, seen } = filters();
    // Before the fix each remembered key was the observation's JSON: ~366 KiB here, 700 MB for these 2,000.
    expect(seen.keyChars).toBe(count * 44);
    expect(repeats.keyChars).toBe(count * 44);
    // Every forged endpoint is still reported once, with the control-character junk left out.
    expect(reports).toHaveLength(count);
    expect(reports.every((r) => r.onvif?.scopes.length === 0 && JSON.stringify(r).length < 2048)).toBe(true);
    await finish();
  }, 30_000);

  it('stops remembering at the count cap, so 25,000 distinct replies hold at most ~860 KiB of keys', async () => {
    const { reports, socket, relatesTo, finish, filters } = await scanning({ budget: UNLIMITED });
    for (let i = 0; i < 25_000; i++) socket.deliver(probeMatch(i, relatesTo), '198.18.66.6');
    const { repeats, seen } = filters();
    expect(seen.size).toBe(DISCOVERY_SEEN_KEYS);
    expect(seen.keyChars).toBe(DISCOVERY_SEEN_KEYS * 44);
    expect(repeats.keyChars).toBe(DISCOVERY_SEEN_KEYS * 44);
    expect(reports).toHaveLength(25_000); // past the cap replies are still reported, just not remembered
    await finish();
  }, 30_000);

  it('reports an identical reply only once, however often it is repeated', async () => {
    const { reports, socket, relatesTo, finish } = await scanning();
    const packet = probeMatch(7, relatesTo, 65_536, controls(7));
    for (let i = 0; i < 50; i++) socket.deliver(packet, '198.18.66.6');
    expect(reports).toHaveLength(1);
    expect((await finish()).repliesReceived).toBe(50);
  });
});

describe('the packet budget', () => {
  it('never drops a 250-camera burst: 1,800 replies in half a second all reach the inventory', async () => {
    const { clock, reports, socket, relatesTo, finish } = await scanning();
    for (let i = 0; i < 1_800; i++) {
      socket.deliver(probeMatch(i % 250, relatesTo, 1_600 + (i % 7)), `198.18.1.${(i % 250) + 1}`);
      if (i % 100 === 99) await clock.advance(25); // 18 × 25 ms ≈ 0.45 s
    }
    const stats = await finish();
    expect(new Set(reports.map((r) => r.endpoint)).size).toBe(250);
    expect(stats).toMatchObject({ overBudget: 0, dropped: 0, errors: [] });
  });

  it('counts a flood as dropped and over budget, tells the user why, and takes replies again a second later', async () => {
    const { clock, log, reports, socket, relatesTo, finish } = await scanning();
    const junk = Buffer.from('<x>not a reply</x>');
    for (let i = 0; i < 20_000; i++) socket.deliver(junk, '198.18.66.6');
    socket.deliver(probeMatch(1, relatesTo, 1_600), '198.18.1.1'); // a real camera, inside the flood
    expect(reports).toHaveLength(0);
    await clock.advance(1_000);
    socket.deliver(probeMatch(1, relatesTo, 1_600), '198.18.1.1'); // its retransmit answer, a second later
    expect(reports.map((r) => r.ip)).toEqual(['198.18.1.1']);
    const stats = await finish();
    expect(stats.overBudget).toBe(20_001 - DISCOVERY_PACKET_BURST);
    expect(stats.dropped).toBe(20_001); // the flood (junk or over budget) and the camera's reply inside it
    expect(stats.errors).toEqual([expect.stringMatching(/flooding UDP port 3702; cameras may be missing/)]);
    // 20,000 junk packets do not become 20,000 log lines.
    expect(log.lines.length).toBeLessThan(20);
  });

  it('holds 64 KiB junk to the byte budget: the burst, then a trickle', async () => {
    const { clock, socket, relatesTo, finish } = await scanning();
    for (let i = 0; i < 1_000; i++) socket.deliver(probeMatch(i, relatesTo, 65_536, controls(i)), '198.18.66.6');
    await clock.advance(1_000);
    for (let i = 0; i < 1_000; i++) socket.deliver(probeMatch(i + 1_000, relatesTo, 65_536, controls(i)), '198.18.66.6');
    const stats = await finish();
    // 8 MiB burst + 2 MiB in the second that passed = 160 packets of 64 KiB parsed out of 2,000.
    expect(stats.repliesReceived).toBe(160);
    expect(stats.overBudget).toBe(2_000 - 160);
  });
});

describe('socket errors during a scan', () => {
  it('are counted, kept once in the diagnostics, logged at a limited rate and never thrown', async () => {
    const { log, socket, finish } = await scanning();
    for (let i = 0; i < 1_000; i++) socket.fail(new Error('recvmsg ENOBUFS'));
    const stats = await finish();
    expect(stats.socketErrors).toBe(1_000);
    expect(stats.errors).toEqual(['Socket error on eth0 (198.18.0.2): recvmsg ENOBUFS.']);
    expect(log.lines.filter((l) => /ENOBUFS/.test(l.message)).length).toBeLessThanOrEqual(5);
  });
});

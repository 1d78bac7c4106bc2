/** Unicast confirmation of one device (after a Hello, or when its MAC is missing). Fake sockets only. */
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import { createWsdSource } from '../../../../../../electron/core/discovery/wsd/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import { DISCOVERY_CONFIRMS_AT_ONCE } from '../../../../../../shared/limits.js';
import type { NetInterface } from '../../../../../../shared/net.js';
import { FakeClock, FakeUdp, flush, MemoryLog } from '../../../../../support/fake-udp.js';
import { fixtureText } from './fixtures.js';

const eth0: NetInterface = { name: 'eth0', address: '198.18.0.2', netmask: '255.254.0.0', cidr: '198.18.0.2/15', mac: null };

function setup() {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const reports: Observation[] = [];
  const ctx: SourceContext = { interfaces: [eth0], udp: udp.factory, clock, log: new MemoryLog(), report: (o) => reports.push(o) };
  return { clock, udp, reports, ctx, source: createWsdSource({ random: () => 0.5 }) };
}

describe('createWsdSource().confirm', () => {
  it('counts only a reply from the probed address; the same reply from any other host is ignored', async () => {
    const { clock, udp, reports, ctx, source } = setup();
    const confirm = source.confirm!(ctx, '198.18.1.40');
    await flush();
    const [socket] = udp.sockets;
    socket?.deliver(fixtureText('axis-probe-matches.xml'), '198.18.1.41'); // a neighbour answering for it
    socket?.deliver(fixtureText('axis-probe-matches.xml'), '198.18.66.6'); // or a forger
    await clock.advance(1_000);
    expect(await confirm).toBe(false);
    expect(new Set(socket?.sends.map((s) => `${s.address}:${s.port}`))).toEqual(new Set(['198.18.1.40:3702']));
    expect(reports).toEqual([]);

    const second = source.confirm!(ctx, '198.18.1.40');
    await flush();
    udp.sockets[1]?.deliver(fixtureText('axis-probe-matches.xml'), '198.18.1.40');
    await clock.advance(1_000);
    expect(await second).toBe(true);
    expect(reports.map((r) => [r.ip, r.interface])).toEqual([['198.18.1.40', 'eth0']]);
    expect(udp.open()).toEqual([]);
  });

  it('never probes an address outside the scan interfaces', async () => {
    const { udp, ctx, source } = setup();
    expect(await source.confirm!(ctx, '192.0.2.7')).toBe(false);
    expect(udp.sockets).toEqual([]);
  });

  it('parses only the first few replies when the probed device floods its answer', async () => {
    const { clock, udp, reports, ctx, source } = setup();
    const confirm = source.confirm!(ctx, '198.18.1.40');
    await flush();
    for (let i = 0; i < 1_000; i++) {
      udp.sockets[0]?.deliver(
        fixtureText('axis-probe-matches.xml').replace('ACCC8E0A1B2C', i.toString(16).padStart(12, '0')),
        '198.18.1.40',
      );
    }
    await clock.advance(1_000);
    expect(await confirm).toBe(true);
    expect(reports.length).toBeLessThanOrEqual(8);
  });

  it(`holds at most ${DISCOVERY_CONFIRMS_AT_ONCE} sockets open for a burst of 300 confirmations, and finishes them all`, async () => {
    const { clock, udp, ctx, source } = setup();
    const confirms = Array.from({ length: 300 }, (_, i) => source.confirm!(ctx, `198.18.2.${(i % 250) + 1}`));
    let peak = 0;
    for (let round = 0; round < 40 && udp.sockets.length < 300; round++) {
      await flush();
      peak = Math.max(peak, udp.open().length);
      await clock.advance(1_000);
    }
    await clock.advance(1_000);
    expect(await Promise.all(confirms)).toEqual(Array(300).fill(false));
    expect(peak).toBe(DISCOVERY_CONFIRMS_AT_ONCE);
    expect(udp.sockets).toHaveLength(300);
    expect(udp.open()).toEqual([]);
  });
});

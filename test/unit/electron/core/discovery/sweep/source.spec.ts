import { describe, expect, it } from 'vitest';
import { parseCidr, type CidrRange } from '../../../../../../shared/cidr.js';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import { createSweepSource } from '../../../../../../electron/core/discovery/sweep/source.js';
import { FakeClock, FakeUdp, MemoryLog } from '../../../../../support/fake-udp.js';
import { FakeHttp } from '../ssdp/fixtures.js';

const range = (text: string): CidrRange => {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.range;
};

function setup(ranges: CidrRange[]) {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const iface = { name: 'lab0', address: '198.18.4.2', netmask: '255.255.255.0', cidr: '198.18.4.2/24', mac: null };
  const ctx: SourceContext = { interfaces: [iface], udp: udp.factory, clock, log: new MemoryLog(), report: () => undefined };
  const tcpConnect = async (ip: string) => ip === '198.18.4.40';
  const source = createSweepSource({ http: new FakeHttp(), tcpConnect, ranges: () => ranges, random: () => 0.5 });
  return { clock, udp, ctx, source };
}

describe('createSweepSource', () => {
  it('with no ranges entered, sends nothing and returns at once', async () => {
    const { udp, ctx, source } = setup([]);
    expect(source.name).toBe('sweep');
    expect(await source.scan(ctx, 3000, new AbortController().signal)).toMatchObject({ probesSent: 0, repliesReceived: 0 });
    expect(udp.sockets).toEqual([]);
  });

  it('sweeps the entered ranges to the end and says how many addresses answered', async () => {
    const { clock, ctx, source } = setup([range('198.18.4.32/28')]);
    const scan = source.scan(ctx, 100, new AbortController().signal);
    await clock.advance(5000);
    expect(await scan).toMatchObject({ probesSent: 14, repliesReceived: 1, errors: [] });
  });

  it('close() cancels a sweep in progress', async () => {
    const { clock, udp, ctx, source } = setup([range('198.18.4.0/24')]);
    const scan = source.scan(ctx, 100, new AbortController().signal);
    await clock.advance(300);
    await source.close();
    const stats = await scan;
    expect(stats.probesSent).toBeLessThan(254);
    expect(udp.open()).toEqual([]);
  });
});

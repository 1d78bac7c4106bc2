/**
 * AppSequence: per endpoint, only a Hello/Bye newer than the last one counts. A replayed Bye must not make a live
 * camera vanish, repeated multicast copies are one announcement, and a reboot (higher InstanceId) starts afresh.
 */
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import { AppSequenceFilter } from '../../../../../../electron/core/discovery/wsd/app-sequence.js';
import { createWsdSource } from '../../../../../../electron/core/discovery/wsd/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import type { NetInterface } from '../../../../../../shared/net.js';
import { FakeClock, FakeUdp, MemoryLog } from '../../../../../support/fake-udp.js';
import { fixtureText } from './fixtures.js';

const stamp = (instanceId: number, messageNumber: number, sequenceId: string | null = null) => ({ instanceId, messageNumber, sequenceId });

describe('AppSequenceFilter', () => {
  it('keeps newer messages per endpoint, drops repeats and older ones, and lets a higher InstanceId reset the count', () => {
    const filter = new AppSequenceFilter();
    expect(filter.check('cam-a', stamp(5, 1))).toBe('new');
    expect(filter.check('cam-a', stamp(5, 1))).toBe('stale'); // the multicast repeat
    expect(filter.check('cam-a', stamp(5, 3))).toBe('new');
    expect(filter.check('cam-a', stamp(5, 2))).toBe('stale'); // arrived late
    expect(filter.check('cam-b', stamp(5, 2))).toBe('new'); // another endpoint has its own count
    expect(filter.check('cam-a', stamp(4, 99))).toBe('stale'); // from before the last reboot
    expect(filter.check('cam-a', stamp(6, 1))).toBe('new'); // rebooted: numbering restarts
    expect(filter.check('cam-a', stamp(6, 1, 'urn:uuid:other'))).toBe('stale'); // a SequenceId does not open a side door
  });

  it('keeps what it cannot date: no AppSequence, or no endpoint', () => {
    const filter = new AppSequenceFilter();
    expect(filter.check('cam-a', null)).toBe('unsequenced');
    expect(filter.check('cam-a', null)).toBe('unsequenced');
    expect(filter.check(null, stamp(1, 1))).toBe('unsequenced');
  });

  it('holds at most its limit of endpoints, forgetting the longest-unheard first', () => {
    const filter = new AppSequenceFilter(3);
    for (const endpoint of ['a', 'b', 'c']) filter.check(endpoint, stamp(1, 1));
    filter.check('a', stamp(1, 2)); // a is heard again: b is now the oldest
    filter.check('d', stamp(1, 1));
    expect(filter.size).toBe(3);
    expect(filter.check('a', stamp(1, 2))).toBe('stale'); // still remembered
    expect(filter.check('b', stamp(1, 1))).toBe('new'); // forgotten, so accepted again
  });
});

describe('createWsdSource().listen with AppSequence', () => {
  const eth0: NetInterface = { name: 'eth0', address: '192.168.1.10', netmask: '255.255.255.0', cidr: '192.168.1.10/24', mac: null };

  it('drops repeated and replayed announcements: a stale Bye cannot remove a camera that said Hello since', async () => {
    const clock = new FakeClock();
    const udp = new FakeUdp(clock);
    const log = new MemoryLog();
    const reports: Observation[] = [];
    const ctx: SourceContext = { interfaces: [eth0], udp: udp.factory, clock, log, report: (o) => reports.push(o) };
    const source = createWsdSource({ random: () => 0.5 });
    await source.listen(ctx);
    const [listener] = udp.sockets;
    const hello = (instance: number, n: number) =>
      fixtureText('camera-hello.xml').replace('InstanceId="1700000002" MessageNumber="1"', `InstanceId="${instance}" MessageNumber="${n}"`);
    const bye = (instance: number, n: number) =>
      fixtureText('camera-bye.xml').replace('InstanceId="1700000002" MessageNumber="2"', `InstanceId="${instance}" MessageNumber="${n}"`);

    listener?.deliver(bye(100, 2), '192.168.1.41'); // the camera leaves…
    listener?.deliver(hello(100, 3), '192.168.1.41'); // …and is back
    listener?.deliver(hello(100, 3), '192.168.1.41'); // multicast repeat of that Hello
    listener?.deliver(bye(100, 2), '192.168.1.41'); // someone replays the old Bye
    listener?.deliver(bye(99, 50), '192.168.1.41'); // or one from before the camera's last reboot
    listener?.deliver(hello(101, 1), '192.168.1.41'); // the camera rebooted: a new instance counts from 1
    listener?.deliver(fixtureText('camera-hello.xml').replace(/<d:AppSequence[^>]*\/>/, ''), '192.168.1.41'); // no stamp: kept

    expect(reports.map((r) => r.kind)).toEqual(['bye', 'alive', 'alive', 'alive']);
    expect(log.lines.filter((l) => /stale or replayed/.test(l.message))).toHaveLength(3);
    await source.close();
  });
});

import { describe, expect, it } from 'vitest';
import { PacketBudget } from '../../../../../electron/core/discovery/packet-budget.js';

const clockAt = (start: number) => {
  const clock = { time: start, now: () => clock.time };
  return clock;
};
const small = { packetsPerSecond: 10, packetBurst: 20, bytesPerSecond: 1000, byteBurst: 2000 };

describe('PacketBudget', () => {
  it('takes a burst at once, then refills at the per-second rate', () => {
    const clock = clockAt(0);
    const budget = new PacketBudget(clock, small);
    expect(Array.from({ length: 25 }, () => budget.take(1)).filter(Boolean)).toHaveLength(20);
    clock.time += 500;
    expect(Array.from({ length: 25 }, () => budget.take(1)).filter(Boolean)).toHaveLength(5);
    expect(budget.refused).toBe(25);
  });

  it('counts bytes as well as packets: large packets run out first', () => {
    const clock = clockAt(0);
    const budget = new PacketBudget(clock, small);
    expect(Array.from({ length: 5 }, () => budget.take(600)).filter(Boolean)).toHaveLength(3);
    clock.time += 1000;
    expect(budget.take(600)).toBe(true); // 200 left + 1000 refilled
  });

  it('mints nothing when the wall clock steps backwards, and keeps working after', () => {
    const clock = clockAt(1_000_000);
    const budget = new PacketBudget(clock, small);
    for (let i = 0; i < 20; i++) budget.take(1);
    clock.time -= 3_600_000;
    expect(budget.take(1)).toBe(false);
    clock.time += 1000;
    expect(budget.take(1)).toBe(true);
  });

  it('never fills beyond the burst, however long it was idle', () => {
    const clock = clockAt(0);
    const budget = new PacketBudget(clock, small);
    clock.time += 86_400_000;
    expect(Array.from({ length: 30 }, () => budget.take(1)).filter(Boolean)).toHaveLength(20);
  });

  it('describes the default budget in words for the diagnostics', () => {
    expect(new PacketBudget(clockAt(0)).describe()).toBe('2000 packets or 2 MiB a second');
  });
});

import { describe, expect, it } from 'vitest';
import { CONFIRM_LIMITS, createConfirmQueue } from '../../../../../electron/core/identity/confirm-queue.js';
import { ManualClock } from '../../../../support/fake-ports.js';

/** A confirm that answers after `ms` on the manual clock, recording when each IP was asked. */
function harness(ms = 1000) {
  const clock = new ManualClock();
  const asked: { ip: string; at: number }[] = [];
  let open = 0;
  let maxOpen = 0;
  let settled = 0;
  const queue = createConfirmQueue({
    clock,
    confirm: (ip) => {
      asked.push({ ip, at: clock.now() });
      maxOpen = Math.max(maxOpen, ++open);
      return new Promise((resolve) => clock.setTimeout(() => (open--, resolve(false)), ms));
    },
    onSettled: () => settled++,
  });
  return { clock, queue, asked, maxOpen: () => maxOpen, settled: () => settled };
}

const forged = (n: number) => Array.from({ length: n }, (_, i) => `198.18.${Math.floor(i / 250) + 10}.${(i % 250) + 1}`);

describe('confirm probes', () => {
  it('asks one silent device once, and not again within 30 s', async () => {
    const h = harness();
    h.queue.offer('198.18.1.1');
    await h.clock.advance(100);
    h.queue.offer('198.18.1.1');
    await h.clock.advance(29_000);
    h.queue.offer('198.18.1.1');
    await h.clock.advance(100);
    expect(h.asked.map((a) => a.ip)).toEqual(['198.18.1.1']);
    expect(h.settled()).toBe(1);
    await h.clock.advance(1000);
    h.queue.offer('198.18.1.1');
    await h.clock.advance(100);
    expect(h.asked).toHaveLength(2);
  });

  it('under a flood of 6,000 forged IPs sends at most 20 a second, 8 at once, and about 600 in 30 s', async () => {
    const h = harness();
    const ips = forged(6000);
    for (let second = 0; second < 30; second++) {
      // Every refresh offers every unresolved IP again; the queue must not let that through.
      for (const ip of ips) h.queue.offer(ip);
      await h.clock.advance(1000);
    }
    const starts = h.asked.map((a) => a.at);
    for (const at of starts) expect(starts.filter((t) => t >= at && t < at + 1000).length).toBeLessThanOrEqual(CONFIRM_LIMITS.perSecond);
    expect(h.maxOpen()).toBeLessThanOrEqual(CONFIRM_LIMITS.inFlight);
    expect(h.asked.length).toBeLessThanOrEqual(30 * CONFIRM_LIMITS.perSecond);
    expect(h.asked.length).toBeGreaterThan(100);
    expect(new Set(h.asked.map((a) => a.ip)).size).toBe(h.asked.length);
    const stats = h.queue.stats();
    expect(stats.waiting).toBeLessThanOrEqual(CONFIRM_LIMITS.queued);
    expect(stats.remembered).toBeLessThanOrEqual(30 * CONFIRM_LIMITS.perSecond);
  });

  it('starts nothing after close', async () => {
    const h = harness();
    for (const ip of forged(50)) h.queue.offer(ip);
    h.queue.close();
    h.queue.offer('198.18.1.1');
    await h.clock.advance(5000);
    expect(h.asked.length).toBeLessThanOrEqual(CONFIRM_LIMITS.inFlight);
    expect(h.clock.pending()).toBe(0);
  });
});

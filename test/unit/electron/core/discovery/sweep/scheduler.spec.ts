import { describe, expect, it } from 'vitest';
import { runScheduled } from '../../../../../../electron/core/discovery/sweep/scheduler.js';
import { FakeClock } from '../../../../../support/fake-udp.js';

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `198.18.4.${i + 1}`);

/** A task that takes `ms` on the fake clock and records how many ran at once and when each started. */
function timedTask(clock: FakeClock, ms: number) {
  const record = { running: 0, peak: 0, starts: [] as number[] };
  const task = (_ip: string) =>
    new Promise<void>((resolve) => {
      record.running++;
      record.peak = Math.max(record.peak, record.running);
      record.starts.push(clock.now());
      clock.setTimeout(() => {
        record.running--;
        resolve();
      }, ms);
    });
  return { record, task };
}

describe('runScheduled', () => {
  it('never runs more than `concurrency` tasks at once', async () => {
    const clock = new FakeClock();
    const { record, task } = timedTask(clock, 1000);
    const run = runScheduled(addresses(100), task, { concurrency: 8, perSecond: 10_000 }, clock, new AbortController().signal);
    await clock.advance(20_000);
    expect(await run).toEqual({ started: 100, completed: 100, cancelled: false });
    expect(record.peak).toBe(8);
  });

  it('starts at most `perSecond` tasks per second, evenly spaced', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const { record, task } = timedTask(clock, 10);
    const run = runScheduled(addresses(50), task, { concurrency: 100, perSecond: 20 }, clock, new AbortController().signal);
    await clock.advance(5_000);
    await run;
    const starts = record.starts.map((at) => at - t0);
    expect(starts.filter((at) => at < 1000)).toHaveLength(20);
    expect(starts.slice(0, 3)).toEqual([0, 50, 100]);
  });

  it('cancel starts nothing more and waits for the tasks in flight', async () => {
    const clock = new FakeClock();
    const { record, task } = timedTask(clock, 100);
    const abort = new AbortController();
    let outcome: unknown = null;
    void runScheduled(addresses(254), task, { concurrency: 4, perSecond: 1000 }, clock, abort.signal).then((o) => (outcome = o));
    await clock.advance(250);
    abort.abort();
    await clock.advance(1000);
    expect(outcome).toMatchObject({ cancelled: true });
    const { started, completed } = outcome as { started: number; completed: number };
    expect(started).toBe(completed);
    expect(started).toBeLessThan(254);
    expect(record.running).toBe(0);
  });

  it('one failing task does not stop the rest', async () => {
    const clock = new FakeClock();
    let ran = 0;
    const task = async (ip: string) => {
      ran++;
      if (ip.endsWith('.3')) throw new Error('boom');
    };
    const run = runScheduled(addresses(10), task, { concurrency: 2, perSecond: 1000 }, clock, new AbortController().signal);
    await clock.advance(1000);
    expect(await run).toMatchObject({ started: 10, completed: 10 });
    expect(ran).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import type { AdminApi, Channel } from '../../../../../electron/core/cloud/admin-api.js';
import { failure, success, type CloudResult } from '../../../../../electron/core/cloud/failure.js';
import { createCloudWatcher } from '../../../../../electron/core/cloud/watcher.js';
import type { Logger } from '../../../../../electron/platform/ports.js';
import { FakeClock } from '../../../../support/fake-udp.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** An admin API whose getChannel answers from a script, recording when it was asked. */
function scriptedApi(clock: FakeClock, answer: (call: number) => CloudResult<Partial<Channel>>) {
  const calls: number[] = [];
  const api = {
    getChannel: (id: number) => {
      calls.push(clock.now());
      const r = answer(calls.length);
      return Promise.resolve(r.ok ? success({ id, name: '', meta: {}, token: null, tokenProblem: null, streaming: null, ...r.value }) : r);
    },
  } as unknown as AdminApi;
  return { api, calls };
}

function watch(clock: FakeClock, api: AdminApi) {
  const events: string[] = [];
  const watcher = createCloudWatcher({
    clock,
    log: quiet,
    admin: () => Promise.resolve(api),
    onOnline: (d, c) => void events.push(`online ${d} ${c}`),
    onFailed: (d, _c, m) => void events.push(`failed ${d} ${m}`),
  });
  return { watcher, events };
}

describe('cloud watcher', () => {
  it('reads the channel every 5 s and reports online once the cloud says it is streaming, then stops', async () => {
    const clock = new FakeClock();
    const { api, calls } = scriptedApi(clock, (n) => success({ streaming: n >= 3 }));
    const { watcher, events } = watch(clock, api);
    watcher.watch('dev-1', 7, 'ACCC8E000001');
    await clock.advance(60_000);
    expect(events).toEqual(['online dev-1 7']);
    expect(calls.map((t) => t - calls[0]!)).toEqual([0, 5000, 10_000]);
    expect(watcher.pending()).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('backs off while the cloud fails and gives up after 2 hours with a sentence', async () => {
    const clock = new FakeClock();
    const { api, calls } = scriptedApi(clock, () => failure('server', 'The VXG admin API had an internal error.'));
    const { watcher, events } = watch(clock, api);
    watcher.watch('dev-1', 7, 'ACCC8E000001');
    await clock.advance(3 * 60 * 60_000);
    const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
    expect(gaps.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(65_000);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/failed dev-1 Camera ACCC8E000001 did not come online within 120 minutes/);
    expect(clock.pending()).toBe(0);
  });

  it('marks the device failed when the channel was deleted', async () => {
    const clock = new FakeClock();
    const { api } = scriptedApi(clock, () => failure('not-found', 'gone'));
    const { watcher, events } = watch(clock, api);
    watcher.watch('dev-1', 7, 'ACCC8E000001');
    await clock.advance(10_000);
    expect(events[0]).toMatch(/Channel 7 of camera ACCC8E000001 no longer exists/);
  });
});

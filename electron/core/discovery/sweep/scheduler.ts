/**
 * Runs one task per address with at most `concurrency` in flight and at most `perSecond` started per second,
 * on the injected clock (so tests drive time). Cancelling (AbortSignal) starts nothing new; tasks in flight get
 * the same signal and are awaited, so when run() resolves no socket of the sweep is left open.
 */
import type { Clock } from '../../../platform/ports.js';

export interface ScheduleLimits {
  concurrency: number;
  perSecond: number;
}

export interface ScheduleOutcome {
  started: number;
  completed: number;
  cancelled: boolean;
}

export async function runScheduled(
  items: Iterable<string>,
  task: (item: string) => Promise<void>,
  limits: ScheduleLimits,
  clock: Clock,
  signal: AbortSignal,
): Promise<ScheduleOutcome> {
  const concurrency = Math.max(1, Math.floor(limits.concurrency));
  const spacing = 1000 / Math.max(0.001, limits.perSecond);
  const inFlight = new Set<Promise<void>>();
  let started = 0;
  let completed = 0;
  let nextStart = clock.now();
  let wake: (() => void) | null = null;
  const onAbort = (): void => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });

  /** Resolves after `ms` on the clock, or at once when the sweep is cancelled. */
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const cancel = clock.setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        cancel();
        wake = null;
        resolve();
      };
    });

  try {
    for (const item of items) {
      if (signal.aborted) break;
      while (inFlight.size >= concurrency && !signal.aborted) {
        await Promise.race([...inFlight, new Promise<void>((resolve) => (wake = resolve))]);
        wake = null;
      }
      const wait = nextStart - clock.now();
      if (wait > 0) await sleep(wait);
      if (signal.aborted) break;
      nextStart = Math.max(nextStart, clock.now()) + spacing;
      started++;
      const running: Promise<void> = task(item)
        .catch(() => undefined) // a task reports its own failures; one bad address never stops the sweep
        .finally(() => {
          completed++;
          inFlight.delete(running);
        });
      inFlight.add(running);
    }
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return { started, completed, cancelled: signal.aborted };
}

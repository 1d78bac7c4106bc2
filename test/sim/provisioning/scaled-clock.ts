/**
 * A Clock that runs `scale` times faster than the wall clock, for the lab's camera processes: with 600, the
 * seed's "every minute" is 100 ms and "every hour" 6 s, so a test sees the whole schedule in seconds.
 */
import type { Clock } from '../../../electron/platform/ports.js';

export function scaledClock(scale: number, wall: () => number = Date.now): Clock {
  const factor = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const origin = wall();
  return {
    now: () => origin + (wall() - origin) * factor,
    setTimeout: (fn, ms) => {
      const handle = setTimeout(fn, Math.max(0, ms) / factor);
      return () => clearTimeout(handle);
    },
  };
}

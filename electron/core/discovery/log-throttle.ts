/**
 * Rate-limited logging for things a LAN host can trigger at will (junk packets, socket errors): a flood must
 * not become a flood of log lines. At most `perWindow` lines per window; the first line of the next window
 * says how many were left out.
 */
import type { Clock, LogFields, Logger } from '../../platform/ports.js';

type Level = keyof Logger;

export function throttledLog(log: Logger, clock: Pick<Clock, 'now'>, perWindow = 5, windowMs = 10_000) {
  let windowStart = -Infinity;
  let written = 0;
  let suppressed = 0;
  return (level: Level, message: string, fields: LogFields = {}): void => {
    const now = clock.now();
    if (now - windowStart >= windowMs || now < windowStart) {
      windowStart = now;
      written = 0;
    }
    if (written >= perWindow) {
      suppressed++;
      return;
    }
    written++;
    const extra = suppressed > 0 ? { suppressedBefore: suppressed } : {};
    suppressed = 0;
    log[level](message, { ...fields, ...extra });
  };
}

import type { LogFields, Logger } from '../platform/ports.js';

export interface RateLimit {
  /** Lines of one kind written per window; the rest are counted and summarised once the window ends. */
  perWindow: number;
  windowMs: number;
}

/**
 * A warn() that writes each kind of message at most `perWindow` times per window, then one line saying how
 * many were suppressed. A hostile client sending 100k bad frames otherwise fills the terminal and disk.
 */
export function createRateLimitedWarn(log: Logger, limit: RateLimit = { perWindow: 5, windowMs: 10_000 }, now: () => number = Date.now) {
  const kinds = new Map<string, { start: number; written: number; suppressed: number }>();
  return (message: string, fields?: LogFields): void => {
    const t = now();
    let kind = kinds.get(message);
    if (!kind || t - kind.start >= limit.windowMs) {
      if (kind?.suppressed) log.warn(`suppressed ${kind.suppressed} more warnings like: ${message}`);
      kind = { start: t, written: 0, suppressed: 0 };
      kinds.set(message, kind);
    }
    if (kind.written < limit.perWindow) {
      kind.written++;
      log.warn(message, fields);
    } else {
      kind.suppressed++;
    }
  };
}

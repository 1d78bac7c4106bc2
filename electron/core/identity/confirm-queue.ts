/**
 * Unicast "confirm" probes to devices the neighbour table does not know yet (the exchange makes the OS
 * resolve the MAC). Hazard: the IPs come from untrusted packets; during a flood of forged Hellos the old
 * enricher sent ~2,900 probes from 1,744 sockets. So: once per IP per `everyMs`, at most `perSecond` starts
 * in any second and `inFlight` at once, and a bounded queue. Every structure here is bounded by those limits.
 */
import type { Clock } from '../../platform/ports.js';

export interface ConfirmLimits {
  /** The same IP is asked at most once in this window. */
  everyMs: number;
  /** Starts in any 1 s window. */
  perSecond: number;
  /** Probes (and so sockets) open at once. */
  inFlight: number;
  /** IPs waiting for a slot; more are dropped and offered again by a later refresh. */
  queued: number;
}

export const CONFIRM_LIMITS: ConfirmLimits = { everyMs: 30_000, perSecond: 20, inFlight: 8, queued: 256 };

export interface ConfirmQueueDeps {
  clock: Clock;
  confirm(ip: string): Promise<boolean>;
  /** A probe finished (answered or not): time to read the neighbour table again. */
  onSettled(): void;
  limits?: Partial<ConfirmLimits>;
}

export function createConfirmQueue(deps: ConfirmQueueDeps) {
  const limits = { ...CONFIRM_LIMITS, ...deps.limits };
  // Insertion order is time order (an IP is deleted before it is asked again), so pruning stops early.
  const askedAt = new Map<string, number>();
  const waiting = new Set<string>();
  const starts: number[] = [];
  let inFlight = 0;
  let sent = 0;
  let wake: (() => void) | null = null;
  let closed = false;

  const prune = (now: number) => {
    for (const [ip, at] of askedAt) {
      if (now - at < limits.everyMs) break;
      askedAt.delete(ip);
    }
    while (starts.length > 0 && now - (starts[0] ?? now) >= 1000) starts.shift();
  };

  const start = (ip: string, now: number) => {
    waiting.delete(ip);
    askedAt.delete(ip);
    askedAt.set(ip, now);
    starts.push(now);
    inFlight++;
    sent++;
    void deps
      .confirm(ip)
      .catch(() => false)
      .finally(() => {
        inFlight--;
        if (closed) return;
        deps.onSettled();
        pump();
      });
  };

  const pump = () => {
    const now = deps.clock.now();
    prune(now);
    for (const ip of waiting) {
      if (closed || inFlight >= limits.inFlight) return;
      if (starts.length >= limits.perSecond) {
        wake ??= deps.clock.setTimeout(
          () => {
            wake = null;
            pump();
          },
          (starts[0] ?? now) + 1000 - now,
        );
        return;
      }
      start(ip, now);
    }
  };

  return {
    /** Ask this IP soon, unless it was asked within `everyMs` or the queue is full. */
    offer(ip: string): void {
      if (closed || waiting.has(ip)) return;
      const at = askedAt.get(ip);
      if (at !== undefined && deps.clock.now() - at < limits.everyMs) return;
      if (waiting.size >= limits.queued) return;
      waiting.add(ip);
      pump();
    },
    stats: () => ({ sent, inFlight, waiting: waiting.size, remembered: askedAt.size }),
    close(): void {
      closed = true;
      wake?.();
      wake = null;
      waiting.clear();
    },
  };
}

/**
 * The sweep as a DiscoverySource, for the core's scan runner: `scan` sweeps whatever ranges `ranges()` returns
 * at that moment (none: it sends nothing and returns at once). The sweep runs to completion or cancel; a /24
 * takes ~2.5 s at the default pace, so `durationMs` is not a cap (cutting a sweep short would hide cameras
 * silently). There is nothing to listen for. In its stats, probesSent counts addresses probed and
 * repliesReceived addresses that answered.
 */
import { setMaxListeners } from 'node:events';
import type { CidrRange } from '../../../../shared/cidr.js';
import type { DiscoverySource, SourceContext, SourceStats } from '../source.js';
import { runSweep, type SweepDeps, type SweepProgress, type SweepRequest } from './run.js';

/** Above the most listeners a sweep attaches at once (3 per address in flight, DEFAULT_SWEEP_LIMITS.concurrency 128). */
const SWEEP_ABORT_LISTENERS = 1024;

export interface SweepSourceOptions extends SweepDeps {
  ranges: () => readonly CidrRange[];
  via?: () => string | undefined;
  /** HTTP ports for the ONVIF fallback at the moment a scan starts; the default list when undefined. */
  ports?: () => readonly number[] | undefined;
  limits?: SweepRequest['limits'];
  onProgress?: (progress: SweepProgress) => void;
}

export function createSweepSource(options: SweepSourceOptions): DiscoverySource {
  const running = new Set<AbortController>();
  return {
    name: 'sweep',
    listen: async () => undefined,
    async scan(ctx: SourceContext, _durationMs: number, signal: AbortSignal): Promise<SourceStats> {
      const ranges = options.ranges();
      const stats: SourceStats = { probesSent: 0, repliesReceived: 0, dropped: 0, errors: [], skipped: [] };
      if (ranges.length === 0) return stats;
      const own = new AbortController();
      // Every address in flight listens for cancel (probe, then the HTTP and RTSP deadlines): hundreds at once are
      // expected here, not a leak, so Node's 10-listener warning must not reach a technician's terminal.
      setMaxListeners(SWEEP_ABORT_LISTENERS, own.signal);
      const onAbort = (): void => own.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      if (signal.aborted) own.abort();
      running.add(own);
      try {
        const ports = options.ports?.();
        const request: SweepRequest = {
          ranges,
          via: options.via?.(),
          limits: options.limits,
          onProgress: options.onProgress,
          ...(ports ? { ports } : {}),
        };
        const sweep = await runSweep(ctx, request, options, own.signal);
        return { ...stats, probesSent: sweep.done, repliesReceived: sweep.found, errors: sweep.errors };
      } finally {
        signal.removeEventListener('abort', onAbort);
        running.delete(own);
      }
    },
    async close(): Promise<void> {
      for (const controller of running) controller.abort();
    },
  };
}

/**
 * Live progress: counts per state, the finishing rate since the job (re)started with paused time left out, and
 * the ETA at that rate. Timing comes from the injected clock.
 */
import type { CameraJobState, JobProgress } from '../../../shared/onboarding.js';
import type { Clock } from '../../platform/ports.js';

export class ProgressMeter {
  private activeMs = 0;
  private since: number | null;
  private finishedThisRun = 0;

  constructor(
    private readonly clock: Clock,
    private readonly states: Map<string, CameraJobState>,
  ) {
    this.since = clock.now();
  }

  finished(): void {
    this.finishedThisRun += 1;
  }

  pause(): void {
    if (this.since === null) return;
    this.activeMs += this.clock.now() - this.since;
    this.since = null;
  }

  resume(): void {
    this.since ??= this.clock.now();
  }

  snapshot(state: JobProgress['state']): JobProgress {
    const counts: Record<CameraJobState, number> = { pending: 0, running: 0, waiting: 0, onboarded: 0, failed: 0, cancelled: 0 };
    for (const camera of this.states.values()) counts[camera] += 1;
    const elapsed = this.activeMs + (this.since === null ? 0 : this.clock.now() - this.since);
    const perMs = elapsed > 0 ? this.finishedThisRun / elapsed : 0;
    const remaining = counts.pending + counts.running + counts.waiting;
    return {
      total: this.states.size,
      done: counts.onboarded,
      failed: counts.failed,
      running: counts.running,
      waiting: counts.waiting,
      pending: counts.pending,
      ratePerMinute: Math.round(perMs * 60_000 * 10) / 10,
      etaMs: remaining === 0 ? 0 : perMs > 0 ? Math.round(remaining / perMs) : null,
      state,
    };
  }
}

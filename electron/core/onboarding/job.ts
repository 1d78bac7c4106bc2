/**
 * The resumable job engine. Per camera it walks the steps in order; `done` steps (from this run or a replayed
 * ledger) are skipped, and a step that may already have had an effect is reconciled before it runs again, so a
 * crash between "POST sent" and "done written" never makes a second channel or record. Every step start and
 * result is in the ledger before the job moves on. At most `concurrency` steps run at once; failed tries back
 * off; the cloud's 429 holds every camera; pause, resume and cancel act between steps.
 */
import type { CameraJobState, JobProgress, StepName } from '../../../shared/onboarding.js';
import type { Clock } from '../../platform/ports.js';
import { StepGate } from './gate.js';
import type { JobCamera, JobOptions, JobStep, JobSummary, ReconcileOutcome, StepOutcome } from './job-types.js';
import type { LedgerReplay, LedgerWriter } from './ledger.js';
import { ProgressMeter } from './progress.js';

const MAX_DETAIL = 2000;
/** A Retry-After longer than this is taken as this: a hostile or broken answer must not park the job for days. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** The cloud's hint in milliseconds, bounded; null when the failure carries none. */
function retryAfter(outcome: StepOutcome): number | null {
  if (outcome.status !== 'failed' || typeof outcome.retryAfterMs !== 'number' || !(outcome.retryAfterMs >= 0)) return null;
  return Math.min(outcome.retryAfterMs, MAX_RETRY_AFTER_MS);
}

class LedgerFailure extends Error {}

/** Secrets out, length bounded: details go to the ledger on disk and to every front door. */
export function safeDetail(detail: string, secrets: readonly string[] = []): string {
  let text = typeof detail === 'string' ? detail : String(detail);
  for (const secret of secrets) if (secret.length > 0) text = text.split(secret).join('***');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

export class OnboardingJob<C> {
  private readonly gate: StepGate;
  private readonly states = new Map<string, CameraJobState>();
  private readonly details = new Map<string, string>();
  private readonly meter: ProgressMeter;
  private readonly abort = new AbortController();
  private readonly sleepers = new Set<() => void>();
  private state: JobProgress['state'] = 'running';
  private stopReason: string | null = null;

  constructor(
    private readonly options: JobOptions<C>,
    private readonly ledger: LedgerWriter,
    private readonly replay: LedgerReplay,
    private readonly clock: Clock,
  ) {
    this.gate = new StepGate(clock, Math.max(1, Math.floor(options.concurrency ?? 8)));
    for (const camera of options.cameras) this.states.set(camera.cameraId, 'pending');
    this.meter = new ProgressMeter(clock, this.states);
  }

  /** Most steps that ever ran at once. */
  get peakConcurrency(): number {
    return this.gate.peak;
  }

  progress(): JobProgress {
    return this.meter.snapshot(this.state);
  }

  /** Each camera's state and latest sentence, in the job's order. */
  cameras(): JobSummary['cameras'] {
    return this.summary('finished').cameras;
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.state = 'paused';
    this.gate.pause();
    this.meter.pause();
    this.emit();
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.meter.resume();
    this.gate.resume();
    this.emit();
  }

  /** Stop starting steps; steps already running finish and their results are recorded. */
  cancel(): void {
    if (this.state !== 'running' && this.state !== 'paused') return;
    this.state = 'cancelling';
    this.shutDown();
    this.emit();
  }

  async run(): Promise<JobSummary> {
    const at = this.now();
    try {
      if (this.replay.start) await this.ledger.write({ type: 'job-resume', at });
      else await this.ledger.write({ type: 'job-start', at, ...this.options.describe, cameras: this.cameraList() });
    } catch (error) {
      return this.stopped(`The job's ledger could not be written (${describeError(error)}); nothing was changed.`);
    }
    this.emit();
    await Promise.all(this.options.cameras.map((camera) => this.runCamera(camera)));
    if (this.stopReason) return this.stopped(this.stopReason);
    const outcome = this.state === 'cancelling' ? 'cancelled' : 'finished';
    this.state = outcome;
    this.meter.pause();
    const summary = this.summary(outcome);
    try {
      await this.ledger.write({ type: 'job-end', at: this.now(), outcome, detail: summary.detail });
    } catch {
      // The cameras' results are already in the ledger; only the closing line is missing, and replay copes.
    }
    this.emit();
    return summary;
  }

  private cameraList() {
    return this.options.cameras.map(({ cameraId, csvLine }) => ({ cameraId, csvLine }));
  }

  private async runCamera(camera: JobCamera<C>): Promise<void> {
    const recorded = this.replay.steps.get(camera.cameraId);
    if (this.options.steps.every((step) => recorded?.get(step.name)?.status === 'done')) {
      // Finished in an earlier run: counted as done, but not towards this run's rate.
      this.mark(camera.cameraId, 'onboarded', 'Every step was done in an earlier run.');
      return;
    }
    try {
      for (const step of this.options.steps) {
        const finished = await this.runStep(camera, step);
        if (!finished) return;
      }
      this.settle(camera.cameraId, 'onboarded', 'Every step is done.');
    } catch (error) {
      if (!(error instanceof LedgerFailure)) throw error;
      this.stopReason ??= `The job stopped because its ledger could not be written (${error.message}); run it again to resume.`;
      this.state = 'cancelling';
      this.shutDown();
    }
  }

  /** True when the step is done; false when the camera failed or the job was cancelled. */
  private async runStep(camera: JobCamera<C>, step: JobStep<C>): Promise<boolean> {
    const recorded = this.replay.steps.get(camera.cameraId)?.get(step.name);
    if (recorded?.status === 'done') return true;
    let attempt = recorded?.attempt ?? 0;
    // Anything recorded (started or failed) means the world may have changed: look before doing it again.
    let mustReconcile = recorded !== undefined;
    let tries = 0;
    let rateLimited = 0;
    const maxAttempts = this.options.maxAttempts ?? 4;
    for (;;) {
      // A step that only waits on the world (the camera fetching its token) holds no slot: 400 may wait at once.
      const slot = step.waits ? this.state !== 'cancelling' : await this.gate.acquire();
      if (!slot) return this.settle(camera.cameraId, 'cancelled', 'The job was cancelled.');
      this.mark(camera.cameraId, step.waits ? 'waiting' : 'running');
      attempt += 1;
      let outcome: StepOutcome;
      try {
        outcome = await this.attempt(camera, step, attempt, mustReconcile);
        // Hold everyone before this slot is handed on, or the next camera walks straight into the same 429.
        const hold = retryAfter(outcome);
        if (hold !== null) this.gate.holdUntil(this.clock.now() + hold);
      } finally {
        if (!step.waits) this.gate.release();
      }
      if (outcome.status === 'done') return true;
      mustReconcile = true;
      let waitMs: number;
      const hold = retryAfter(outcome);
      if (hold !== null) {
        rateLimited += 1;
        if (rateLimited > (this.options.maxRateLimitWaits ?? 50)) return this.settle(camera.cameraId, 'failed', outcome.detail);
        waitMs = hold;
      } else {
        tries += 1;
        if (outcome.retryable === false || tries >= maxAttempts) return this.settle(camera.cameraId, 'failed', outcome.detail);
        const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 1000, maxMs: 30_000 };
        waitMs = Math.min(maxMs, baseMs * 2 ** (tries - 1));
      }
      if (this.state === 'cancelling') return this.settle(camera.cameraId, 'cancelled', 'The job was cancelled.');
      this.mark(camera.cameraId, 'waiting', outcome.detail);
      await this.sleep(waitMs);
      this.mark(camera.cameraId, 'pending');
    }
  }

  private async attempt(camera: JobCamera<C>, step: JobStep<C>, attempt: number, mustReconcile: boolean): Promise<StepOutcome> {
    const context = { camera, attempt, signal: this.abort.signal };
    if (mustReconcile) {
      const found: ReconcileOutcome = await guard(() => step.reconcile(context), 'checking');
      if (found.status === 'done') {
        await this.record(camera, step.name, 'done', attempt, found.detail);
        return found;
      }
      if (found.status === 'failed') {
        await this.record(camera, step.name, 'failed', attempt, found.detail);
        return found;
      }
    }
    await this.record(camera, step.name, 'started', attempt, `Try ${attempt}.`);
    const outcome = await guard(() => step.run(context), 'running');
    await this.record(camera, step.name, outcome.status, attempt, outcome.detail);
    return outcome;
  }

  private async record(camera: JobCamera<C>, step: StepName, status: 'started' | 'done' | 'failed', attempt: number, detail: string) {
    const entry = {
      type: 'step' as const,
      cameraId: camera.cameraId,
      step,
      status,
      at: this.now(),
      attempt,
      detail: safeDetail(detail, camera.secrets),
    };
    try {
      await this.ledger.write(entry);
    } catch (error) {
      throw new LedgerFailure(describeError(error));
    }
    this.details.set(camera.cameraId, entry.detail);
    this.options.onStep?.(entry);
  }

  private settle(cameraId: string, state: 'onboarded' | 'failed' | 'cancelled', detail: string): false {
    if (state !== 'cancelled') this.meter.finished();
    const secrets = this.options.cameras.find((camera) => camera.cameraId === cameraId)?.secrets;
    this.mark(cameraId, state, safeDetail(detail, secrets));
    return false;
  }

  private mark(cameraId: string, state: CameraJobState, detail?: string): void {
    this.states.set(cameraId, state);
    if (detail !== undefined) this.details.set(cameraId, detail);
    this.emit();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.sleepers.delete(wake);
        cancelTimer();
        resolve();
      };
      const cancelTimer = this.clock.setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private shutDown(): void {
    this.gate.close();
    this.abort.abort();
    for (const wake of [...this.sleepers]) wake();
  }

  private stopped(detail: string): JobSummary {
    this.state = 'stopped';
    this.meter.pause();
    this.emit();
    return { ...this.summary('stopped'), detail };
  }

  private summary(outcome: JobSummary['outcome']): JobSummary {
    const cameras = this.options.cameras.map(({ cameraId }) => ({
      cameraId,
      state: this.states.get(cameraId) ?? 'pending',
      detail: this.details.get(cameraId) ?? '',
    }));
    const onboarded = cameras.filter((camera) => camera.state === 'onboarded').length;
    const failed = cameras.filter((camera) => camera.state === 'failed').length;
    const verb = outcome === 'finished' ? 'Finished' : outcome === 'cancelled' ? 'Cancelled' : 'Stopped';
    return { outcome, detail: `${verb}: ${onboarded} of ${cameras.length} cameras onboarded, ${failed} failed.`, cameras };
  }

  private emit(): void {
    this.options.onProgress?.(this.progress());
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

/** A step that throws is a failed try with a sentence, never a crashed job. */
async function guard<T extends ReconcileOutcome>(
  call: () => Promise<T>,
  doing: string,
): Promise<T | Extract<StepOutcome, { status: 'failed' }>> {
  try {
    return await call();
  } catch (error) {
    return { status: 'failed', detail: `An unexpected error while ${doing} this step: ${describeError(error)}.` };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Run a job to its end; `job` is handed out first so a caller can pause, resume or cancel it. */
export function createJob<C>(options: JobOptions<C>, ledger: LedgerWriter, replay: LedgerReplay, clock: Clock): OnboardingJob<C> {
  return new OnboardingJob(options, ledger, replay, clock);
}

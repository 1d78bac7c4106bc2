/**
 * What a job is made of: cameras and, per camera, an ordered list of steps. The steps (register, identify,
 * write token…) are injected, so this engine knows nothing of clouds or vendors — only of order, retries,
 * concurrency and the ledger.
 */
import type { CameraJobState, JobProgress, JobStartEntry, StepName, StepStatus } from '../../../shared/onboarding.js';

export interface JobCamera<C> {
  cameraId: string;
  /** The CSV line the camera's row came from; the ledger names the password by this, never by value. */
  csvLine: number | null;
  /** Whatever the steps need (device, row…). Never written to the ledger. */
  data: C;
  /** Values that must never reach the ledger or an event (the row's password); scrubbed from every detail. */
  secrets?: readonly string[];
}

export interface StepContext<C> {
  camera: JobCamera<C>;
  /** Counts every try of this step across resumed runs, starting at 1. */
  attempt: number;
  /** Aborted when the job is cancelled; a step may stop early (its reconcile will sort out what happened). */
  signal: AbortSignal;
}

export type StepOutcome =
  | { status: 'done'; detail: string }
  | {
      status: 'failed';
      detail: string;
      /** False for failures another try cannot fix (wrong password, camera gone); default true. */
      retryable?: boolean;
      /** The cloud's 429 Retry-After: every camera holds off this long, and the try does not count as a retry. */
      retryAfterMs?: number;
    };

/** What a step's reconcile found in the world: already in place, safe to run, or unable to tell. */
export type ReconcileOutcome = { status: 'done'; detail: string } | { status: 'not-done' } | Extract<StepOutcome, { status: 'failed' }>;

export interface JobStep<C> {
  name: StepName;
  /**
   * The step only waits for the world (the camera fetching its token): it takes no concurrency slot and the
   * camera shows `waiting` meanwhile. Its run must end by itself (bounded) or on the signal.
   */
  waits?: boolean;
  run(context: StepContext<C>): Promise<StepOutcome>;
  /**
   * Look before repeating: called instead of blindly re-running whenever this step may already have had an
   * effect (recorded `started` or `failed` in the ledger, or a retry). E.g. find the channel by its meta tag
   * before creating one.
   */
  reconcile(context: StepContext<C>): Promise<ReconcileOutcome>;
}

export interface StepEvent {
  cameraId: string;
  step: StepName;
  status: StepStatus;
  attempt: number;
  at: string;
  detail: string;
}

export interface JobOptions<C> {
  /** Written as the ledger's first entry for a new job; a resumed job writes `job-resume` instead. */
  describe: Omit<JobStartEntry, 'type' | 'at' | 'cameras'>;
  cameras: readonly JobCamera<C>[];
  steps: readonly JobStep<C>[];
  /** Default 8. */
  concurrency?: number;
  /** Tries per step per camera in one run, not counting rate-limited ones. Default 4. */
  maxAttempts?: number;
  /** Back-off after a failed try: baseMs × 2^(try−1), capped at maxMs. Default 1 s … 30 s. */
  backoff?: { baseMs: number; maxMs: number };
  /** Rate-limited tries tolerated per step before the camera is given up. Default 50. */
  maxRateLimitWaits?: number;
  onProgress?: (progress: JobProgress) => void;
  onStep?: (event: StepEvent) => void;
}

export interface CameraResult {
  cameraId: string;
  state: CameraJobState;
  /** The last sentence about the camera: what it is waiting for or why it failed. */
  detail: string;
}

export interface JobSummary {
  outcome: 'finished' | 'cancelled' | 'stopped';
  /** A sentence for the technician. */
  detail: string;
  cameras: CameraResult[];
}

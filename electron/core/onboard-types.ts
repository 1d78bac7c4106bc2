/**
 * The shapes the `onboard.*` wiring shares between its files: what core.ts hands it (options, wiring) and the
 * running job the command handlers, views and report read.
 */
import type { OnboardJob } from '../../shared/contract/onboard.js';
import type { CloudInfo, Device } from '../../shared/device.js';
import type { OnboardingMode, StepName } from '../../shared/onboarding.js';
import type { IdentifyResult } from '../../shared/contract/identify.js';
import type { Clock, Logger } from '../platform/ports.js';
import type { CloudService } from './cloud/service.js';
import type { TokenWiring } from './wire-tokens.js';
import type { OnboardCameraData } from './onboard-steps.js';
import type { ResolvedScope } from './onboard-scope.js';
import type { OnboardingJob } from './onboarding/job.js';
import type { JobCamera } from './onboarding/job-types.js';
import type { LedgerStore } from './onboarding/ledger.js';

export interface OnboardingOptions {
  /** The `--ledger FILE`; else `<dataDir>/onboarding/current.jsonl`; neither: in memory (no resume). */
  ledgerPath?: string | null;
  dataDir?: string | null;
  /** Default 8 (the contract allows 1..64 per job). */
  concurrency?: number;
  /** How long a camera may take to fetch its token (default 10 minutes) and how often to look (5 s). */
  tokenWaitMs?: number;
  pollMs?: number;
  /** Back-off between tries (tests shorten it). */
  backoff?: { baseMs: number; maxMs: number };
  maxAttempts?: number;
  /** Least time between two `onboard-progress` events (default 250 ms); the last one is always sent. */
  progressEveryMs?: number;
}

export interface OnboardingWiring {
  clock: Clock;
  log: Logger;
  cloud: CloudService;
  cameras(): Device[];
  device(id: string): Device | null;
  setCloud(id: string, cloud: CloudInfo): void;
  emit(job: OnboardJob): void;
  options: OnboardingOptions;
  /** Write-token mode: the core's token writer and identify service. */
  tokens?: TokenWiring;
  identify?(deviceIds: string[]): Promise<IdentifyResult[]>;
}

export type Data = OnboardCameraData;
export type ClosableStore = LedgerStore & { close(): Promise<void> };

/** The job this core is running (or has just run), with what its views and report need. */
export interface Running {
  jobId: string;
  mode: OnboardingMode;
  job: OnboardingJob<Data>;
  cameras: JobCamera<Data>[];
  steps: readonly StepName[];
  store: ClosableStore;
  scope: ResolvedScope | null;
  channels: Map<string, number>;
  current: Map<string, { step: StepName; at: string }>;
  done: Promise<void>;
  finished: boolean;
}

export const STEPS_BY_MODE: Record<OnboardingMode, readonly StepName[]> = {
  provision: ['find-or-create-channel', 'provisioning-record', 'wait-for-token'],
  // write-token covers write, read back and restart (the token writer does them as one with rollback).
  'write-token': ['identify', 'find-or-create-channel', 'write-token', 'confirm-online'],
};

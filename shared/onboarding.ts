/**
 * Batch onboarding (issue #11): the technician's spreadsheet, the job's steps and the crash-safe ledger, as zod
 * schemas so the contract can carry them later. Nothing here holds a secret: a row's sticker password stays in
 * the core (`CsvRow` in electron/core/onboarding/csv-import.ts); what crosses is `hasPassword`.
 */
import { z } from 'zod';

// --- Budgets for the technician's file (kept here until the lead folds them into shared/limits.ts).

/** Largest CSV accepted: a 5,000-camera sheet with long names is ~1 MB, so 10 MB is generous. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
/** Data rows accepted (the header excluded); matches MAX_DEVICES. */
export const MAX_CSV_ROWS = 5000;
/** Characters in one cell; a MAC, a serial, a password or a room name is far shorter. */
export const MAX_CSV_FIELD_CHARS = 1024;
/**
 * Characters one ledger line may take; longer lines are treated as corrupt on replay. The job-start line lists
 * every camera (5,000 × ~60 B ≈ 300 KB), so 1 MiB; step lines are a few hundred bytes.
 */
export const MAX_LEDGER_LINE_BYTES = 1024 * 1024;
/** Bytes of ledger replayed: 5,000 cameras × 8 steps × 3 entries × ~300 B ≈ 36 MB, so 64 MiB. */
export const MAX_LEDGER_BYTES = 64 * 1024 * 1024;

export const onboardingModes = ['provision', 'write-token'] as const;
export const onboardingModeSchema = z.enum(onboardingModes);
export type OnboardingMode = z.infer<typeof onboardingModeSchema>;

/**
 * Step names. Each names one change in the world that can be checked before it is repeated, so a step recorded
 * `started` but not `done` is reconciled, never blindly run again.
 */
export const stepNames = [
  'identify',
  'find-or-create-channel',
  'provisioning-record',
  'wait-for-token',
  'write-token',
  'read-back-token',
  'restart',
  'confirm-online',
] as const;
export const stepNameSchema = z.enum(stepNames);
export type StepName = z.infer<typeof stepNameSchema>;

export const stepStatuses = ['started', 'done', 'failed'] as const;
export const stepStatusSchema = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** One problem in the technician's file, already a sentence ("Line 7, column mac: … is not a MAC address …"). */
export const csvProblemSchema = z.object({
  /** Physical line in the file (1 = the header); null for a problem with the whole file. */
  line: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type CsvProblem = z.infer<typeof csvProblemSchema>;

/** A validated row as the UI may see it: no password, only whether the row brings one. */
export const csvRowViewSchema = z.object({
  line: z.number().int().positive(),
  mac: z.string().nullable(),
  serial: z.string().nullable(),
  hasPassword: z.boolean(),
  name: z.string().nullable(),
  location: z.string().nullable(),
  id: z.string().nullable(),
});
export type CsvRowView = z.infer<typeof csvRowViewSchema>;

// --- The ledger: one JSON object per line. Nothing here may carry a secret (see electron/core/onboarding/ledger.ts).

/** Setting names that hold secrets (apiKey, accessToken, password…); the ledger never stores them. */
const SECRET_KEY = /key|token|secret|pass/i;

export const jobStartEntrySchema = z.object({
  type: z.literal('job-start'),
  jobId: z.string().max(128),
  at: z.string(),
  mode: onboardingModeSchema,
  /** What the job covers, as the technician chose it: interfaces, subnets, the CSV's name. */
  scope: z.object({
    interfaces: z.array(z.string().max(64)).max(64),
    subnets: z.array(z.string().max(64)).max(256),
    csvFile: z.string().max(1024).nullable(),
  }),
  /** Settings that change what the job does, without secrets: a key that names one is refused outright. */
  settings: z
    .record(z.string().max(64), z.union([z.string().max(1024), z.number(), z.boolean(), z.null()]))
    .refine((settings) => !Object.keys(settings).some((key) => SECRET_KEY.test(key)), {
      message: 'The ledger is plaintext on disk: settings that hold a key, token, secret or password stay out of it.',
    }),
  /** The cameras in scope, by camera ID, with the CSV line their row came from (the password stays in the CSV). */
  cameras: z.array(z.object({ cameraId: z.string().max(128), csvLine: z.number().int().positive().nullable() })).max(5000),
});
export type JobStartEntry = z.infer<typeof jobStartEntrySchema>;

export const jobResumeEntrySchema = z.object({ type: z.literal('job-resume'), at: z.string() });
export const jobEndEntrySchema = z.object({
  type: z.literal('job-end'),
  at: z.string(),
  outcome: z.enum(['finished', 'cancelled', 'stopped']),
  detail: z.string().max(2048),
});

export const stepEntrySchema = z.object({
  type: z.literal('step'),
  cameraId: z.string().max(128),
  step: stepNameSchema,
  status: stepStatusSchema,
  at: z.string(),
  /** 1 for the first try; retries and resumed runs count up. */
  attempt: z.number().int().positive(),
  detail: z.string().max(2048),
});
export type StepEntry = z.infer<typeof stepEntrySchema>;

export const ledgerEntrySchema = z.discriminatedUnion('type', [
  jobStartEntrySchema,
  jobResumeEntrySchema,
  jobEndEntrySchema,
  stepEntrySchema,
]);
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

// --- Live progress of a job.

export const cameraJobStates = ['pending', 'running', 'waiting', 'onboarded', 'failed', 'cancelled'] as const;
export type CameraJobState = (typeof cameraJobStates)[number];

export const jobProgressSchema = z.object({
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  /** Cameras backing off after a failure or held by the cloud's rate limit. */
  waiting: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** Cameras finished (onboarded or failed) per minute since the job (re)started, excluding paused time. */
  ratePerMinute: z.number().nonnegative(),
  /** Milliseconds until every camera is finished at the current rate; null until one has finished. */
  etaMs: z.number().nonnegative().nullable(),
  state: z.enum(['running', 'paused', 'cancelling', 'finished', 'cancelled', 'stopped']),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

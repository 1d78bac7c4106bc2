/**
 * Batch onboarding (issue #11): preview the match of a CSV against discovered cameras, run a resumable job,
 * pause/resume/cancel it, read its per-camera table and export its handover report. Passwords in the CSV stay in
 * the core; what crosses is `hasPassword`.
 */
import { z } from 'zod';
import { cloudStates } from '../device.js';
import {
  csvProblemSchema,
  csvRowViewSchema,
  jobProgressSchema,
  onboardingModeSchema,
  cameraJobStates,
  stepNameSchema,
  stepStatusSchema,
} from '../onboarding.js';

export const onboardScopeSchema = z
  .object({
    /** The CSV's text as the technician dropped it (≤ 10 MB is checked in the core, in bytes). */
    csv: z
      .object({ name: z.string().max(256), text: z.string() })
      .strict()
      .optional(),
    /** Devices chosen in the table; all discovered cameras (on the interfaces/subnets) when absent. */
    deviceIds: z.array(z.string().max(64)).max(5000).optional(),
    interfaces: z.array(z.string().min(1).max(64)).max(64).optional(),
    /** Subnets to sweep where multicast does not reach. */
    subnets: z.array(z.string().max(64)).max(256).optional(),
  })
  .strict();

export const onboardMatchSchema = z.object({
  problems: z.array(csvProblemSchema),
  matched: z.array(z.object({ row: csvRowViewSchema.nullable(), deviceId: z.string(), cameraId: z.string() })),
  rowsWithoutCamera: z.array(csvRowViewSchema),
  camerasWithoutRow: z.array(z.string()),
});

export const onboardCameraSchema = z.object({
  cameraId: z.string(),
  deviceId: z.string().nullable(),
  csvLine: z.number().nullable(),
  mac: z.string().nullable(),
  serial: z.string().nullable(),
  model: z.string().nullable(),
  firmware: z.string().nullable(),
  ip: z.string().nullable(),
  channelId: z.number().nullable(),
  state: z.enum(cameraJobStates),
  step: stepNameSchema.nullable(),
  /** The latest sentence for this camera; never a secret. */
  message: z.string().max(2048),
  updatedAt: z.string().nullable(),
  /** The device's cloud state as the inventory knows it (for the report). */
  cloudState: z.enum(cloudStates).nullable().optional(),
  /** Each step's latest result and time, in step order (for the handover report); never a secret. */
  steps: z
    .array(z.object({ step: stepNameSchema, status: stepStatusSchema, at: z.string(), detail: z.string().max(2048) }))
    .max(16)
    .optional(),
});
export type OnboardCamera = z.infer<typeof onboardCameraSchema>;

export const onboardJobSchema = z.object({
  jobId: z.string(),
  mode: onboardingModeSchema,
  ledgerPath: z.string().nullable(),
  progress: jobProgressSchema,
  cameras: z.array(onboardCameraSchema),
});
export type OnboardJob = z.infer<typeof onboardJobSchema>;

const empty = z.object({}).strict();

export const onboardCommands = {
  'onboard.preview': { args: onboardScopeSchema, result: onboardMatchSchema },
  'onboard.start': {
    args: z
      .object({
        mode: onboardingModeSchema,
        scope: onboardScopeSchema,
        concurrency: z.number().int().min(1).max(64).optional(),
        /** Resume the job in the ledger instead of starting a new one (the app does this after a restart). */
        resume: z.boolean().optional(),
      })
      .strict(),
    result: onboardJobSchema,
  },
  'onboard.pause': { args: empty, result: onboardJobSchema },
  'onboard.resume': { args: empty, result: onboardJobSchema },
  'onboard.cancel': { args: empty, result: onboardJobSchema },
  /** The current (or last, or an unfinished one found in the ledger after a restart) job; null when none. */
  'onboard.status': { args: empty, result: z.object({ job: onboardJobSchema.nullable(), resumable: z.boolean() }) },
  'onboard.report': { args: empty, result: z.object({ csv: z.string(), fileName: z.string() }) },
} as const;

export const onboardEvents = {
  'onboard-progress': z.object({ job: onboardJobSchema }),
} as const;

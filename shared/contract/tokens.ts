/**
 * Writing an access token straight onto a camera (issue #9): the forced token change, rotation, and moving a
 * camera to a new account. A pasted token crosses this contract once, inward; no result or event carries a token,
 * a password or a license key. Every step a writer takes is listed in the result (and in the audit log).
 */
import { z } from 'zod';
import { registerResultSchema } from './cloud.js';

export const tokenWriteStatuses = ['written', 'unchanged', 'rolled-back', 'rollback-failed'] as const;
export const tokenWriteStepNames = ['check', 'read', 'write', 'read-back', 'restart', 'confirm', 'rollback'] as const;

export const tokenWriteTargetSchema = z
  .object({
    /** A camera from the inventory (identified with credentials first: the writer logs in with the set that worked). */
    deviceId: z.string().min(1).max(64),
    /** Write this channel's `access_tokens.all` (the camera moves to that channel). */
    channelId: z.number().int().positive().optional(),
    /** A token the technician pasted; decoded and checked by the codec (a `watch` token is refused). */
    token: z.string().min(1).max(4096).optional(),
  })
  .strict()
  .refine((t) => t.channelId === undefined || t.token === undefined, { message: 'Give a channel or a token, not both.' });

export const tokenWriteStepSchema = z.object({
  step: z.enum(tokenWriteStepNames),
  result: z.enum(['ok', 'failed', 'info']),
  /** A sentence; never a token or a password. */
  message: z.string().max(1024),
});

export const tokenWriteResultSchema = z.object({
  deviceId: z.string(),
  /** True only when written, read back equal, restarted and (where the cloud is configured) online. */
  ok: z.boolean(),
  /** `unchanged` also covers refusals before any change (no writer fits, wrong credentials, a watch token). */
  status: z.enum(tokenWriteStatuses),
  failedStep: z.enum(tokenWriteStepNames).nullable(),
  /** The channel the camera's token belongs to when written. */
  channelId: z.number().nullable(),
  /** Which writer was used (`axis-vxg-agent`, `vxg-gateway`), or null when none fitted. */
  writer: z.string().nullable(),
  steps: z.array(tokenWriteStepSchema).max(32),
  message: z.string().max(2048),
});
export type TokenWriteResult = z.infer<typeof tokenWriteResultSchema>;

/** The old account, for deleting its provisioning record (and channel) when a camera moves. Secrets: inward only. */
export const previousAccountSchema = z
  .object({
    provisioningUrl: z.string().max(512).optional(),
    provisioningUser: z.string().max(256).optional(),
    provisioningPassword: z.string().min(1).max(1024).optional(),
    apiUrl: z.string().max(512).optional(),
    licenseKey: z.string().min(1).max(1024).optional(),
  })
  .strict();

export const moveStepSchema = z.object({
  step: z.enum(['delete-old-record', 'delete-old-channel', 'register', 'write-token', 'clear-token']),
  result: z.enum(['ok', 'failed', 'skipped']),
  message: z.string().max(2048),
});

export const moveResultSchema = z.object({
  deviceId: z.string(),
  ok: z.boolean(),
  register: registerResultSchema.nullable(),
  write: tokenWriteResultSchema.nullable(),
  /** null when no old-account provisioning credentials were given. */
  previousRecordDeleted: z.boolean().nullable(),
  steps: z.array(moveStepSchema),
  message: z.string().max(2048),
});
export type MoveResult = z.infer<typeof moveResultSchema>;

export const tokenCommands = {
  'token.write': {
    args: z
      .object({
        cameras: z.array(tokenWriteTargetSchema).min(1).max(500),
        /** Rotation: re-issue each camera's own channel token (audited as a rotation). */
        rotate: z.boolean().optional(),
      })
      .strict(),
    result: z.object({ results: z.array(tokenWriteResultSchema) }),
  },
  'cloud.move': {
    args: z
      .object({
        deviceId: z.string().min(1).max(64),
        /** The sticker password for the new account's provisioning record. */
        password: z.string().min(1).max(256),
        /** write-token: write the new channel's token now; clear-token: empty the camera's token so it polls again. */
        method: z.enum(['write-token', 'clear-token']),
        previous: previousAccountSchema.optional(),
      })
      .strict(),
    result: moveResultSchema,
  },
} as const;

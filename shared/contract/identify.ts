/**
 * Identification with credentials (issue #8): named credential sets (a vault: passwords go in once and never come
 * back out — the renderer sees names, user names and status only), and an "Identify" run over selected devices
 * that logs in with ONVIF (and VAPIX on Axis), lockout-aware, and fills in serial, model, firmware and MAC.
 */
import { z } from 'zod';

export const credentialScopes = ['site', 'vendor', 'camera'] as const;

/** What the renderer may see of a set after entry: its name and where it applies — never the user name or password. */
export const credentialSetSchema = z.object({
  name: z.string().min(1).max(64),
  /** site: tried on every camera; vendor: only where the vendor (IEEE/ONVIF manufacturer) matches `match`;
   *  camera: only on the camera whose MAC (or IP) is `match`. Tried in list order within each scope: camera, vendor, site. */
  scope: z.enum(credentialScopes),
  match: z.string().max(64).nullable(),
});
export type CredentialSetInfo = z.infer<typeof credentialSetSchema>;

export const credentialListSchema = z.object({
  sets: z.array(credentialSetSchema),
  /** True when passwords survive a restart (OS encryption available); false: this session only. */
  persistent: z.boolean(),
  warning: z.string().nullable(),
});

export const authStatuses = ['authenticated', 'refused', 'locked', 'unreachable', 'error', 'not-tried'] as const;

export const identifyResultSchema = z.object({
  deviceId: z.string(),
  status: z.enum(authStatuses),
  /** The set that authenticated (or the one the camera locked on). */
  set: z.string().nullable(),
  /** What happened and what to do, as a sentence; never a password. */
  message: z.string(),
});
export type IdentifyResult = z.infer<typeof identifyResultSchema>;

export const identifyCommands = {
  'credentials.list': { args: z.object({}).strict(), result: credentialListSchema },
  'credentials.save': {
    args: credentialSetSchema.extend({ username: z.string().min(1).max(128), password: z.string().min(1).max(256) }).strict(),
    result: credentialListSchema,
  },
  'credentials.remove': { args: z.object({ name: z.string().min(1).max(64) }).strict(), result: credentialListSchema },
  'identify.run': {
    args: z
      .object({
        /** Devices to identify; all cameras in the inventory when absent. */
        deviceIds: z.array(z.string().max(64)).max(5000).optional(),
      })
      .strict(),
    result: z.object({ results: z.array(identifyResultSchema) }),
  },
} as const;

/**
 * VXG Cloud: the account settings (secrets are write-only: the renderer learns only whether one is set), a
 * connection test, and registration with the provisioning service (issue #7). Secrets cross this contract once,
 * inward, when the technician types them; no result or event ever carries a license key, a provisioning
 * password, a camera password or an access token.
 */
import { z } from 'zod';
import { accessTokenDescriptionSchema } from '../access-token.js';
import { cameraIdFormats } from '../camera-id.js';

const url = z.string().max(512);
const secret = z.string().min(1).max(1024);

export const cloudSettingsSchema = z.object({
  /** Admin API base URL, e.g. https://web.skyvr.videoexpertsgroup.com; '' when not configured. */
  apiUrl: url,
  /** Back-end provisioning URL (default https://camera.vxg.io/v1/token). */
  provisioningUrl: url,
  provisioningUser: z.string().max(256),
  idFormat: z.enum(cameraIdFormats),
  licenseKeySet: z.boolean(),
  provisioningPasswordSet: z.boolean(),
  /**
   * A VXG gateway on site (issue #9, §5.4 of the VXG reference): its address ('' when none), the user the token
   * writer logs in as, and whether its password is set. Optional: a core from before the gateway fields omits them.
   */
  gatewayUrl: url.optional(),
  gatewayUser: z.string().max(256).optional(),
  gatewayPasswordSet: z.boolean().optional(),
  /** Where secrets live: persisted encrypted (OS keychain / safeStorage) or only for this session. */
  secrets: z.object({ persistent: z.boolean(), warning: z.string().nullable() }),
  /** Settings currently overridden by CAMERA_FINDER_* environment variables (names of the fields above). */
  fromEnvironment: z.array(z.string()),
});
export type CloudSettings = z.infer<typeof cloudSettingsSchema>;

export const cloudSettingsPatchSchema = z
  .object({
    apiUrl: url.optional(),
    provisioningUrl: url.optional(),
    provisioningUser: z.string().max(256).optional(),
    idFormat: z.enum(cameraIdFormats).optional(),
    /** null removes the stored secret. */
    licenseKey: secret.nullable().optional(),
    provisioningPassword: secret.nullable().optional(),
    gatewayUrl: url.optional(),
    gatewayUser: z.string().max(256).optional(),
    /** null removes the stored gateway password. */
    gatewayPassword: secret.nullable().optional(),
  })
  .strict();

export const serviceCheckSchema = z.object({ ok: z.boolean(), message: z.string() });

/** How long until a tokenless camera asks again (seed schedule: every minute for 5 minutes, then hourly). */
export const expectedWaitSchema = z.object({
  phase: z.enum(['minutely', 'hourly', 'unknown']),
  withinMs: z.number().int().nonnegative(),
  /** "The camera asks again within a minute." — for the technician. */
  sentence: z.string(),
});

export const registerCameraSchema = z
  .object({
    /** A device from the inventory; its MAC/serial fill in what is not given. */
    deviceId: z.string().max(64).optional(),
    mac: z.string().max(64).optional(),
    /** Overrides the ID derived from the MAC/serial under the configured format. */
    cameraId: z.string().max(128).optional(),
    /** The password printed on the camera's sticker. */
    password: z.string().min(1).max(256),
    name: z.string().max(64).optional(),
  })
  .strict();

export const registerResultSchema = z.object({
  deviceId: z.string().nullable(),
  cameraId: z.string(),
  ok: z.boolean(),
  status: z.enum(['registered', 'already-registered', 'failed']),
  channelId: z.number().nullable(),
  channelCreated: z.boolean(),
  /** Set when this call created a channel and a later step failed: whether it was deleted again. */
  rolledBack: z.boolean().nullable(),
  /** What happened, as a sentence; never a secret. */
  message: z.string(),
  token: accessTokenDescriptionSchema.nullable(),
  expectedWait: expectedWaitSchema.nullable(),
});
export type RegisterResult = z.infer<typeof registerResultSchema>;

export const auditEntrySchema = z.object({
  at: z.string(),
  /** `cloud.register`, `cloud.channel.create`, `cloud.channel.delete`, `provisioning.post`, `settings.change`… */
  action: z.string().max(64),
  /** Camera ID or device id the action concerned, when one did. */
  camera: z.string().max(128).nullable(),
  result: z.enum(['ok', 'failed', 'info']),
  message: z.string().max(1024),
  /** Which front door asked: `ui`, `cli`. */
  via: z.string().max(16),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const cloudCommands = {
  'cloud.settings.get': { args: z.object({}).strict(), result: cloudSettingsSchema },
  'cloud.settings.set': { args: cloudSettingsPatchSchema, result: cloudSettingsSchema },
  'cloud.test': {
    args: z.object({}).strict(),
    result: z.object({ api: serviceCheckSchema, provisioning: serviceCheckSchema }),
  },
  'cloud.register': {
    args: z.object({ cameras: z.array(registerCameraSchema).min(1).max(500) }).strict(),
    result: z.object({ results: z.array(registerResultSchema) }),
  },
  'audit.list': {
    args: z.object({ limit: z.number().int().min(1).max(5000).optional() }).strict(),
    result: z.object({ entries: z.array(auditEntrySchema), path: z.string().nullable() }),
  },
} as const;

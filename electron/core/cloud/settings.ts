/**
 * The cloud account settings as the core reads them: plain fields from the settings store, secrets from the
 * secret store, both overridden by CAMERA_FINDER_* environment variables (the host passes `env`; the core never
 * reads process.env). Secrets are write-only towards the front doors: `describe()` says only whether one is set.
 *
 * The stored layout (the `cloud` object) and its upgrades are platform/settings-schema.ts's (versioned, migrated on
 * open); this file reads it defensively the same way and never writes a field the contract would refuse.
 */
import type { CloudSettings } from '../../../shared/contract/cloud.js';
import { cameraIdFormats, type CameraIdFormat } from '../../../shared/camera-id.js';
import type { SettingsStore } from '../../platform/ports.js';
import type { SecretStore } from '../../platform/secrets.js';
import { DEFAULT_PROVISIONING_URL } from './provisioning.js';

export const SETTINGS_KEY = 'cloud';
// The names platform/secrets-env.ts maps CAMERA_FINDER_* onto, so environment secrets are also tracked for redaction.
export const SECRET_NAMES = {
  licenseKey: 'licenseKey',
  provisioningPassword: 'provisioningPassword',
  gatewayPassword: 'gatewayPassword',
} as const;

/** Environment variable → setting it overrides (issue #7 names; the CLI and browser mode honour them). */
export const ENV_OVERRIDES = {
  CAMERA_FINDER_CLOUD_API_URL: 'apiUrl',
  CAMERA_FINDER_LICENSE_KEY: 'licenseKey',
  CAMERA_FINDER_PROVISIONING_URL: 'provisioningUrl',
  CAMERA_FINDER_PROVISIONING_USER: 'provisioningUser',
  CAMERA_FINDER_PROVISIONING_PASSWORD: 'provisioningPassword',
  CAMERA_FINDER_GATEWAY_URL: 'gatewayUrl',
  CAMERA_FINDER_GATEWAY_USER: 'gatewayUser',
  CAMERA_FINDER_GATEWAY_PASSWORD: 'gatewayPassword',
} as const;

export type CloudEnv = Readonly<Record<string, string | undefined>>;

interface StoredCloud {
  apiUrl: string;
  provisioningUrl: string;
  provisioningUser: string;
  idFormat: CameraIdFormat;
  /** A VXG gateway on site ('' when none) and the user the gateway token writer logs in as. */
  gatewayUrl: string;
  gatewayUser: string;
}

/** Everything a registration needs, secrets included. Never leaves the core. */
export interface CloudConfig extends StoredCloud {
  licenseKey: string | null;
  provisioningPassword: string | null;
  gatewayPassword: string | null;
  fromEnvironment: string[];
}

const str = (value: unknown, fallback: string): string => (typeof value === 'string' ? value.slice(0, 512) : fallback);

function readStored(settings: SettingsStore): StoredCloud {
  const raw = settings.get<Record<string, unknown>>(SETTINGS_KEY);
  const stored = typeof raw === 'object' && raw !== null ? raw : {};
  const format = stored['idFormat'];
  return {
    apiUrl: str(stored['apiUrl'], ''),
    provisioningUrl: str(stored['provisioningUrl'], DEFAULT_PROVISIONING_URL),
    provisioningUser: str(stored['provisioningUser'], ''),
    idFormat: cameraIdFormats.includes(format as CameraIdFormat) ? (format as CameraIdFormat) : 'mac-plain',
    gatewayUrl: str(stored['gatewayUrl'], ''),
    gatewayUser: str(stored['gatewayUser'], ''),
  };
}

export async function loadCloudConfig(settings: SettingsStore, secrets: SecretStore, env: CloudEnv = {}): Promise<CloudConfig> {
  const config: CloudConfig = {
    ...readStored(settings),
    licenseKey: await secrets.get(SECRET_NAMES.licenseKey),
    provisioningPassword: await secrets.get(SECRET_NAMES.provisioningPassword),
    gatewayPassword: await secrets.get(SECRET_NAMES.gatewayPassword),
    fromEnvironment: [],
  };
  for (const [name, field] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name]?.trim();
    if (!value) continue;
    config[field] = value.slice(0, 1024);
    config.fromEnvironment.push(field);
  }
  return config;
}

/** What a front door may see: no secret, only whether each is set. */
export function describeCloudConfig(config: CloudConfig, secrets: SecretStore): CloudSettings {
  return {
    apiUrl: config.apiUrl,
    provisioningUrl: config.provisioningUrl,
    provisioningUser: config.provisioningUser,
    idFormat: config.idFormat,
    licenseKeySet: config.licenseKey !== null,
    provisioningPasswordSet: config.provisioningPassword !== null,
    gatewayUrl: config.gatewayUrl,
    gatewayUser: config.gatewayUser,
    gatewayPasswordSet: config.gatewayPassword !== null,
    secrets: { persistent: secrets.persistent, warning: secrets.warning },
    fromEnvironment: config.fromEnvironment,
  };
}

export interface CloudSettingsPatch {
  apiUrl?: string | undefined;
  provisioningUrl?: string | undefined;
  provisioningUser?: string | undefined;
  idFormat?: CameraIdFormat | undefined;
  licenseKey?: string | null | undefined;
  provisioningPassword?: string | null | undefined;
  gatewayUrl?: string | undefined;
  gatewayUser?: string | undefined;
  gatewayPassword?: string | null | undefined;
}

const URL_LABELS = { apiUrl: 'Cloud API address', provisioningUrl: 'Provisioning address', gatewayUrl: 'Gateway address' } as const;

/** Thrown by saveCloudPatch for a value the technician must correct; the message is a sentence without secrets. */
export class CloudSettingsError extends Error {
  override readonly name = 'CloudSettingsError';
}

/** Why `text` cannot be a service address ('' is allowed: not configured), or null when it can. */
export function badServiceUrl(text: string): string | null {
  if (text === '') return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${text.slice(0, 80)}" is not an http or https address.`;
    if (url.username || url.password) return 'Put credentials in their own fields, not in the address.';
    return null;
  } catch {
    return `"${text.slice(0, 80)}" is not a web address (expected something like https://cloud.example.com).`;
  }
}

/** Apply a patch; returns the names of the fields it changed (for the audit log — never their values). */
export async function saveCloudPatch(settings: SettingsStore, secrets: SecretStore, patch: CloudSettingsPatch): Promise<string[]> {
  const stored = readStored(settings);
  const changed: string[] = [];
  for (const field of ['apiUrl', 'provisioningUrl', 'gatewayUrl'] as const) {
    const why = patch[field] === undefined ? null : badServiceUrl(patch[field].trim());
    if (why) throw new CloudSettingsError(`${URL_LABELS[field]}: ${why}`);
  }
  for (const field of ['apiUrl', 'provisioningUrl', 'provisioningUser', 'idFormat', 'gatewayUrl', 'gatewayUser'] as const) {
    const value = patch[field];
    if (value === undefined || value === stored[field]) continue;
    (stored as unknown as Record<string, string>)[field] = field === 'idFormat' ? value : value.trim();
    changed.push(field);
  }
  if (changed.length) settings.set(SETTINGS_KEY, stored);
  for (const field of ['licenseKey', 'provisioningPassword', 'gatewayPassword'] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value === null) await secrets.delete(SECRET_NAMES[field]);
    else await secrets.set(SECRET_NAMES[field], value.trim());
    changed.push(value === null ? `${field} (removed)` : field);
  }
  return changed;
}

/** The VXG gateway the token writer uses, or null when none is configured (address, user and password all set). */
export function gatewayOf(config: CloudConfig): { url: string; credentials: { username: string; password: string } } | null {
  const url = config.gatewayUrl.trim();
  if (!url || badServiceUrl(url) || !config.gatewayUser || config.gatewayPassword === null) return null;
  return { url, credentials: { username: config.gatewayUser, password: config.gatewayPassword } };
}

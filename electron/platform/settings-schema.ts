/**
 * The settings file's shape, its version and the pure functions that upgrade an older file. One module for both
 * stores (electron-store in the app, `conf` in browser mode and the CLI), so both write the same JSON layout.
 * Secrets never live here: they go through the secret-store port (platform/secrets*.ts).
 *
 * Adding a version: bump SETTINGS_VERSION, add `migrations[N]` (a pure function from the N-1 shape to the N
 * shape that keeps keys it does not know), and a test with the old shape in and the new shape out.
 */
import type { CameraIdFormat } from '../../shared/camera-id.js';
import { cloudSettingsSchema } from '../../shared/contract/cloud.js';
import type { SettingsStore } from './ports.js';

export const SETTINGS_VERSION = 2;
/** Top-level key holding the version; a file without it is version 0 (today's empty store). */
export const SETTINGS_VERSION_KEY = 'settingsVersion';

export interface StoredCloudSettings {
  apiUrl: string;
  provisioningUrl: string;
  provisioningUser: string;
  idFormat: CameraIdFormat;
  /** A VXG gateway on site ('' when none) and the user its token writer logs in as (the password is a secret). */
  gatewayUrl: string;
  gatewayUser: string;
}

export const DEFAULT_PROVISIONING_URL = 'https://camera.vxg.io/v1/token';

export const cloudDefaults: Readonly<StoredCloudSettings> = Object.freeze({
  apiUrl: '',
  provisioningUrl: DEFAULT_PROVISIONING_URL,
  provisioningUser: '',
  idFormat: 'mac-plain',
  gatewayUrl: '',
  gatewayUser: '',
});

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field schemas from the contract, so a hand-edited file cannot hand the service a value the contract refuses. */
const fieldSchemas = {
  apiUrl: cloudSettingsSchema.shape.apiUrl,
  provisioningUrl: cloudSettingsSchema.shape.provisioningUrl,
  provisioningUser: cloudSettingsSchema.shape.provisioningUser,
  idFormat: cloudSettingsSchema.shape.idFormat,
  // The contract's fields are optional (an older core omits them); stored, they are plain strings.
  gatewayUrl: cloudSettingsSchema.shape.gatewayUrl.unwrap(),
  gatewayUser: cloudSettingsSchema.shape.gatewayUser.unwrap(),
};

/** The stored `cloud` object read defensively: each field that fails its schema falls back to its default. */
export function parseStoredCloud(value: unknown): StoredCloudSettings {
  const raw = isRecord(value) ? value : {};
  const pick = <K extends keyof StoredCloudSettings>(key: K): StoredCloudSettings[K] => {
    const parsed = fieldSchemas[key].safeParse(raw[key]);
    return parsed.success ? (parsed.data as StoredCloudSettings[K]) : cloudDefaults[key];
  };
  return {
    apiUrl: pick('apiUrl'),
    provisioningUrl: pick('provisioningUrl'),
    provisioningUser: pick('provisioningUser'),
    idFormat: pick('idFormat'),
    gatewayUrl: pick('gatewayUrl'),
    gatewayUser: pick('gatewayUser'),
  };
}

/**
 * migrations[N] turns a version N-1 file into version N. Pure: a new object out, the input untouched, unknown
 * keys (top level and inside `cloud`) kept, so a newer build's additions survive a round trip through this one.
 */
export const migrations: Readonly<Record<number, (data: Data) => Data>> = {
  // v0 → v1: the cloud settings of issue #7 appear, with their defaults; values already there that pass the
  // contract (an early build, a hand edit) are kept.
  1: (data) => {
    const cloud = isRecord(data.cloud) ? data.cloud : {};
    return { ...data, cloud: { ...cloud, ...parseStoredCloud(cloud) } };
  },
  // v1 → v2: the VXG gateway fields (issue #9) appear, empty (no gateway); every v1 value is kept as it was.
  2: (data) => {
    const cloud = isRecord(data.cloud) ? data.cloud : {};
    const parsed = parseStoredCloud(cloud);
    return { ...data, cloud: { ...cloud, gatewayUrl: parsed.gatewayUrl, gatewayUser: parsed.gatewayUser } };
  },
};

export interface MigrationOutcome {
  data: Data;
  /** The version the file had (0 when it had none). */
  from: number;
  /** True when `data` differs from what was read and should be written back. */
  changed: boolean;
  /** A file written by a newer build: left exactly as it is (never downgraded). */
  newer: boolean;
}

/** Upgrades a settings object to SETTINGS_VERSION; idempotent (a current file comes back unchanged). */
export function migrateSettings(input: unknown): MigrationOutcome {
  const data: Data = isRecord(input) ? input : {};
  const stored = data[SETTINGS_VERSION_KEY];
  const from = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  if (from > SETTINGS_VERSION) return { data, from, changed: false, newer: true };
  if (from === SETTINGS_VERSION) return { data, from, changed: false, newer: false };
  let next = data;
  for (let version = from + 1; version <= SETTINGS_VERSION; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No settings migration to version ${version}.`);
    next = step(next);
  }
  return { data: { ...next, [SETTINGS_VERSION_KEY]: SETTINGS_VERSION }, from, changed: true, newer: false };
}

/** Non-secret settings the environment may override (CLI on a headless site, scripts, tests). */
export const CLOUD_SETTINGS_ENV = {
  apiUrl: 'CAMERA_FINDER_CLOUD_API_URL',
  provisioningUrl: 'CAMERA_FINDER_PROVISIONING_URL',
  provisioningUser: 'CAMERA_FINDER_PROVISIONING_USER',
  gatewayUrl: 'CAMERA_FINDER_GATEWAY_URL',
  gatewayUser: 'CAMERA_FINDER_GATEWAY_USER',
} as const satisfies Partial<Record<keyof StoredCloudSettings, string>>;

export type EnvCloudField = keyof typeof CLOUD_SETTINGS_ENV;

export interface EffectiveCloudSettings {
  values: StoredCloudSettings;
  /** Field names (as in cloudSettingsSchema) whose value came from the environment. */
  fromEnvironment: EnvCloudField[];
  /** Environment variables that were set but refused (too long for the contract); stored values used instead. */
  ignored: string[];
}

/** Stored values with CAMERA_FINDER_* overrides applied: the environment wins when set and non-empty. */
export function effectiveCloudSettings(
  stored: StoredCloudSettings,
  env: Readonly<Record<string, string | undefined>>,
): EffectiveCloudSettings {
  const values = { ...stored };
  const fromEnvironment: EnvCloudField[] = [];
  const ignored: string[] = [];
  for (const field of Object.keys(CLOUD_SETTINGS_ENV) as EnvCloudField[]) {
    const name = CLOUD_SETTINGS_ENV[field];
    const value = env[name]?.trim();
    if (!value) continue;
    if (!fieldSchemas[field].safeParse(value).success) {
      ignored.push(name);
      continue;
    }
    values[field] = value;
    fromEnvironment.push(field);
  }
  return { values, fromEnvironment, ignored };
}

/** The cloud settings as saved (defaults where absent or invalid). */
export function readCloudSettings(settings: SettingsStore): StoredCloudSettings {
  return parseStoredCloud(settings.get('cloud'));
}

/** Saves a patch of cloud settings; fields that fail the contract are refused, unknown keys in `cloud` kept. */
export function writeCloudSettings(settings: SettingsStore, patch: Partial<StoredCloudSettings>): StoredCloudSettings {
  const current = settings.get<unknown>('cloud');
  const values: Data = { ...parseStoredCloud(current) };
  for (const key of Object.keys(fieldSchemas) as (keyof StoredCloudSettings)[]) {
    if (patch[key] !== undefined && fieldSchemas[key].safeParse(patch[key]).success) values[key] = patch[key];
  }
  settings.set('cloud', { ...(isRecord(current) ? current : {}), ...values });
  return parseStoredCloud(values);
}

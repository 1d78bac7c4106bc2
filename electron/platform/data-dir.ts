/**
 * Where settings, the audit log (and later the onboarding ledger) live, and the stores opened there for browser
 * mode and the CLI. CAMERA_FINDER_DATA_DIR overrides the per-user folder so tests and scripted runs never touch
 * the technician's real profile.
 */
import { join } from 'node:path';
import { createFileAuditLog } from './audit-log-file.js';
import { createMemoryAuditLog, type AuditLog } from './audit-log.js';
import type { SettingsStore } from './ports.js';
import { withEnvironment, type EnvironmentSecretStore } from './secrets-env.js';
import { createKeyringSecretStore, keyringService, type KeyringFactory } from './secrets-keyring.js';
import { trackSecrets } from './secrets-known.js';
import { createMemorySecretStore } from './secrets.js';
import { createConfSettings, createMemorySettings } from './settings.js';

export const DATA_DIR_ENV = 'CAMERA_FINDER_DATA_DIR';
export const AUDIT_FILE = 'audit.jsonl';

type Env = Readonly<Record<string, string | undefined>>;

/** The override folder, or null when the environment does not set one (then the store's own folder is used). */
export function dataDirFromEnv(env: Env = process.env): string | null {
  const dir = env[DATA_DIR_ENV]?.trim();
  return dir ? dir : null;
}

export const auditPath = (dataDir: string): string => join(dataDir, AUDIT_FILE);

export interface DataFolder {
  settings: SettingsStore;
  /** Environment first, then the keychain (or memory); every value seen is remembered for the audit redactor. */
  secrets: EnvironmentSecretStore;
  audit: AuditLog;
  /** The folder in use, or null for an in-memory run (--no-settings). */
  dir: string | null;
}

export interface DataFolderOptions {
  /** --no-settings: nothing read from or written to disk or the keychain; the environment still applies. */
  memoryOnly?: boolean;
  env?: Env;
  keyring?: KeyringFactory;
}

/**
 * The stores browser mode and the CLI share: the same `conf` file, the same keychain service and the same
 * audit.jsonl, so `camera-finder register` uses what the technician saved in the UI.
 */
export function openDataFolder(options: DataFolderOptions = {}): DataFolder {
  const env = options.env ?? process.env;
  if (options.memoryOnly) {
    const tracked = trackSecrets(withEnvironment(createMemorySecretStore(), env));
    return { settings: createMemorySettings(), secrets: tracked.store, audit: createMemoryAuditLog(Date.now, tracked.known), dir: null };
  }
  const override = dataDirFromEnv(env);
  const settings = createConfSettings(override ? { cwd: override } : {});
  const keychain = createKeyringSecretStore({
    service: keyringService(override),
    ...(options.keyring ? { keyring: options.keyring } : {}),
  });
  const tracked = trackSecrets(withEnvironment(keychain, env));
  const audit = createFileAuditLog({ path: auditPath(settings.dir), knownSecrets: tracked.known });
  return { settings, secrets: tracked.store, audit, dir: settings.dir };
}

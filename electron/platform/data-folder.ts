/**
 * The stores browser mode and the CLI open in the data folder: the same `conf` file, the same keychain service
 * and the same audit.jsonl, so `camera-finder register` uses what the technician saved in the UI.
 */
import { createFileAuditLog } from './audit-log-file.js';
import { createMemoryAuditLog, type AuditLog } from './audit-log.js';
import { auditPath, dataDirFromEnv } from './data-dir.js';
import type { SettingsStore } from './ports.js';
import { withEnvironment, type EnvironmentSecretStore } from './secrets-env.js';
import { createKeyringSecretStore, keyringService, type KeyringFactory } from './secrets-keyring.js';
import { trackSecrets } from './secrets-known.js';
import { createMemorySecretStore } from './secrets.js';
import { createConfSettings, createMemorySettings } from './settings.js';

type Env = Readonly<Record<string, string | undefined>>;

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

/** Opens settings, secrets and the audit log for a plain-Node front door (CAMERA_FINDER_DATA_DIR honoured). */
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

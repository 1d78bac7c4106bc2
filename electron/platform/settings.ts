import Conf from 'conf';
import { dirname } from 'node:path';
import type { SettingsStore } from './ports.js';
import { migrateSettings } from './settings-schema.js';

export interface FileSettings extends SettingsStore {
  /** The folder the settings file is in: the data folder for the audit log and ledger beside it. */
  readonly dir: string;
}

/** The slice of conf / electron-store used to upgrade a file on open (both expose the whole object as `store`). */
export interface WholeStore {
  store: Record<string, unknown>;
}

/**
 * Brings an opened store to SETTINGS_VERSION with the pure migrations (settings-schema.ts), writing back only when
 * something changed. Done by hand rather than with conf's semver `migrations` so the same tested functions run
 * for conf and electron-store alike.
 */
export function upgradeOnOpen(store: WholeStore): void {
  const outcome = migrateSettings(store.store);
  if (outcome.changed) store.store = outcome.data;
}

/**
 * Settings outside Electron (browser mode, CLI) live in a `conf` store — the library electron-store is built
 * on — so both write the same JSON layout. `cwd` (CAMERA_FINDER_DATA_DIR) replaces the per-user folder. The file is
 * owner-only (0600). Secrets never go here; they have their own encrypted store.
 */
export function createConfSettings(options: { cwd?: string } = {}): FileSettings {
  const conf = new Conf<Record<string, unknown>>({
    projectName: 'camera-finder',
    configFileMode: 0o600,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  upgradeOnOpen(conf);
  return {
    get: <T>(key: string) => conf.get(key) as T | undefined,
    set: (key, value) => conf.set(key, value),
    dir: dirname(conf.path),
  };
}

export function createMemorySettings(initial: Record<string, unknown> = {}): SettingsStore {
  const data = new Map(Object.entries(initial));
  return { get: <T>(key: string) => data.get(key) as T | undefined, set: (key, value) => void data.set(key, value) };
}

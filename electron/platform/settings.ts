import Conf from 'conf';
import { copyFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SettingsStore } from './ports.js';
import { migrateSettings, SETTINGS_VERSION_KEY } from './settings-schema.js';

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
 * for conf and electron-store alike. An empty store is left unwritten: opening settings (a CLI scan) must not
 * create a file; the first `set` (versionedStore) stamps the version then.
 */
export function upgradeOnOpen(store: WholeStore): void {
  if (Object.keys(store.store).length === 0) return;
  const outcome = migrateSettings(store.store);
  if (outcome.changed) store.store = outcome.data;
}

/** A SettingsStore over conf / electron-store that upgrades on open and never writes an unversioned file. */
export function versionedStore(store: WholeStore & { get(key: string): unknown; set(key: string, value: unknown): void }): SettingsStore {
  upgradeOnOpen(store);
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set: (key, value) => {
      if (store.get(SETTINGS_VERSION_KEY) === undefined) store.store = migrateSettings(store.store).data;
      store.set(key, value);
    },
  };
}

/**
 * Settings outside Electron (browser mode, CLI) live in a `conf` store — the library electron-store is built
 * on — so both write the same JSON layout. `cwd` (CAMERA_FINDER_DATA_DIR) replaces the per-user folder. The file is
 * owner-only (0600). Secrets never go here; they have their own encrypted store.
 */
/**
 * Hazard: a torn or hand-broken settings file must not stop the app from starting. With this `deserialize` it
 * reads as empty; `setAside` then copies it to `<file>.unreadable` before the first save replaces it, so nothing
 * the technician had is destroyed. Used for conf here and electron-store in main.ts.
 */
export function tolerantJson() {
  let unreadable = false;
  return {
    deserialize: (text: string): Record<string, unknown> => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        unreadable = true;
        return {};
      }
    },
    setAside: (path: string) => {
      if (unreadable) copyFileSync(path, `${path}.unreadable`);
    },
  };
}

export function createConfSettings(options: { cwd?: string } = {}): FileSettings {
  const json = tolerantJson();
  const conf = new Conf<Record<string, unknown>>({
    projectName: 'camera-finder',
    configFileMode: 0o600,
    deserialize: json.deserialize,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  json.setAside(conf.path);
  return { ...versionedStore(conf), dir: dirname(conf.path) };
}

export function createMemorySettings(initial: Record<string, unknown> = {}): SettingsStore {
  const data = new Map(Object.entries(initial));
  return { get: <T>(key: string) => data.get(key) as T | undefined, set: (key, value) => void data.set(key, value) };
}

import Conf from 'conf';
import type { SettingsStore } from './ports.js';

/**
 * Settings outside Electron (browser mode, CLI) live in a `conf` store — the library electron-store is built
 * on — so both write the same JSON layout. Secrets never go here; they have their own encrypted store.
 */
export function createConfSettings(options: { cwd?: string } = {}): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({ projectName: 'camera-finder', ...(options.cwd ? { cwd: options.cwd } : {}) });
  return { get: <T>(key: string) => conf.get(key) as T | undefined, set: (key, value) => conf.set(key, value) };
}

export function createMemorySettings(initial: Record<string, unknown> = {}): SettingsStore {
  const data = new Map(Object.entries(initial));
  return { get: <T>(key: string) => data.get(key) as T | undefined, set: (key, value) => void data.set(key, value) };
}

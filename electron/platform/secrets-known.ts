/**
 * Remembers every secret value that passes through a store in this process, so writers of free text (the audit
 * log) can strip them even when a caller pasted one into a message by mistake. Values stay in memory only.
 */
import type { SecretStore } from './secrets.js';

/** Distinct values remembered; a site has a few account secrets and a handful of credential sets. */
const MAX_KNOWN = 256;

export interface TrackedSecretStore {
  store: SecretStore;
  /** Every secret value read or written through `store` in this process (newest last). */
  known(): string[];
}

export function trackSecrets<S extends SecretStore>(inner: S): TrackedSecretStore & { store: S } {
  const seen = new Set<string>();
  const remember = (value: string | null) => {
    if (!value) return;
    seen.delete(value);
    seen.add(value);
    if (seen.size > MAX_KNOWN) seen.delete(seen.values().next().value as string);
  };
  const store = Object.create(inner) as S;
  Object.assign(store, {
    get: async (name: string) => {
      const value = await inner.get(name);
      remember(value);
      return value;
    },
    set: async (name: string, value: string) => {
      remember(value);
      await inner.set(name, value);
    },
    delete: (name: string) => inner.delete(name),
  });
  return { store, known: () => [...seen] };
}

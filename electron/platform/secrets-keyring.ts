/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through
 * @napi-rs/keyring, for browser mode and the CLI. Probed once at creation: where the OS offers no store (a
 * headless Linux box without Secret Service answers "Couldn't access platform storage"), secrets are kept in
 * memory for this run and `warning` says so.
 *
 * Hazard: the probe is synchronous; on a desktop with a locked keyring the OS may ask the user to unlock it, and
 * the call waits for that answer. That happens once, at start-up, before any port is opened.
 */
import { randomBytes } from 'node:crypto';
import { Entry } from '@napi-rs/keyring';
import { createMemorySecretStore, NO_KEYCHAIN_WARNING, type SecretStore } from './secrets.js';

/** The slice of a keyring entry used here; tests inject a failing or in-memory one. */
export interface KeyringEntry {
  setPassword(value: string): void;
  getPassword(): string | null;
  deletePassword(): boolean;
}

export type KeyringFactory = (service: string, account: string) => KeyringEntry;

const napiKeyring: KeyringFactory = (service, account) => new Entry(service, account);

const PROBE_ACCOUNT = '__camera-finder-probe__';

/** True when a value written to the keychain reads back and deletes again. Never throws. */
function probe(factory: KeyringFactory, service: string): boolean {
  try {
    const entry = factory(service, PROBE_ACCOUNT);
    const value = randomBytes(12).toString('hex');
    entry.setPassword(value);
    const ok = entry.getPassword() === value;
    entry.deletePassword();
    return ok;
  } catch {
    return false;
  }
}

export interface KeyringOptions {
  /** Keychain service name; accounts are the secret names. Scoped per data folder by the hosts. */
  service: string;
  keyring?: KeyringFactory;
}

export function createKeyringSecretStore(options: KeyringOptions): SecretStore {
  const factory = options.keyring ?? napiKeyring;
  const { service } = options;
  if (!probe(factory, service)) return createMemorySecretStore(NO_KEYCHAIN_WARNING);
  const entry = (name: string) => factory(service, name);
  return {
    get: async (name) => {
      try {
        return entry(name).getPassword();
      } catch {
        // Keychain locked or gone since the probe: the secret reads as not set, and the UI asks for it again.
        return null;
      }
    },
    set: async (name, value) => entry(name).setPassword(value),
    delete: async (name) => {
      try {
        entry(name).deletePassword();
      } catch {
        // Already absent: some platforms throw NoEntry instead of returning false.
      }
    },
    persistent: true,
    warning: null,
  };
}

/** The keychain service for a data folder: the default profile keeps the plain name; overrides get their own. */
export function keyringService(dataDirOverride: string | null): string {
  return dataDirOverride ? `camera-finder (${dataDirOverride})` : 'camera-finder';
}

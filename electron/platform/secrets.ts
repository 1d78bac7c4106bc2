/**
 * The secret-store port: license key, provisioning password, camera passwords. Adapters decide where a secret
 * may live; none writes plaintext to disk. `persistent` is false when secrets last only for this session (no
 * OS encryption available), and `warning` then says so in a sentence the UI shows.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  readonly persistent: boolean;
  readonly warning: string | null;
}

/** Names of the secrets the cloud service keeps; camera credential sets use `camera-credentials/<set>`. */
export const SECRET_NAMES = {
  licenseKey: 'licenseKey',
  provisioningPassword: 'provisioningPassword',
  gatewayPassword: 'gatewayPassword',
} as const;

/** The sentence shown wherever secrets cannot be persisted encrypted on this machine. */
export const NO_KEYCHAIN_WARNING =
  'This computer offers no encrypted keychain to Camera Finder, so the license key and passwords are kept only until the app closes.';

/** Secrets held in this process only: gone when it exits. The fallback everywhere encryption is unavailable. */
export function createMemorySecretStore(warning: string | null = null): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
    persistent: false,
    warning,
  };
}

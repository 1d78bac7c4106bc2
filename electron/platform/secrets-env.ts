/**
 * Secrets from CAMERA_FINDER_* environment variables (headless sites, scripts, CI). The environment wins over a
 * stored value on read; environment values are never written anywhere (set/delete reach only the stored copy).
 */
import type { SecretStore } from './secrets.js';

export const SECRET_ENV = {
  licenseKey: 'CAMERA_FINDER_LICENSE_KEY',
  provisioningPassword: 'CAMERA_FINDER_PROVISIONING_PASSWORD',
  gatewayPassword: 'CAMERA_FINDER_GATEWAY_PASSWORD',
} as const;

export interface EnvironmentSecretStore extends SecretStore {
  /** Secret names (keys of SECRET_ENV) whose value currently comes from the environment. */
  readonly fromEnvironment: string[];
}

export function withEnvironment(store: SecretStore, env: Readonly<Record<string, string | undefined>>): EnvironmentSecretStore {
  // Read once: a running app does not see later changes to its environment anyway.
  const values = new Map<string, string>();
  for (const [name, variable] of Object.entries(SECRET_ENV)) {
    const value = env[variable]?.trim();
    if (value) values.set(name, value);
  }
  return {
    get: async (name) => values.get(name) ?? store.get(name),
    set: (name, value) => store.set(name, value),
    delete: (name) => store.delete(name),
    get persistent() {
      return store.persistent;
    },
    get warning() {
      return store.warning;
    },
    fromEnvironment: [...values.keys()],
  };
}

import { describe, expect, it } from 'vitest';
import { withEnvironment } from '../../../../electron/platform/secrets-env.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';

describe('secrets from the environment', () => {
  it('lets CAMERA_FINDER_LICENSE_KEY and CAMERA_FINDER_PROVISIONING_PASSWORD win over stored values', async () => {
    const stored = createMemorySecretStore();
    await stored.set('licenseKey', 'stored-key');
    await stored.set('provisioningPassword', 'stored-pw');
    const store = withEnvironment(stored, { CAMERA_FINDER_LICENSE_KEY: 'env-key', CAMERA_FINDER_PROVISIONING_PASSWORD: 'env-pw' });
    expect(await store.get('licenseKey')).toBe('env-key');
    expect(await store.get('provisioningPassword')).toBe('env-pw');
    expect(store.fromEnvironment.sort()).toEqual(['licenseKey', 'provisioningPassword']);
  });

  it('never writes an environment value to the underlying store', async () => {
    const stored = createMemorySecretStore();
    const store = withEnvironment(stored, { CAMERA_FINDER_LICENSE_KEY: 'env-key' });
    await store.get('licenseKey');
    expect(await stored.get('licenseKey')).toBeNull();
    // Saving from the UI reaches the stored copy; the environment still wins while it is set.
    await store.set('licenseKey', 'typed-key');
    expect(await stored.get('licenseKey')).toBe('typed-key');
    expect(await store.get('licenseKey')).toBe('env-key');
  });

  it('falls through to the stored value for unset or blank variables and other names', async () => {
    const stored = createMemorySecretStore('no keychain');
    await stored.set('camera-credentials/site-a', 'cam-pw');
    await stored.set('provisioningPassword', 'stored-pw');
    const store = withEnvironment(stored, { CAMERA_FINDER_PROVISIONING_PASSWORD: '   ' });
    expect(store.fromEnvironment).toEqual([]);
    expect(await store.get('provisioningPassword')).toBe('stored-pw');
    expect(await store.get('camera-credentials/site-a')).toBe('cam-pw');
    expect(store.warning).toBe('no keychain');
    expect(store.persistent).toBe(false);
  });
});

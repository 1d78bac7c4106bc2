import { describe, expect, it } from 'vitest';
import { withEnvironment } from '../../../../electron/platform/secrets-env.js';
import { trackSecrets } from '../../../../electron/platform/secrets-known.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';

describe('trackSecrets', () => {
  it('remembers every value read or written, so the audit log can strip them', async () => {
    const inner = createMemorySecretStore();
    await inner.set('camera-credentials/a', 'already-there');
    const { store, known } = trackSecrets(withEnvironment(inner, { CAMERA_FINDER_LICENSE_KEY: 'env-key' }));
    await store.set('provisioningPassword', 'typed-pw');
    await store.get('licenseKey');
    await store.get('camera-credentials/a');
    await store.get('missing');
    expect(known().sort()).toEqual(['already-there', 'env-key', 'typed-pw']);
    // The wrapped store still reports what the inner one does.
    expect(store.fromEnvironment).toEqual(['licenseKey']);
    expect(store.persistent).toBe(false);
  });
});

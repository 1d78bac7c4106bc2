import { describe, expect, it } from 'vitest';
import { createKeyringSecretStore, keyringService, type KeyringFactory } from '../../../../electron/platform/secrets-keyring.js';
import { NO_KEYCHAIN_WARNING } from '../../../../electron/platform/secrets.js';

/** An OS keychain in a Map, keyed by service and account, like the real one. */
function fakeKeychain() {
  const entries = new Map<string, string>();
  const factory: KeyringFactory = (service, account) => {
    const key = `${service}\u0000${account}`;
    return {
      setPassword: (value) => void entries.set(key, value),
      getPassword: () => entries.get(key) ?? null,
      deletePassword: () => entries.delete(key),
    };
  };
  return { entries, factory };
}

const failing: KeyringFactory = () => ({
  setPassword: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  getPassword: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  deletePassword: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
});

describe('keyring secret store', () => {
  it('persists through the OS keychain when it answers the probe, leaving no probe entry behind', async () => {
    const keychain = fakeKeychain();
    const store = createKeyringSecretStore({ service: 'camera-finder', keyring: keychain.factory });
    expect(store.persistent).toBe(true);
    expect(store.warning).toBeNull();
    await store.set('licenseKey', 'LK-abc');
    expect([...keychain.entries.keys()]).toEqual(['camera-finder\u0000licenseKey']);
    // A second run (new store over the same keychain) reads it back.
    expect(await createKeyringSecretStore({ service: 'camera-finder', keyring: keychain.factory }).get('licenseKey')).toBe('LK-abc');
    await store.delete('licenseKey');
    expect(await store.get('licenseKey')).toBeNull();
  });

  it('falls back to memory with the warning sentence where the OS store refuses (headless Linux)', async () => {
    const store = createKeyringSecretStore({ service: 'camera-finder', keyring: failing });
    expect(store.persistent).toBe(false);
    expect(store.warning).toBe(NO_KEYCHAIN_WARNING);
    await store.set('provisioningPassword', 'pw-1');
    expect(await store.get('provisioningPassword')).toBe('pw-1');
  });

  it('reads a secret as not set when the keychain fails after the probe (locked since)', async () => {
    const keychain = fakeKeychain();
    let locked = false;
    const flaky: KeyringFactory = (service, account) => {
      const inner = keychain.factory(service, account);
      return { ...inner, getPassword: () => (locked ? failing(service, account).getPassword() : inner.getPassword()) };
    };
    const store = createKeyringSecretStore({ service: 's', keyring: flaky });
    await store.set('licenseKey', 'LK');
    locked = true;
    expect(await store.get('licenseKey')).toBeNull();
  });

  it('falls back when the keychain silently loses what was written', () => {
    const forgetful: KeyringFactory = () => ({ setPassword: () => undefined, getPassword: () => null, deletePassword: () => false });
    expect(createKeyringSecretStore({ service: 's', keyring: forgetful }).persistent).toBe(false);
  });

  it('falls back on this machine, which has no Secret Service (the real @napi-rs/keyring)', () => {
    // The expected path on our headless build boxes; on a desktop this test would see a real keychain.
    const store = createKeyringSecretStore({ service: keyringService('/tmp/cf-test-probe') });
    if (store.persistent) expect(store.warning).toBeNull();
    else expect(store.warning).toBe(NO_KEYCHAIN_WARNING);
  });

  it('keeps a data-folder override apart from the default profile in the keychain', () => {
    expect(keyringService(null)).toBe('camera-finder');
    expect(keyringService('/tmp/x')).not.toBe('camera-finder');
  });
});

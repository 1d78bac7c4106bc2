import { describe, expect, it } from 'vitest';
import { createEncryptedSecretStore, type CiphertextStore, type StringCipher } from '../../../../electron/platform/secrets-encrypted.js';
import { NO_KEYCHAIN_WARNING } from '../../../../electron/platform/secrets.js';

/** Stands in for safeStorage: XOR with a key the OS would hold, so ciphertext never equals plaintext. */
function fakeCipher(available: boolean, key = 0x5a): StringCipher {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    available: async () => available,
    encrypt: async (text) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(text, 'utf8'))]),
    decrypt: async (data) => {
      if (data.subarray(0, 3).toString() !== 'v10') throw new Error('bad prefix');
      return xor(data.subarray(3)).toString('utf8');
    },
  };
}

function blobs(): CiphertextStore & { all: Record<string, string> } {
  const holder = { all: {} as Record<string, string> };
  return Object.assign(holder, {
    read: () => holder.all,
    write: (next: Record<string, string>) => void (holder.all = next),
  });
}

describe('safeStorage-style encrypted secret store', () => {
  it('stores only base64 ciphertext and reads the secret back', async () => {
    const file = blobs();
    const store = await createEncryptedSecretStore(fakeCipher(true), file);
    expect(store.persistent).toBe(true);
    await store.set('licenseKey', 'LK-secret-123');
    const stored = JSON.stringify(file.all);
    expect(stored).not.toContain('LK-secret-123');
    expect(stored).not.toContain(Buffer.from('LK-secret-123').toString('base64'));
    expect(await store.get('licenseKey')).toBe('LK-secret-123');
    await store.delete('licenseKey');
    expect(file.all).toEqual({});
  });

  it('refuses to persist where the OS offers no encryption, and says so', async () => {
    const file = blobs();
    const store = await createEncryptedSecretStore(fakeCipher(false), file);
    expect(store.persistent).toBe(false);
    expect(store.warning).toBe(NO_KEYCHAIN_WARNING);
    await store.set('licenseKey', 'LK');
    expect(file.all).toEqual({});
    expect(await store.get('licenseKey')).toBe('LK');
  });

  it('treats ciphertext it cannot decrypt (profile copied to another machine) as not set', async () => {
    const file = blobs();
    file.all = { licenseKey: Buffer.from('garbage').toString('base64') };
    const store = await createEncryptedSecretStore(fakeCipher(true), file);
    expect(await store.get('licenseKey')).toBeNull();
  });

  it('treats a cipher whose availability check throws as unavailable', async () => {
    const cipher = { ...fakeCipher(true), available: () => Promise.reject(new Error('not ready')) };
    expect((await createEncryptedSecretStore(cipher, blobs())).persistent).toBe(false);
  });
});

/**
 * Secrets encrypted by the OS (Electron `safeStorage` in the app) and kept as base64 ciphertext in the settings
 * file under `secrets`. Electron is injected as a cipher so this runs in plain Node tests; main.ts supplies it.
 * Where the OS offers no encryption, nothing is persisted: memory only, and `warning` says so.
 */
import { createMemorySecretStore, NO_KEYCHAIN_WARNING, type SecretStore } from './secrets.js';

export interface StringCipher {
  /** False where the OS offers no real encryption (on Linux also when Electron fell back to `basic_text`). */
  available(): Promise<boolean>;
  encrypt(text: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<string>;
}

/** Where the ciphertexts live: one record of name → base64. */
export interface CiphertextStore {
  read(): Record<string, string>;
  write(all: Record<string, string>): void;
}

export async function createEncryptedSecretStore(cipher: StringCipher, blobs: CiphertextStore): Promise<SecretStore> {
  let usable = false;
  try {
    usable = await cipher.available();
  } catch {
    usable = false;
  }
  if (!usable) return createMemorySecretStore(NO_KEYCHAIN_WARNING);
  return {
    get: async (name) => {
      const stored = blobs.read()[name];
      if (typeof stored !== 'string') return null;
      try {
        return await cipher.decrypt(Buffer.from(stored, 'base64'));
      } catch {
        // Encrypted under another OS key (profile copied, keychain reset): unreadable, so treat as not set.
        return null;
      }
    },
    set: async (name, value) => {
      const encrypted = (await cipher.encrypt(value)).toString('base64');
      blobs.write({ ...blobs.read(), [name]: encrypted });
    },
    delete: async (name) => {
      const rest = { ...blobs.read() };
      delete rest[name];
      blobs.write(rest);
    },
    persistent: true,
    warning: null,
  };
}

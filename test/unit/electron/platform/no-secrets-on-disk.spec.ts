/**
 * After a session of saving settings, storing secrets and writing audit entries that mention them by mistake,
 * no file in the data folder holds any secret, in plain text or base64.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileAuditLog } from '../../../../electron/platform/audit-log-file.js';
import { auditPath } from '../../../../electron/platform/data-dir.js';
import { createEncryptedSecretStore } from '../../../../electron/platform/secrets-encrypted.js';
import { withEnvironment } from '../../../../electron/platform/secrets-env.js';
import { trackSecrets } from '../../../../electron/platform/secrets-known.js';
import { createKeyringSecretStore } from '../../../../electron/platform/secrets-keyring.js';
import { createConfSettings } from '../../../../electron/platform/settings.js';
import { writeCloudSettings } from '../../../../electron/platform/settings-schema.js';

const secrets = {
  licenseKey: 'LKey-7f3a9c0e55d2b1a4',
  provisioningPassword: 'Prov-Pa55-word!',
  envLicense: 'EnvLicense-0042-xyz',
  camera: 'Sticker-1234',
  token: Buffer.from(
    JSON.stringify({ camid: 7, cmngrid: 9, access: 'all', token: 'share.eyJzaSI6N30.1f2t3c.QmFk', api: 'a.test' }),
  ).toString('base64'),
};

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('no secret reaches the data folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-nosecrets-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('settings, encrypted secrets and an audit log that was handed secrets hold none of them', async () => {
    const settings = createConfSettings({ cwd: dir });
    writeCloudSettings(settings, { apiUrl: 'https://web.example.test', provisioningUser: 'backend' });
    // The app's store (ciphertext in the settings file) and the CLI's (keyring: memory here), both tracked.
    const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x33));
    const encrypted = await createEncryptedSecretStore(
      { available: async () => true, encrypt: async (t) => xor(Buffer.from(t)), decrypt: async (b) => xor(b).toString() },
      { read: () => settings.get<Record<string, string>>('secrets') ?? {}, write: (all) => settings.set('secrets', all) },
    );
    const failingKeyring = () => ({
      setPassword: () => {
        throw new Error('AccessDenied');
      },
      getPassword: () => null,
      deletePassword: () => false,
    });
    const tracked = trackSecrets(withEnvironment(encrypted, { CAMERA_FINDER_LICENSE_KEY: secrets.envLicense }));
    const cli = trackSecrets(createKeyringSecretStore({ service: 'x', keyring: failingKeyring }));
    await tracked.store.set('licenseKey', secrets.licenseKey);
    await tracked.store.set('provisioningPassword', secrets.provisioningPassword);
    await tracked.store.set('camera-credentials/site', secrets.camera);
    await cli.store.set('licenseKey', secrets.licenseKey);
    expect(await tracked.store.get('licenseKey')).toBe(secrets.envLicense);

    const audit = createFileAuditLog({ path: auditPath(dir), knownSecrets: () => [...tracked.known(), ...cli.known()] });
    await audit.append({ action: 'settings.change', camera: null, result: 'info', message: `key ${secrets.licenseKey} saved`, via: 'ui' });
    await audit.append({
      action: 'provisioning.post',
      camera: 'ACCC8E12AB34',
      result: 'failed',
      message: `POST failed: Authorization: Basic ${Buffer.from(`backend:${secrets.provisioningPassword}`).toString('base64')} token=${secrets.token} pw ${secrets.camera} env ${secrets.envLicense}`,
      via: 'cli',
    });
    await audit.append({ action: 'cloud.register', camera: secrets.camera, result: 'ok', message: `token ${secrets.token}`, via: 'ui' });

    const files = await allFiles(dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['audit.jsonl', 'config.json']);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text.length).toBeGreaterThan(0);
      for (const [name, value] of Object.entries(secrets)) {
        for (const form of [value, Buffer.from(value).toString('base64'), Buffer.from(value).toString('base64url')]) {
          expect(text.includes(form), `${name} found in ${file}`).toBe(false);
        }
      }
    }
    // The audit log still says what happened.
    expect((await audit.list(10)).map((e) => e.action)).toEqual(['settings.change', 'provisioning.post', 'cloud.register']);
  });
});

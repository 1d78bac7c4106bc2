import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../../../electron/platform/data-dir.js';
import { openDataFolder } from '../../../../electron/platform/data-folder.js';
import { NO_KEYCHAIN_WARNING } from '../../../../electron/platform/secrets.js';
import { readCloudSettings, writeCloudSettings } from '../../../../electron/platform/settings-schema.js';

const noKeychain = () => ({
  setPassword: () => {
    throw new Error('AccessDenied');
  },
  getPassword: () => null,
  deletePassword: () => false,
});

describe('the data folder browser mode and the CLI share', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-data-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads CAMERA_FINDER_DATA_DIR, ignoring a blank value', () => {
    expect(dataDirFromEnv({ CAMERA_FINDER_DATA_DIR: ' /x ' })).toBe('/x');
    expect(dataDirFromEnv({ CAMERA_FINDER_DATA_DIR: '' })).toBeNull();
  });

  it('keeps settings and the audit log in CAMERA_FINDER_DATA_DIR, seen by a second run (UI saves, CLI reads)', async () => {
    const env = { CAMERA_FINDER_DATA_DIR: dir, CAMERA_FINDER_PROVISIONING_PASSWORD: 'env-pw' };
    const ui = openDataFolder({ env, keyring: noKeychain });
    expect(ui.dir).toBe(dir);
    writeCloudSettings(ui.settings, { apiUrl: 'https://web.example.test' });
    await ui.audit.append({ action: 'settings.change', camera: null, result: 'info', message: 'Cloud API URL saved.', via: 'ui' });

    const cli = openDataFolder({ env, keyring: noKeychain });
    expect(readCloudSettings(cli.settings).apiUrl).toBe('https://web.example.test');
    expect((await cli.audit.list(5)).map((e) => e.message)).toEqual(['Cloud API URL saved.']);
    expect(cli.audit.path).toBe(join(dir, 'audit.jsonl'));
    expect((await stat(join(dir, 'audit.jsonl'))).mode & 0o777).toBe(0o600);
    expect(cli.secrets.warning).toBe(NO_KEYCHAIN_WARNING);
    expect(await cli.secrets.get('provisioningPassword')).toBe('env-pw');
    expect(cli.secrets.fromEnvironment).toEqual(['provisioningPassword']);
  });

  it('scrubs secrets the run has handled from the audit log', async () => {
    const folder = openDataFolder({ env: { CAMERA_FINDER_DATA_DIR: dir }, keyring: noKeychain });
    await folder.secrets.set('licenseKey', 'LK-very-secret-1');
    await folder.audit.append({ action: 'settings.change', camera: null, result: 'info', message: 'saved LK-very-secret-1', via: 'ui' });
    expect(await readFile(join(dir, 'audit.jsonl'), 'utf8')).not.toContain('LK-very-secret-1');
  });

  it('touches no disk with --no-settings, while the environment still applies', async () => {
    const folder = openDataFolder({ memoryOnly: true, env: { CAMERA_FINDER_LICENSE_KEY: 'env-key', CAMERA_FINDER_DATA_DIR: dir } });
    folder.settings.set('x', 1);
    await folder.audit.append({ action: 'a', camera: null, result: 'info', message: 'm', via: 'cli' });
    expect(folder.dir).toBeNull();
    expect(folder.audit.path).toBeNull();
    expect(await folder.secrets.get('licenseKey')).toBe('env-key');
    await expect(stat(join(dir, 'config.json'))).rejects.toThrow();
  });
});

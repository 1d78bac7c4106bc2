import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfSettings } from '../../../../electron/platform/settings.js';
import {
  readCloudSettings,
  SETTINGS_VERSION,
  SETTINGS_VERSION_KEY,
  writeCloudSettings,
} from '../../../../electron/platform/settings-schema.js';

describe('conf settings file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('upgrades a version 0 file on open, keeping what it does not know', async () => {
    await writeFile(join(dir, 'config.json'), JSON.stringify({ lastInterface: 'eth0', cloud: { provisioningUser: 'tech' } }));
    const settings = createConfSettings({ cwd: dir });
    const onDisk = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk[SETTINGS_VERSION_KEY]).toBe(SETTINGS_VERSION);
    expect(onDisk.lastInterface).toBe('eth0');
    expect(readCloudSettings(settings)).toMatchObject({ provisioningUser: 'tech', provisioningUrl: 'https://camera.vxg.io/v1/token' });
    expect(settings.dir).toBe(dir);
  });

  it('does not create a file just by opening (a CLI scan leaves no trace), and stamps the version on first save', async () => {
    const settings = createConfSettings({ cwd: dir });
    expect(readCloudSettings(settings).provisioningUrl).toBe('https://camera.vxg.io/v1/token');
    await expect(stat(join(dir, 'config.json'))).rejects.toThrow();
    settings.set('lastInterface', 'eth1');
    const onDisk = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ [SETTINGS_VERSION_KEY]: SETTINGS_VERSION, lastInterface: 'eth1', cloud: { idFormat: 'mac-plain' } });
  });

  it('starts with defaults from a torn file and keeps a copy of it before the first save', async () => {
    await writeFile(join(dir, 'config.json'), '{"cloud":{"apiUrl":"https://web.exa');
    const settings = createConfSettings({ cwd: dir });
    expect(readCloudSettings(settings).apiUrl).toBe('');
    writeCloudSettings(settings, { provisioningUser: 'tech' });
    expect(await readFile(join(dir, 'config.json.unreadable'), 'utf8')).toBe('{"cloud":{"apiUrl":"https://web.exa');
    expect(readCloudSettings(createConfSettings({ cwd: dir })).provisioningUser).toBe('tech');
  });

  it('creates the file owner-only and reopens what was saved', async () => {
    writeCloudSettings(createConfSettings({ cwd: dir }), { apiUrl: 'https://web.example.test' });
    expect((await stat(join(dir, 'config.json'))).mode & 0o777).toBe(0o600);
    expect(readCloudSettings(createConfSettings({ cwd: dir })).apiUrl).toBe('https://web.example.test');
  });
});

import { describe, expect, it } from 'vitest';
import {
  cloudDefaults,
  effectiveCloudSettings,
  migrateSettings,
  migrations,
  readCloudSettings,
  SETTINGS_VERSION,
  SETTINGS_VERSION_KEY,
  writeCloudSettings,
} from '../../../../electron/platform/settings-schema.js';
import { createMemorySettings } from '../../../../electron/platform/settings.js';

describe('settings migrations', () => {
  it('upgrades an empty (version 0) store to the current version with the cloud defaults', () => {
    const { data, from, changed } = migrateSettings({});
    expect(from).toBe(0);
    expect(changed).toBe(true);
    expect(data).toEqual({
      [SETTINGS_VERSION_KEY]: SETTINGS_VERSION,
      cloud: {
        apiUrl: '',
        provisioningUrl: 'https://camera.vxg.io/v1/token',
        provisioningUser: '',
        idFormat: 'mac-plain',
        gatewayUrl: '',
        gatewayUser: '',
      },
    });
  });

  it('v1 → v2 adds the empty gateway fields and keeps every v1 value and unknown key unchanged', () => {
    const v1 = {
      [SETTINGS_VERSION_KEY]: 1,
      windowBounds: { w: 800 },
      loginAttempts: { a: 1 },
      cloud: {
        apiUrl: 'https://web.example.test',
        provisioningUrl: 'https://prov.example.test/v1/token',
        provisioningUser: 'tech',
        idFormat: 'serial',
        futureField: 7,
      },
    };
    const { data, from, changed } = migrateSettings(v1);
    expect(from).toBe(1);
    expect(changed).toBe(true);
    expect(data).toEqual({
      ...v1,
      [SETTINGS_VERSION_KEY]: 2,
      cloud: { ...v1.cloud, gatewayUrl: '', gatewayUser: '' },
    });
    // Loads unchanged: the cloud settings read from the migrated file are the v1 values plus "no gateway".
    expect(readCloudSettings(createMemorySettings(data))).toEqual({ ...v1.cloud, futureField: undefined, gatewayUrl: '', gatewayUser: '' });
  });

  it('v1 → v2 keeps gateway values a hand edit already put there when the contract accepts them', () => {
    const { data } = migrateSettings({
      [SETTINGS_VERSION_KEY]: 1,
      cloud: { gatewayUrl: 'http://198.18.0.20:8000', gatewayUser: 'x'.repeat(300) },
    });
    expect(data.cloud).toMatchObject({ gatewayUrl: 'http://198.18.0.20:8000', gatewayUser: '' });
  });

  it('keeps valid old values and unknown keys, at the top level and inside cloud', () => {
    const old = {
      windowBounds: { w: 800 },
      cloud: { apiUrl: 'https://web.example.test', idFormat: 'serial', futureField: 7 },
      secrets: { licenseKey: 'djEwAAAA' },
    };
    const { data } = migrateSettings(old);
    expect(data).toMatchObject({
      windowBounds: { w: 800 },
      secrets: { licenseKey: 'djEwAAAA' },
      cloud: { apiUrl: 'https://web.example.test', idFormat: 'serial', futureField: 7, provisioningUser: '' },
    });
  });

  it('replaces old values the contract refuses with defaults (a hand-edited file)', () => {
    const { data } = migrateSettings({ cloud: { idFormat: 'base64', apiUrl: 42, provisioningUrl: 'x'.repeat(600) } });
    expect(data.cloud).toEqual(cloudDefaults);
  });

  it('does not modify its input', () => {
    const old = { cloud: { apiUrl: 'https://a.test' } };
    const copy = structuredClone(old);
    migrateSettings(old);
    expect(old).toEqual(copy);
  });

  it('is idempotent: a migrated store comes back unchanged', () => {
    const once = migrateSettings({ other: 1 });
    const twice = migrateSettings(once.data);
    expect(twice.changed).toBe(false);
    expect(twice.data).toEqual(once.data);
  });

  it('leaves a file from a newer build exactly as it is', () => {
    const newer = { [SETTINGS_VERSION_KEY]: SETTINGS_VERSION + 5, cloud: { shape: 'different' } };
    const outcome = migrateSettings(newer);
    expect(outcome).toMatchObject({ changed: false, newer: true, data: newer });
  });

  it('treats a garbage store or version as version 0', () => {
    expect(migrateSettings(null).from).toBe(0);
    expect(migrateSettings(['x']).data[SETTINGS_VERSION_KEY]).toBe(SETTINGS_VERSION);
    expect(migrateSettings({ [SETTINGS_VERSION_KEY]: '1' }).from).toBe(0);
  });

  it('has one migration per version', () => {
    for (let v = 1; v <= SETTINGS_VERSION; v++) expect(typeof migrations[v]).toBe('function');
  });
});

describe('effectiveCloudSettings', () => {
  const stored = { ...cloudDefaults, apiUrl: 'https://saved.test', provisioningUser: 'saved-user' };

  it('uses the stored values when the environment sets nothing', () => {
    expect(effectiveCloudSettings(stored, {})).toEqual({ values: stored, fromEnvironment: [], ignored: [] });
  });

  it('lets each CAMERA_FINDER_* variable win over the stored value and says which', () => {
    const result = effectiveCloudSettings(stored, {
      CAMERA_FINDER_CLOUD_API_URL: 'https://env.test',
      CAMERA_FINDER_PROVISIONING_URL: 'http://198.18.0.2/v1/token',
      CAMERA_FINDER_PROVISIONING_USER: 'env-user',
      CAMERA_FINDER_GATEWAY_URL: 'http://198.18.0.20:8000',
      CAMERA_FINDER_GATEWAY_USER: 'gw-admin',
    });
    expect(result.values).toEqual({
      ...stored,
      apiUrl: 'https://env.test',
      provisioningUrl: 'http://198.18.0.2/v1/token',
      provisioningUser: 'env-user',
      gatewayUrl: 'http://198.18.0.20:8000',
      gatewayUser: 'gw-admin',
    });
    expect(result.fromEnvironment.sort()).toEqual(['apiUrl', 'gatewayUrl', 'gatewayUser', 'provisioningUrl', 'provisioningUser']);
  });

  it('ignores empty variables and refuses values too long for the contract', () => {
    const result = effectiveCloudSettings(stored, { CAMERA_FINDER_CLOUD_API_URL: '  ', CAMERA_FINDER_PROVISIONING_USER: 'u'.repeat(300) });
    expect(result.values).toEqual(stored);
    expect(result.fromEnvironment).toEqual([]);
    expect(result.ignored).toEqual(['CAMERA_FINDER_PROVISIONING_USER']);
  });
});

describe('reading and writing the cloud settings', () => {
  it('reads defaults from an empty store and saves a valid patch', () => {
    const settings = createMemorySettings();
    expect(readCloudSettings(settings)).toEqual(cloudDefaults);
    writeCloudSettings(settings, { apiUrl: 'https://web.example.test', idFormat: 'mac-colon' });
    expect(readCloudSettings(settings)).toEqual({ ...cloudDefaults, apiUrl: 'https://web.example.test', idFormat: 'mac-colon' });
  });

  it('refuses an invalid field and keeps the saved value', () => {
    const settings = createMemorySettings({ cloud: { ...cloudDefaults, idFormat: 'serial', extra: true } });
    writeCloudSettings(settings, { idFormat: 'nonsense' as never, provisioningUser: 'tech' });
    expect(readCloudSettings(settings)).toMatchObject({ idFormat: 'serial', provisioningUser: 'tech' });
    expect(settings.get<{ extra: boolean }>('cloud')?.extra).toBe(true);
  });
});

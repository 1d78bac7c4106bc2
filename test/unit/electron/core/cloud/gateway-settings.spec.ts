/** The VXG gateway fields of the cloud settings (issue #9): stored, secret, overridden by the environment. */
import { describe, expect, it } from 'vitest';
import {
  CloudSettingsError,
  describeCloudConfig,
  gatewayOf,
  loadCloudConfig,
  saveCloudPatch,
} from '../../../../../electron/core/cloud/settings.js';
import { createMemorySecretStore } from '../../../../../electron/platform/secrets.js';
import { withEnvironment } from '../../../../../electron/platform/secrets-env.js';
import { createMemorySettings } from '../../../../../electron/platform/settings.js';
import { cloudSettingsSchema } from '../../../../../shared/contract/cloud.js';

const PASSWORD = 'Gw-secret-pass-8812';

describe('gateway cloud settings', () => {
  it('saves the address and user as settings and the password only in the secret store; describe says only that it is set', async () => {
    const settings = createMemorySettings();
    const secrets = createMemorySecretStore();
    const changed = await saveCloudPatch(settings, secrets, {
      gatewayUrl: ' http://198.18.0.20:8000 ',
      gatewayUser: 'gw-admin',
      gatewayPassword: PASSWORD,
    });
    expect(changed.sort()).toEqual(['gatewayPassword', 'gatewayUrl', 'gatewayUser']);
    expect(JSON.stringify(settings.get('cloud'))).not.toContain(PASSWORD);
    expect(await secrets.get('gatewayPassword')).toBe(PASSWORD);
    const config = await loadCloudConfig(settings, secrets);
    expect(gatewayOf(config)).toEqual({ url: 'http://198.18.0.20:8000', credentials: { username: 'gw-admin', password: PASSWORD } });
    const described = describeCloudConfig(config, secrets);
    expect(cloudSettingsSchema.parse(described)).toMatchObject({
      gatewayUrl: 'http://198.18.0.20:8000',
      gatewayUser: 'gw-admin',
      gatewayPasswordSet: true,
    });
    expect(JSON.stringify(described)).not.toContain(PASSWORD);

    expect(await saveCloudPatch(settings, secrets, { gatewayPassword: null })).toEqual(['gatewayPassword (removed)']);
    const cleared = await loadCloudConfig(settings, secrets);
    expect(describeCloudConfig(cleared, secrets).gatewayPasswordSet).toBe(false);
    expect(gatewayOf(cleared)).toBeNull();
  });

  it('refuses a gateway address that is not http(s) or carries credentials', async () => {
    const settings = createMemorySettings();
    const secrets = createMemorySecretStore();
    await expect(saveCloudPatch(settings, secrets, { gatewayUrl: 'ftp://gw' })).rejects.toThrow(CloudSettingsError);
    await expect(saveCloudPatch(settings, secrets, { gatewayUrl: `http://admin:${PASSWORD}@gw` })).rejects.toThrow(/Gateway address/);
    expect(settings.get('cloud')).toBeUndefined();
  });

  it('no gateway unless address, user and password are all there', async () => {
    const settings = createMemorySettings({ cloud: { gatewayUrl: 'http://gw.test', gatewayUser: '' } });
    const secrets = createMemorySecretStore();
    await secrets.set('gatewayPassword', PASSWORD);
    expect(gatewayOf(await loadCloudConfig(settings, secrets))).toBeNull();
    expect(describeCloudConfig(await loadCloudConfig(createMemorySettings(), createMemorySecretStore()), secrets)).toMatchObject({
      gatewayUrl: '',
      gatewayUser: '',
      gatewayPasswordSet: false,
    });
  });

  it('CAMERA_FINDER_GATEWAY_URL / _USER / _PASSWORD override the stored values and are listed as from the environment', async () => {
    const settings = createMemorySettings({ cloud: { gatewayUrl: 'http://stored.test', gatewayUser: 'stored' } });
    const env = {
      CAMERA_FINDER_GATEWAY_URL: 'http://198.18.0.10:8090',
      CAMERA_FINDER_GATEWAY_USER: 'env-admin',
      CAMERA_FINDER_GATEWAY_PASSWORD: PASSWORD,
    };
    // The hosts wrap the secret store with the environment (platform/secrets-env.ts) and pass env to the core.
    const secrets = withEnvironment(createMemorySecretStore(), env);
    expect(secrets.fromEnvironment).toContain('gatewayPassword');
    const config = await loadCloudConfig(settings, secrets, env);
    expect(gatewayOf(config)).toEqual({ url: 'http://198.18.0.10:8090', credentials: { username: 'env-admin', password: PASSWORD } });
    expect(config.fromEnvironment.sort()).toEqual(['gatewayPassword', 'gatewayUrl', 'gatewayUser']);
    const described = describeCloudConfig(config, secrets);
    expect(described).toMatchObject({ gatewayUrl: 'http://198.18.0.10:8090', gatewayUser: 'env-admin', gatewayPasswordSet: true });
    expect(JSON.stringify(described)).not.toContain(PASSWORD);
  });

  it('a core from before the gateway fields still answers a valid cloudSettings (the fields are optional)', () => {
    const older = {
      apiUrl: '',
      provisioningUrl: 'https://camera.vxg.io/v1/token',
      provisioningUser: '',
      idFormat: 'mac-plain',
      licenseKeySet: false,
      provisioningPasswordSet: false,
      secrets: { persistent: false, warning: null },
      fromEnvironment: [],
    };
    expect(cloudSettingsSchema.safeParse(older).success).toBe(true);
  });
});

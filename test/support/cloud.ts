import type { AuditEntry, CloudSettings, RegisterResult } from '../../shared/contract.js';

/** Cloud settings as the core reports them: nothing configured, secrets persisted. */
export function makeCloudSettings(overrides: Partial<CloudSettings> = {}): CloudSettings {
  return {
    apiUrl: '',
    provisioningUrl: 'https://camera.vxg.io/v1/token',
    provisioningUser: '',
    idFormat: 'mac-plain',
    licenseKeySet: false,
    provisioningPasswordSet: false,
    secrets: { persistent: true, warning: null },
    fromEnvironment: [],
    ...overrides,
  };
}

/** A successful registration of the default test camera, waiting for its first poll. */
export function makeRegisterResult(overrides: Partial<RegisterResult> = {}): RegisterResult {
  return {
    deviceId: 'mac:00:40:8c:12:34:56',
    cameraId: '00408C123456',
    ok: true,
    status: 'registered',
    channelId: 101,
    channelCreated: true,
    rolledBack: null,
    message: 'Channel 101 created and the provisioning record written.',
    token: null,
    expectedWait: { phase: 'minutely', withinMs: 60_000, sentence: 'The camera asks again within a minute.' },
    ...overrides,
  };
}

export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: '2026-11-26T04:00:00.000Z',
    action: 'cloud.register',
    camera: '00408C123456',
    result: 'ok',
    message: 'Registered.',
    via: 'ui',
    ...overrides,
  };
}

/** The cloud settings form sends only what changed, and a secret only when one was typed. */
import { describe, expect, it } from 'vitest';
import type { CloudSettings } from '../../../../../shared/contract.js';
import {
  afterSave,
  draftFrom,
  environmentVariable,
  isDirty,
  settingsPatch,
  urlProblem,
} from '../../../../../renderer/src/logic/settings-form.js';
import { makeCloudSettings } from '../../../../support/cloud.js';

const saved: CloudSettings = makeCloudSettings({ apiUrl: 'https://vxg.example', licenseKeySet: true });

describe('settings form', () => {
  it('starts with the stored values and empty secret inputs', () => {
    const draft = draftFrom(saved);
    expect(draft.apiUrl).toBe('https://vxg.example');
    expect(draft.licenseKey).toBe('');
    expect(draft.provisioningPassword).toBe('');
    expect(isDirty(saved, draft)).toBe(false);
  });

  it('sends changed fields (trimmed) and typed secrets exactly as typed', () => {
    const draft = { ...draftFrom(saved), apiUrl: ' https://other.example ', provisioningPassword: ' p@ss word ' };
    expect(settingsPatch(saved, draft)).toEqual({ apiUrl: 'https://other.example', provisioningPassword: ' p@ss word ' });
  });

  it('never sends an empty secret (that would mean "keep", not "delete")', () => {
    expect(settingsPatch(saved, { ...draftFrom(saved), idFormat: 'serial' })).toEqual({ idFormat: 'serial' });
  });

  it('empties the secret inputs after a save', () => {
    const next = afterSave(makeCloudSettings({ licenseKeySet: true, provisioningPasswordSet: true }));
    expect(next.licenseKey).toBe('');
    expect(next.provisioningPassword).toBe('');
  });

  it('explains a URL that will not work', () => {
    expect(urlProblem('admin API URL', '', true)).toBe('Enter the admin API URL.');
    expect(urlProblem('admin API URL', '', false)).toBeNull();
    expect(urlProblem('admin API URL', 'vxg.example', false)).toMatch(/not a URL/);
    expect(urlProblem('admin API URL', 'ftp://vxg.example', false)).toMatch(/https:\/\//);
    expect(urlProblem('admin API URL', 'https://user:pw@vxg.example', false)).toMatch(/credentials/);
    expect(urlProblem('admin API URL', 'https://vxg.example/', false)).toBeNull();
  });

  it('names the environment variable that overrides a field, for plain and "…Set" field names', () => {
    const env = makeCloudSettings({ fromEnvironment: ['apiUrl', 'licenseKeySet'] });
    expect(environmentVariable(env, 'apiUrl')).toBe('CAMERA_FINDER_CLOUD_API_URL');
    expect(environmentVariable(env, 'licenseKey')).toBe('CAMERA_FINDER_LICENSE_KEY');
    expect(environmentVariable(env, 'provisioningUser')).toBeNull();
  });

  it('gateway: starts empty against a core without the fields, sends address/user trimmed and the password only when typed', () => {
    const older = makeCloudSettings({});
    delete (older as Partial<CloudSettings>).gatewayUrl;
    delete (older as Partial<CloudSettings>).gatewayUser;
    const draft = draftFrom(older);
    expect(draft).toMatchObject({ gatewayUrl: '', gatewayUser: '', gatewayPassword: '' });
    expect(isDirty(older, draft)).toBe(false);
    const edited = { ...draft, gatewayUrl: ' http://192.168.1.2:8000 ', gatewayUser: ' admin ', gatewayPassword: ' gw pw ' };
    expect(settingsPatch(older, edited)).toEqual({
      gatewayUrl: 'http://192.168.1.2:8000',
      gatewayUser: 'admin',
      gatewayPassword: ' gw pw ',
    });
    const stored = makeCloudSettings({ gatewayUrl: 'http://gw.test', gatewayUser: 'admin', gatewayPasswordSet: true });
    expect(settingsPatch(stored, draftFrom(stored))).toEqual({});
    expect(afterSave(stored).gatewayPassword).toBe('');
  });

  it('names the gateway environment variables', () => {
    const env = makeCloudSettings({ fromEnvironment: ['gatewayUrl', 'gatewayPassword'] });
    expect(environmentVariable(env, 'gatewayUrl')).toBe('CAMERA_FINDER_GATEWAY_URL');
    expect(environmentVariable(env, 'gatewayPassword')).toBe('CAMERA_FINDER_GATEWAY_PASSWORD');
    expect(environmentVariable(env, 'gatewayUser')).toBeNull();
  });
});

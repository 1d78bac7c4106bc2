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
});

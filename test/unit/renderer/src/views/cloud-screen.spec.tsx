// @vitest-environment jsdom
/** The Cloud screen: secrets are write-only, the storage warning is loud, the connection test speaks in sentences. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudSettings } from '../../../../../shared/contract.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeCloudSettings } from '../../../../support/cloud.js';
import { createFakeApi, deferred } from '../../../../support/fake-api.js';

afterEach(cleanup);

const LICENSE = 'LKEY-very-secret-0123456789';
const PROVISIONING_PASSWORD = 'prov-pass-!@#';

/** A fake core that keeps settings the way the contract says: secrets in, only "…Set" out. */
function fakeCloudCore(initial: CloudSettings = makeCloudSettings()) {
  const fake = createFakeApi();
  let settings = initial;
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: [] })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  fake.handle('cloud.settings.get', () => Promise.resolve(ok(settings)));
  fake.handle('cloud.settings.set', (args) => {
    const patch = args as Record<string, unknown>;
    settings = {
      ...settings,
      ...(typeof patch.apiUrl === 'string' ? { apiUrl: patch.apiUrl } : {}),
      ...(typeof patch.provisioningUser === 'string' ? { provisioningUser: patch.provisioningUser } : {}),
      ...('licenseKey' in patch ? { licenseKeySet: patch.licenseKey !== null } : {}),
      ...('provisioningPassword' in patch ? { provisioningPasswordSet: patch.provisioningPassword !== null } : {}),
      ...(typeof patch.gatewayUrl === 'string' ? { gatewayUrl: patch.gatewayUrl } : {}),
      ...(typeof patch.gatewayUser === 'string' ? { gatewayUser: patch.gatewayUser } : {}),
      ...('gatewayPassword' in patch ? { gatewayPasswordSet: patch.gatewayPassword !== null } : {}),
    };
    return Promise.resolve(ok(settings));
  });
  return fake;
}

async function openCloud(fake: ReturnType<typeof createFakeApi>) {
  render(<App api={fake.api} />);
  fireEvent.click(screen.getByRole('button', { name: 'Cloud' }));
  return screen.findByTestId('cloud-screen');
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const pageHasText = (text: string) =>
  document.body.innerHTML.includes(text) || [...document.querySelectorAll('input')].some((el) => el.value.includes(text));

describe('Cloud screen', () => {
  it('saves the settings, empties the secret inputs and shows "set" instead of the values', async () => {
    const fake = fakeCloudCore();
    await openCloud(fake);
    await screen.findByTestId('cloud-api-url');
    fireEvent.change(input('cloud-api-url'), { target: { value: 'https://vxg.example' } });
    fireEvent.change(input('cloud-license-key'), { target: { value: LICENSE } });
    fireEvent.change(input('cloud-provisioning-user'), { target: { value: 'backend' } });
    fireEvent.change(input('cloud-provisioning-password'), { target: { value: PROVISIONING_PASSWORD } });
    expect(input('cloud-license-key').type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByTestId('cloud-save-status')).textContent).toBe('Saved.');
    expect(fake.calls.find((call) => call.command === 'cloud.settings.set')?.args).toEqual({
      apiUrl: 'https://vxg.example',
      provisioningUser: 'backend',
      licenseKey: LICENSE,
      provisioningPassword: PROVISIONING_PASSWORD,
    });
    expect(input('cloud-license-key').value).toBe('');
    expect(input('cloud-provisioning-password').value).toBe('');
    expect(screen.getByTestId('cloud-license-key-set').textContent).toBe('set');
    expect(screen.getByTestId('cloud-provisioning-password-set').textContent).toBe('set');
    expect(pageHasText(LICENSE)).toBe(false);
    expect(pageHasText(PROVISIONING_PASSWORD)).toBe(false);
  });

  it('saves the VXG gateway: address and user as typed, the password write-only', async () => {
    const fake = fakeCloudCore();
    await openCloud(fake);
    await screen.findByTestId('cloud-gateway-url');
    fireEvent.change(input('cloud-gateway-url'), { target: { value: 'gw.local' } });
    expect(screen.getByText(/gateway URL is not a URL/)).toBeTruthy();
    fireEvent.change(input('cloud-gateway-url'), { target: { value: 'http://192.168.1.2:8000' } });
    fireEvent.change(input('cloud-gateway-user'), { target: { value: 'admin' } });
    fireEvent.change(input('cloud-gateway-password'), { target: { value: 'Gw-pass-4471' } });
    expect(input('cloud-gateway-password').type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('cloud-save-status')).textContent).toBe('Saved.');
    expect(fake.calls.find((call) => call.command === 'cloud.settings.set')?.args).toEqual({
      gatewayUrl: 'http://192.168.1.2:8000',
      gatewayUser: 'admin',
      gatewayPassword: 'Gw-pass-4471',
    });
    expect(input('cloud-gateway-password').value).toBe('');
    expect(screen.getByTestId('cloud-gateway-password-set').textContent).toBe('set');
    expect(pageHasText('Gw-pass-4471')).toBe(false);
  });

  it('removes a stored secret with Remove (null in the patch)', async () => {
    const fake = fakeCloudCore(makeCloudSettings({ apiUrl: 'https://vxg.example', licenseKeySet: true }));
    await openCloud(fake);
    fireEvent.click(await screen.findByTestId('cloud-license-key-remove'));
    expect((await screen.findByTestId('cloud-save-status')).textContent).toBe('License key removed.');
    expect(fake.calls.find((call) => call.command === 'cloud.settings.set')?.args).toEqual({ licenseKey: null });
    expect(screen.queryByTestId('cloud-license-key-set')).toBeNull();
  });

  it('keeps a typed secret when the save fails, and says why', async () => {
    const fake = fakeCloudCore();
    fake.handle('cloud.settings.set', () => Promise.resolve(fail('unavailable', 'The OS keychain is locked; unlock it and save again.')));
    await openCloud(fake);
    fireEvent.change(await screen.findByTestId('cloud-license-key'), { target: { value: LICENSE } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('cloud-save-status')).textContent).toBe('The OS keychain is locked; unlock it and save again.');
    expect(input('cloud-license-key').value).toBe(LICENSE);
  });

  it('warns loudly when secrets cannot be persisted, and marks fields set by the environment', async () => {
    const fake = fakeCloudCore(
      makeCloudSettings({
        secrets: { persistent: false, warning: 'This system offers no encryption; secrets last until Camera Finder closes.' },
        fromEnvironment: ['apiUrl', 'licenseKeySet'],
        licenseKeySet: true,
      }),
    );
    await openCloud(fake);
    const warning = await screen.findByTestId('secrets-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toBe(
      'Secrets are not saved on this computer. This system offers no encryption; secrets last until Camera Finder closes.',
    );
    expect(screen.getByTestId('cloud-api-url-env').textContent).toContain('CAMERA_FINDER_CLOUD_API_URL');
    expect(screen.getByTestId('cloud-license-key-env').textContent).toContain('CAMERA_FINDER_LICENSE_KEY');
    expect((screen.getByTestId('cloud-license-key-remove') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('cloud-provisioning-user-env')).toBeNull();
  });

  it('"Test connection" shows one sentence per service', async () => {
    const fake = fakeCloudCore(makeCloudSettings({ apiUrl: 'https://vxg.example', licenseKeySet: true }));
    const answer = deferred<ReturnType<typeof ok>>();
    fake.handle('cloud.test', () => answer.promise);
    await openCloud(fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('button', { name: 'Testing…' })).toBeTruthy();
    await act(async () =>
      answer.resolve(
        ok({
          api: { ok: true, message: 'The admin API accepted the license key (12 channels).' },
          provisioning: { ok: false, message: 'The provisioning service refused the user name or password (HTTP 401).' },
        }),
      ),
    );
    expect(screen.getByTestId('test-api').textContent).toContain('Admin API: The admin API accepted the license key (12 channels).');
    expect(screen.getByTestId('test-api').dataset.ok).toBe('true');
    expect(screen.getByTestId('test-provisioning').textContent).toContain(
      'Provisioning service: The provisioning service refused the user name or password (HTTP 401).',
    );
    expect(screen.getByTestId('test-provisioning').dataset.ok).toBe('false');
  });

  it('shows the core’s sentence when the cloud capability is not there yet, and can try again', async () => {
    const fake = fakeCloudCore();
    fake.handle('cloud.settings.get', () => Promise.resolve(fail('unavailable', 'VXG Cloud support is not available in this build.')));
    await openCloud(fake);
    expect((await screen.findByTestId('cloud-load-error')).textContent).toContain('VXG Cloud support is not available in this build.');
    expect(screen.queryByTestId('error-banner')).toBeNull();
    fake.handle('cloud.settings.get', () => Promise.resolve(ok(makeCloudSettings())));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('cloud-api-url')).toBeTruthy();
  });
});

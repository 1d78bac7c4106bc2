// @vitest-environment jsdom
/** Moving a camera to a new account: each step explained before it runs, secrets sent once, each step's result after. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MoveResult } from '../../../../../shared/contract.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeCloudSettings, makeRegisterResult } from '../../../../support/cloud.js';
import { makeIdentifiedDevice } from '../../../../support/devices.js';
import { createFakeApi } from '../../../../support/fake-api.js';

afterEach(cleanup);

const lobby = makeIdentifiedDevice();
const gate = makeIdentifiedDevice({ id: 'mac:ac:cc:8e:00:00:02', mac: 'ac:cc:8e:00:00:02', ip: '198.18.0.9', name: 'Gate' });
const STICKER = 'st1cker "pw" <b>';
const OLD_PASSWORD = 'old-prov-9f2e';
const OLD_LICENSE = 'LK-old-7c1a';

const moved: MoveResult = {
  deviceId: lobby.id,
  ok: true,
  register: makeRegisterResult({ channelId: 202, expectedWait: null }),
  write: {
    deviceId: lobby.id,
    ok: true,
    status: 'written',
    failedStep: null,
    channelId: 202,
    writer: 'axis-vxg-agent',
    steps: [{ step: 'write', result: 'ok', message: 'Wrote the token of channel 202.' }],
    message: 'Channel 202’s token is on the camera and it is online.',
  },
  previousRecordDeleted: true,
  steps: [
    { step: 'delete-old-record', result: 'ok', message: 'Deleted 00408C123456 from the old provisioning service.' },
    { step: 'delete-old-channel', result: 'skipped', message: 'No old API URL and license key were given.' },
    { step: 'register', result: 'ok', message: 'Channel 202 created in the new account.' },
    { step: 'write-token', result: 'ok', message: 'The camera is online in the new account.' },
  ],
  message: 'The camera moved to channel 202 and is online in the new account.',
};

async function renderApp() {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: [lobby, gate] })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  fake.handle('cloud.settings.get', () => Promise.resolve(ok(makeCloudSettings({ apiUrl: 'https://vxg.example', licenseKeySet: true }))));
  render(<App api={fake.api} />);
  await screen.findAllByTestId('device-row');
  return fake;
}

const tick = (mac: string) => fireEvent.click(screen.getByRole('checkbox', { name: `Select ${mac}` }));
const moveCalls = (fake: ReturnType<typeof createFakeApi>) => fake.calls.filter((call) => call.command === 'cloud.move').map((c) => c.args);
const planned = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByTestId('move-plan-step')
    .map((li) => `${li.dataset.step}:${li.dataset.runs}`);
const secretsGone = () => {
  const html = document.body.innerHTML;
  const values = [...document.querySelectorAll('input')].map((input) => input.value);
  for (const secret of [STICKER, OLD_PASSWORD, OLD_LICENSE]) {
    expect(html.includes(secret), 'secret in the markup').toBe(false);
    expect(values.includes(secret), 'secret left in an input').toBe(false);
  }
};

describe('Move to new account', () => {
  it('is offered for exactly one ticked camera', async () => {
    await renderApp();
    const open = () => screen.getByTestId('move-open') as HTMLButtonElement;
    expect(open().disabled).toBe(true);
    tick(lobby.mac!);
    expect(open().disabled).toBe(false);
    tick(gate.mac!);
    expect(open().disabled).toBe(true);
  });

  it('explains each step before it runs, and the plan follows the choices', async () => {
    await renderApp();
    tick(lobby.mac!);
    fireEvent.click(screen.getByTestId('move-open'));
    const dialog = screen.getByRole('dialog', { name: `Move ${lobby.mac} (Lobby) to the new account` });
    expect(planned(dialog)).toEqual(['delete-old-record:false', 'register:true', 'write-token:true', 'delete-old-channel:false']);
    expect(within(dialog).getByTestId('move-plan').textContent).toContain('Skipped: the old account’s provisioning record stays');
    fireEvent.click(within(dialog).getByTestId('move-method-clear'));
    fireEvent.click(within(dialog).getByTestId('move-delete-old'));
    expect(planned(dialog)).toEqual(['delete-old-record:true', 'register:true', 'clear-token:true', 'delete-old-channel:true']);
    expect(within(dialog).getByTestId('move-plan').textContent).toContain('every minute for 5 minutes, then hourly');
  });

  it('sends the sticker and old-account secrets once from password inputs, then shows each step’s result', async () => {
    const fake = await renderApp();
    fake.handle('cloud.move', () => Promise.resolve(ok(moved)));
    tick(lobby.mac!);
    fireEvent.click(screen.getByTestId('move-open'));
    const dialog = screen.getByRole('dialog');
    for (const id of ['move-password', 'move-old-provisioningPassword', 'move-old-licenseKey']) {
      expect((within(dialog).getByTestId(id) as HTMLInputElement).type).toBe('password');
    }
    fireEvent.change(within(dialog).getByTestId('move-password'), { target: { value: STICKER } });
    fireEvent.click(within(dialog).getByTestId('move-delete-old'));
    fireEvent.change(within(dialog).getByTestId('move-old-provisioningUser'), { target: { value: ' old-backend ' } });
    fireEvent.change(within(dialog).getByTestId('move-old-provisioningPassword'), { target: { value: OLD_PASSWORD } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('move-submit')));

    expect(moveCalls(fake)).toEqual([
      {
        deviceId: lobby.id,
        password: STICKER,
        method: 'write-token',
        previous: { provisioningUser: 'old-backend', provisioningPassword: OLD_PASSWORD },
      },
    ]);
    secretsGone();
    expect(within(dialog).getByTestId('move-message').textContent).toBe(moved.message);
    expect(
      within(dialog)
        .getAllByTestId('move-step')
        .map((li) => `${li.dataset.step}:${li.dataset.result}`),
    ).toEqual(['delete-old-record:ok', 'delete-old-channel:skipped', 'register:ok', 'write-token:ok']);
    expect(within(dialog).getByTestId('move-old-record').textContent).toBe('The old provisioning record is gone.');
    expect(within(dialog).getByTestId('move-channel').textContent).toBe('New channel 202');
    expect(within(dialog).getByTestId('token-result').dataset.status).toBe('written');
    expect(within(dialog).getByTestId('token-result').textContent).toContain(`${lobby.mac} (Lobby)`);
  });

  it('refuses half the old channel’s credentials, and a missing sticker password, without calling the core', async () => {
    const fake = await renderApp();
    tick(lobby.mac!);
    fireEvent.click(screen.getByTestId('move-open'));
    const dialog = screen.getByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByTestId('move-submit')));
    expect(within(dialog).getByTestId('move-problem').textContent).toBe('Enter the password printed on the camera’s sticker.');
    fireEvent.change(within(dialog).getByTestId('move-password'), { target: { value: STICKER } });
    fireEvent.click(within(dialog).getByTestId('move-delete-old'));
    fireEvent.change(within(dialog).getByTestId('move-old-provisioningUser'), { target: { value: 'old' } });
    fireEvent.change(within(dialog).getByTestId('move-old-provisioningPassword'), { target: { value: OLD_PASSWORD } });
    fireEvent.change(within(dialog).getByTestId('move-old-apiUrl'), { target: { value: 'https://old.example' } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('move-submit')));
    expect(within(dialog).getByTestId('move-problem').textContent).toContain('both the old API URL and the old license key');
    expect(moveCalls(fake)).toEqual([]);
  });

  it('shows a failed step and the core’s sentence as text; a refused call empties the secrets', async () => {
    const fake = await renderApp();
    const hostile = '<script>alert(1)</script> refused';
    fake.handle('cloud.move', () =>
      Promise.resolve(
        ok({
          ...moved,
          ok: false,
          write: null,
          previousRecordDeleted: null,
          steps: [
            { step: 'register', result: 'failed', message: hostile },
            { step: 'clear-token', result: 'skipped', message: 'Not run: registration failed.' },
          ],
          message: 'Nothing changed on the camera.',
        }),
      ),
    );
    fireEvent.click(screen.getAllByTestId('device-row').find((row) => row.dataset.deviceId === lobby.id)!);
    fireEvent.click(screen.getByTestId('detail-move'));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('move-method-clear'));
    fireEvent.change(within(dialog).getByTestId('move-password'), { target: { value: STICKER } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('move-submit')));
    expect((moveCalls(fake)[0] as { method: string }).method).toBe('clear-token');
    const failed = within(dialog).getAllByTestId('move-step')[0]!;
    expect(failed.dataset.result).toBe('failed');
    expect(failed.textContent).toContain(hostile);
    expect(dialog.querySelector('script')).toBeNull();
    expect(within(dialog).queryByTestId('move-old-record')).toBeNull();
    secretsGone();
  });

  it('keeps the form and shows the core’s sentence when the whole call is refused', async () => {
    const fake = await renderApp();
    fake.handle('cloud.move', () => Promise.resolve(fail('unavailable', 'Moving cameras is not available yet.')));
    tick(lobby.mac!);
    fireEvent.click(screen.getByTestId('move-open'));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('move-password'), { target: { value: STICKER } });
    await act(async () => fireEvent.click(within(dialog).getByTestId('move-submit')));
    expect(within(dialog).getByTestId('move-problem').textContent).toBe('Moving cameras is not available yet.');
    expect((within(dialog).getByTestId('move-password') as HTMLInputElement).value).toBe('');
    secretsGone();
  });
});

// @vitest-environment jsdom
/** Registering ticked cameras from the device table: the passwords sent are exactly those typed, results are plain. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudSettings, RegisterResult } from '../../../../../shared/contract.js';
import type { Device } from '../../../../../shared/device.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeCloudSettings, makeRegisterResult } from '../../../../support/cloud.js';
import { makeDevice } from '../../../../support/devices.js';
import { createFakeApi } from '../../../../support/fake-api.js';

afterEach(cleanup);

const lobby = makeDevice();
const gate = makeDevice({ id: 'mac:ac:cc:8e:00:00:02', mac: 'ac:cc:8e:00:00:02', ip: '198.18.0.9', name: 'Gate', model: 'M3106' });
const READY = makeCloudSettings({ apiUrl: 'https://vxg.example', licenseKeySet: true });

async function renderTable(settings: CloudSettings = READY, devices: Device[] = [lobby, gate]) {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  fake.handle('cloud.settings.get', () => Promise.resolve(ok(settings)));
  render(<App api={fake.api} />);
  await screen.findAllByTestId('device-row');
  return fake;
}

const registerButton = () => screen.getByRole('button', { name: 'Register with VXG Cloud…' }) as HTMLButtonElement;
const tick = (mac: string) => fireEvent.click(screen.getByRole('checkbox', { name: `Select ${mac}` }));
const registerCalls = (fake: ReturnType<typeof createFakeApi>) => fake.calls.filter((call) => call.command === 'cloud.register');

describe('Register with VXG Cloud', () => {
  it('ticking a row does not open its details; select-all ticks every shown camera', async () => {
    await renderTable();
    tick(lobby.mac!);
    expect(screen.queryByTestId('detail-panel')).toBeNull();
    expect(screen.getByTestId('selected-count').textContent).toContain('1 selected');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown cameras' }));
    expect(screen.getByTestId('selected-count').textContent).toContain('2 selected');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown cameras' }));
    expect(screen.queryByTestId('selected-count')).toBeNull();
  });

  it('is disabled, with the reason, until the cloud is configured', async () => {
    await renderTable(makeCloudSettings());
    tick(lobby.mac!);
    expect(registerButton().disabled).toBe(true);
    expect(screen.getByTestId('register-hint').textContent).toBe('Enter the admin API URL and the license key on the Cloud screen first.');
  });

  it('is disabled with the core’s sentence while the cloud capability is unavailable', async () => {
    const fake = createFakeApi();
    fake.handle('devices.list', () => Promise.resolve(ok({ devices: [lobby] })));
    fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
    fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
    render(<App api={fake.api} />);
    await screen.findAllByTestId('device-row');
    tick(lobby.mac!);
    expect(registerButton().disabled).toBe(true);
    expect(screen.getByTestId('register-hint').textContent).toBe('Cloud settings could not be loaded: cloud.settings.get is not faked.');
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('sends exactly the passwords typed per camera, then shows each result and drops the passwords', async () => {
    const fake = await renderTable();
    fake.handle('cloud.register', () =>
      Promise.resolve(
        ok({
          results: [
            makeRegisterResult(),
            makeRegisterResult({
              deviceId: gate.id,
              cameraId: 'ACCC8E000002',
              status: 'already-registered',
              channelCreated: false,
              message: 'ACCC8E000002 is already registered with channel 7; nothing changed.',
              expectedWait: null,
            }),
          ] satisfies RegisterResult[],
        }),
      ),
    );
    tick(lobby.mac!);
    tick(gate.mac!);
    fireEvent.click(registerButton());
    const dialog = screen.getByRole('dialog', { name: 'Register 2 cameras with VXG Cloud' });
    expect(
      within(dialog)
        .getAllByTestId('register-camera-id')
        .map((cell) => cell.textContent),
    ).toEqual(['00408C123456', 'ACCC8E000002']);
    fireEvent.change(within(dialog).getByLabelText(`Password for ${lobby.mac}`), { target: { value: ' first pass ' } });
    fireEvent.change(within(dialog).getByLabelText(`Password for ${gate.mac}`), { target: { value: 'second' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Register' })));

    expect(registerCalls(fake).map((call) => call.args)).toEqual([
      {
        cameras: [
          { deviceId: lobby.id, mac: lobby.mac, name: 'Lobby', password: ' first pass ' },
          { deviceId: gate.id, mac: gate.mac, name: 'Gate', password: 'second' },
        ],
      },
    ]);
    expect(within(dialog).getByTestId('register-summary').textContent).toBe('2 cameras: 1 registered · 1 already registered');
    const [first, second] = within(dialog).getAllByTestId('register-result');
    expect(first?.textContent).toContain('Registered');
    expect(first?.textContent).toContain('The camera asks again within a minute.');
    expect(second?.textContent).toContain('Already registered — nothing changed');
    expect([...document.querySelectorAll('input')].some((el) => el.value === 'second' || el.value === ' first pass ')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('with "same password for all", sends that one password for every camera', async () => {
    const fake = await renderTable();
    fake.handle('cloud.register', () => Promise.resolve(ok({ results: [makeRegisterResult()] })));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown cameras' }));
    fireEvent.click(registerButton());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Same password for all' }));
    fireEvent.change(screen.getByLabelText('Password for all 2 cameras'), { target: { value: 'sticker' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register' })));
    const args = registerCalls(fake)[0]?.args as { cameras: { password: string }[] };
    expect(args.cameras.map((camera) => camera.password)).toEqual(['sticker', 'sticker']);
  });

  it('will not send a camera without its password', async () => {
    const fake = await renderTable();
    tick(lobby.mac!);
    fireEvent.click(registerButton());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register' })));
    expect(screen.getByTestId('register-problem').textContent).toBe(`Enter the sticker password for ${lobby.mac}.`);
    expect(registerCalls(fake)).toHaveLength(0);
  });

  it('shows a failed camera’s sentence and that its channel was rolled back', async () => {
    const fake = await renderTable();
    fake.handle('cloud.register', () =>
      Promise.resolve(
        ok({
          results: [
            makeRegisterResult({
              ok: false,
              status: 'failed',
              channelId: 101,
              rolledBack: true,
              expectedWait: null,
              message: 'The provisioning service answered HTTP 500; nothing was registered. Try again in a minute.',
            }),
          ],
        }),
      ),
    );
    tick(lobby.mac!);
    fireEvent.click(registerButton());
    fireEvent.change(screen.getByLabelText(`Password for ${lobby.mac}`), { target: { value: 'pw' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register' })));
    const result = screen.getByTestId('register-result');
    expect(result.dataset.status).toBe('failed');
    expect(result.textContent).toContain('The provisioning service answered HTTP 500; nothing was registered. Try again in a minute.');
    expect(result.textContent).toContain('rolled back');
  });

  it('shows the core’s sentence when the whole call is refused, and empties the password', async () => {
    const fake = await renderTable();
    fake.handle('cloud.register', () => Promise.resolve(fail('unavailable', 'VXG Cloud support is not available in this build.')));
    tick(lobby.mac!);
    fireEvent.click(registerButton());
    fireEvent.change(screen.getByLabelText(`Password for ${lobby.mac}`), { target: { value: 'pw' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register' })));
    expect(screen.getByTestId('register-problem').textContent).toBe('VXG Cloud support is not available in this build.');
    expect((screen.getByLabelText(`Password for ${lobby.mac}`) as HTMLInputElement).value).toBe('');
  });
});

// @vitest-environment jsdom
/** Writing and rotating tokens from the Devices screen: what is sent, client-side token checks, per-step results. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudInfo } from '../../../../../shared/device.js';
import type { TokenWriteResult } from '../../../../../shared/contract.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeCloudSettings } from '../../../../support/cloud.js';
import { makeIdentifiedDevice } from '../../../../support/devices.js';
import { createFakeApi, deferred } from '../../../../support/fake-api.js';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';
const lobby = makeIdentifiedDevice();
const gate = makeIdentifiedDevice({ id: 'mac:ac:cc:8e:00:00:02', mac: 'ac:cc:8e:00:00:02', ip: '198.18.0.9', name: 'Gate' });
const b64 = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify(fields), 'utf8').toString('base64');
const INNER = 'inner-secret-4f1c';
const ALL_TOKEN = b64({ camid: 77, access: 'all', token: INNER, api: 'cloud.example.test' });
const WATCH_TOKEN = b64({ camid: 77, access: 'watch', token: INNER, api: 'cloud.example.test' });

const written = (overrides: Partial<TokenWriteResult> = {}): TokenWriteResult => ({
  deviceId: lobby.id,
  ok: true,
  status: 'written',
  failedStep: null,
  channelId: 101,
  writer: 'axis-vxg-agent',
  steps: [
    { step: 'check', result: 'info', message: 'Created channel 101 for camera 00408C123456.' },
    { step: 'check', result: 'ok', message: 'VXGCloudAgent is installed and running.' },
    { step: 'read', result: 'ok', message: 'Read the current token (channel 55).' },
    { step: 'write', result: 'ok', message: 'Wrote the token of channel 101.' },
    { step: 'read-back', result: 'ok', message: 'Read back the same token.' },
    { step: 'restart', result: 'ok', message: 'Restarted VXGCloudAgent.' },
    { step: 'confirm', result: 'ok', message: 'Channel 101 is online.' },
  ],
  message: 'Channel 101’s token is on the camera and it is online.',
  ...overrides,
});

const rolledBack = written({
  deviceId: gate.id,
  ok: false,
  status: 'rolled-back',
  failedStep: 'read-back',
  steps: [
    { step: 'check', result: 'ok', message: 'VXGCloudAgent is installed and running.' },
    { step: 'write', result: 'ok', message: 'Wrote the token of channel 101.' },
    { step: 'read-back', result: 'failed', message: `The camera answered ${HOSTILE}.` },
    { step: 'rollback', result: 'ok', message: 'Wrote the old token back.' },
  ],
  message: 'The token read back differs; the old token was written back and the camera is still online with it.',
});

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

const rowOf = (id: string) => screen.getAllByTestId('device-row').find((row) => row.dataset.deviceId === id)!;
const tick = (mac: string) => fireEvent.click(screen.getByRole('checkbox', { name: `Select ${mac}` }));
const writeCalls = (fake: ReturnType<typeof createFakeApi>) =>
  fake.calls.filter((call) => call.command === 'token.write').map((c) => c.args);
const submit = (dialog: HTMLElement) => act(async () => fireEvent.click(within(dialog).getByTestId('token-submit')));

describe('Write token', () => {
  it('is disabled until a camera is ticked', async () => {
    await renderApp();
    expect((screen.getByTestId('token-write-open') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('token-rotate-open') as HTMLButtonElement).disabled).toBe(true);
    tick(lobby.mac!);
    expect(screen.getByTestId('token-write-open').textContent).toBe('Write token to 1 camera…');
  });

  it('writes each ticked camera’s own channel token by default, then shows every step and the failed one', async () => {
    const fake = await renderApp();
    fake.handle('token.write', () => Promise.resolve(ok({ results: [written(), rolledBack] })));
    tick(lobby.mac!);
    tick(gate.mac!);
    fireEvent.click(screen.getByTestId('token-write-open'));
    const dialog = screen.getByRole('dialog', { name: 'Write token to 2 cameras' });
    expect((within(dialog).getByTestId('token-source-own') as HTMLInputElement).checked).toBe(true);
    // another channel's or a pasted token belongs to one camera
    expect((within(dialog).getByTestId('token-source-channel') as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByTestId('token-source-token') as HTMLInputElement).disabled).toBe(true);
    await submit(dialog);

    expect(writeCalls(fake)).toEqual([{ cameras: [{ deviceId: lobby.id }, { deviceId: gate.id }] }]);
    expect(within(dialog).getByTestId('token-summary-line').textContent).toBe('2 cameras: 1 written · 1 rolled back');
    const [first, second] = within(dialog).getAllByTestId('token-result');
    expect(first!.dataset.status).toBe('written');
    expect(within(first!).getByTestId('token-result-channel').textContent).toBe(' channel 101');
    expect(
      within(first!)
        .getAllByTestId('token-step')
        .map((s) => `${s.dataset.step}:${s.dataset.result}`),
    ).toEqual(['check:info', 'check:ok', 'read:ok', 'write:ok', 'read-back:ok', 'restart:ok', 'confirm:ok']);
    const [note, check] = within(first!).getAllByTestId('token-step');
    expect(note!.textContent).toBe('· Created channel 101 for camera 00408C123456.');
    expect(check!.textContent).toBe('✓ Check the agent: ok — VXGCloudAgent is installed and running.');
    expect(second!.dataset.failedStep).toBe('read-back');
    expect(within(second!).getByTestId('token-result-label').textContent).toBe(
      'Rolled back — the old token is back on the camera (failed at: read it back)',
    );
    const failedStep = within(second!)
      .getAllByTestId('token-step')
      .find((s) => s.dataset.result === 'failed')!;
    expect(failedStep.textContent).toContain(`The camera answered ${HOSTILE}.`);
    expect(second!.querySelector('img')).toBeNull(); // the camera's text stays text
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('writes another channel’s token to one camera, refusing a channel id that is not a whole number', async () => {
    const fake = await renderApp();
    fake.handle('token.write', () => Promise.resolve(ok({ results: [written({ channelId: 77 })] })));
    tick(lobby.mac!);
    fireEvent.click(screen.getByTestId('token-write-open'));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('token-source-channel'));
    fireEvent.change(within(dialog).getByTestId('token-channel-id'), { target: { value: '7.5' } });
    await submit(dialog);
    expect(within(dialog).getByTestId('token-problem').textContent).toBe(
      'Enter the channel id as a whole number, as the VXG dashboard shows it.',
    );
    expect(writeCalls(fake)).toEqual([]);
    fireEvent.change(within(dialog).getByTestId('token-channel-id'), { target: { value: ' 77 ' } });
    await submit(dialog);
    expect(writeCalls(fake)).toEqual([{ cameras: [{ deviceId: lobby.id, channelId: 77 }] }]);
  });

  it('checks a pasted token with the codec before sending: a watch token and a cut-off one get a sentence, not a call', async () => {
    const fake = await renderApp();
    fake.handle('token.write', () => Promise.resolve(ok({ results: [written({ channelId: 77 })] })));
    tick(lobby.mac!);
    fireEvent.click(screen.getByTestId('token-write-open'));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('token-source-token'));
    const paste = within(dialog).getByTestId('token-paste') as HTMLInputElement;
    expect(paste.type).toBe('password');

    fireEvent.change(paste, { target: { value: WATCH_TOKEN } });
    fireEvent.blur(paste);
    expect(within(dialog).getByTestId('token-problem').textContent).toContain('view-only ("watch") token');
    await submit(dialog);
    expect(writeCalls(fake)).toEqual([]);

    fireEvent.change(paste, { target: { value: ALL_TOKEN.slice(0, 40) } });
    await submit(dialog);
    expect(within(dialog).getByTestId('token-problem').textContent).toMatch(/cut off|not base64|damaged/);
    expect(within(dialog).getByTestId('token-problem').textContent).not.toContain(ALL_TOKEN.slice(0, 40));
    expect(writeCalls(fake)).toEqual([]);

    fireEvent.change(paste, { target: { value: `  ${ALL_TOKEN}\n` } });
    await submit(dialog);
    expect(writeCalls(fake)).toEqual([{ cameras: [{ deviceId: lobby.id, token: ALL_TOKEN }] }]);
    // sent once, then gone from the page
    expect(document.body.innerHTML).not.toContain(ALL_TOKEN);
    expect(document.body.innerHTML).not.toContain(INNER);
    expect([...document.querySelectorAll('input')].some((input) => input.value.includes(ALL_TOKEN))).toBe(false);
  });

  it('empties the pasted token even when the core refuses the whole call, and shows its sentence', async () => {
    const fake = await renderApp();
    fake.handle('token.write', () => Promise.resolve(fail('unavailable', 'Writing tokens is not available yet.')));
    tick(lobby.mac!);
    fireEvent.click(screen.getByTestId('token-write-open'));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('token-source-token'));
    fireEvent.change(within(dialog).getByTestId('token-paste'), { target: { value: ALL_TOKEN } });
    await submit(dialog);
    expect(within(dialog).getByTestId('token-problem').textContent).toBe('Writing tokens is not available yet.');
    expect((within(dialog).getByTestId('token-paste') as HTMLInputElement).value).toBe('');
  });

  it('opens for one camera from its details panel', async () => {
    const fake = await renderApp();
    fake.handle('token.write', () => Promise.resolve(ok({ results: [written({ deviceId: gate.id })] })));
    fireEvent.click(rowOf(gate.id));
    fireEvent.click(screen.getByTestId('detail-write-token'));
    const dialog = screen.getByRole('dialog', { name: 'Write token to 1 camera' });
    expect(
      within(dialog)
        .getAllByTestId('token-camera')
        .map((li) => li.textContent),
    ).toEqual([`${gate.mac} (Gate)`]);
    await submit(dialog);
    expect(writeCalls(fake)).toEqual([{ cameras: [{ deviceId: gate.id }] }]);
  });
});

describe('Rotate tokens', () => {
  it('explains the steps, sends rotate for every ticked camera and keeps the dialog busy until the answer', async () => {
    const fake = await renderApp();
    const answer = deferred<ReturnType<typeof ok<{ results: TokenWriteResult[] }>>>();
    fake.handle('token.write', () => answer.promise);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown cameras' }));
    fireEvent.click(screen.getByTestId('token-rotate-open'));
    const dialog = screen.getByRole('dialog', { name: 'Rotate tokens on 2 cameras' });
    expect(within(dialog).getByTestId('rotate-explain').textContent).toContain('writes the old token back');
    await submit(dialog);
    expect(within(dialog).getByTestId('token-submit').textContent).toBe('Writing…');
    expect(writeCalls(fake)).toEqual([{ cameras: [{ deviceId: lobby.id }, { deviceId: gate.id }], rotate: true }]);
    await act(async () => answer.resolve(ok({ results: [written(), written({ deviceId: gate.id, channelId: 102 })] })));
    expect(within(dialog).getByTestId('token-summary-line').textContent).toBe('2 cameras: 2 written');
  });
});

describe('Cloud badge after a write', () => {
  it('follows device-updated events to token delivered, then online with the new channel', async () => {
    const fake = await renderApp();
    const row = () => rowOf(lobby.id);
    const update = async (cloud: CloudInfo) =>
      act(async () => {
        fake.emit('device-updated', { device: { ...lobby, cloud } });
        await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      });
    await update({ state: 'token-delivered', channelId: 101, cameraId: '00408C123456', since: null, message: null });
    expect(within(row()).getByTestId('cell-cloud').textContent).toBe('Token delivered');
    await update({ state: 'online', channelId: 101, cameraId: '00408C123456', since: null, message: null });
    const badge = within(row()).getByTestId('cloud-badge');
    expect(badge.textContent).toBe('Online');
    expect(badge.dataset.channel).toBe('101');
  });
});

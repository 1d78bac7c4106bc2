// @vitest-environment jsdom
/** The Cloud column and the detail panel follow the device's cloud state live, with the expected wait. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudInfo } from '../../../../../shared/device.js';
import { ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeCloudSettings, makeRegisterResult } from '../../../../support/cloud.js';
import { makeDevice } from '../../../../support/devices.js';
import { createFakeApi } from '../../../../support/fake-api.js';

afterEach(cleanup);

const cloud = (overrides: Partial<CloudInfo>): CloudInfo => ({
  state: 'unknown',
  channelId: null,
  cameraId: null,
  since: null,
  message: null,
  ...overrides,
});
const lobby = makeDevice();

async function renderApp() {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: [lobby] })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  fake.handle('cloud.settings.get', () => Promise.resolve(ok(makeCloudSettings({ apiUrl: 'https://vxg.example', licenseKeySet: true }))));
  render(<App api={fake.api} />);
  await screen.findAllByTestId('device-row');
  return fake;
}

/** device-updated events reach the table through requestAnimationFrame. */
async function update(fake: ReturnType<typeof createFakeApi>, info: CloudInfo) {
  await act(async () => {
    fake.emit('device-updated', { device: { ...lobby, cloud: info } });
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  });
}

const badgeText = () => screen.getByTestId('cell-cloud').textContent;

describe('Cloud column', () => {
  it('goes from not registered to waiting (with the expected wait) to token delivered to online, live', async () => {
    const fake = await renderApp();
    expect(badgeText()).toBe('Not registered');

    fake.handle('cloud.register', () => Promise.resolve(ok({ results: [makeRegisterResult()] })));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${lobby.mac}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Register with VXG Cloud…' }));
    fireEvent.change(screen.getByLabelText(`Password for ${lobby.mac}`), { target: { value: 'pw' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register' })));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));

    await update(fake, cloud({ state: 'polling', channelId: 101, cameraId: '00408C123456', since: '2026-11-26T04:00:00.000Z' }));
    expect(badgeText()).toBe('Waiting for camera asks within a minute');
    await update(fake, cloud({ state: 'token-delivered', channelId: 101, cameraId: '00408C123456' }));
    expect(badgeText()).toBe('Token delivered');
    await update(fake, cloud({ state: 'online', channelId: 101, cameraId: '00408C123456' }));
    expect(badgeText()).toBe('Online');
    expect(screen.getByTestId('cloud-badge').dataset.state).toBe('online');
  });

  it('shows the longer wait for a camera in its hourly phase', async () => {
    const fake = await renderApp();
    const hourly = { phase: 'hourly' as const, withinMs: 3_600_000, sentence: 'The camera asks again within the hour.' };
    fake.handle('cloud.register', () => Promise.resolve(ok({ results: [makeRegisterResult({ expectedWait: hourly })] })));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${lobby.mac}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Register with VXG Cloud…' }));
    fireEvent.change(screen.getByLabelText(`Password for ${lobby.mac}`), { target: { value: 'pw' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register' })));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await update(fake, cloud({ state: 'polling', channelId: 101, cameraId: '00408C123456' }));
    expect(badgeText()).toBe('Waiting for camera asks within the hour');
    fireEvent.click(screen.getByTestId('device-row'));
    expect(screen.getByTestId('cloud-expected').textContent).toBe('The camera asks again within the hour.');
  });

  it('detail panel shows channel, camera ID, since and the message as text', async () => {
    const fake = await renderApp();
    const hostile = '<img src=x onerror=alert(1)> refused';
    await update(
      fake,
      cloud({ state: 'failed', channelId: 7, cameraId: '00408C123456', since: '2026-11-26T04:00:00.000Z', message: hostile }),
    );
    expect(badgeText()).toBe('Failed');
    fireEvent.click(screen.getByTestId('device-row'));
    expect(screen.getByTestId('cloud-channel').textContent).toBe('7');
    expect(screen.getByTestId('cloud-camera-id').textContent).toBe('00408C123456');
    expect(screen.getByTestId('cloud-since').textContent).toMatch(/^2026-11-2\d \d\d:\d\d:\d\d$/);
    expect(screen.getByTestId('cloud-message').textContent).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });
});

// @vitest-environment jsdom
/** Identify on the Devices screen: ticked rows or all, per-camera results in the core's sentences. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentifyResult } from '../../../../../shared/contract.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeDevice, makeIdentifyResult } from '../../../../support/devices.js';
import { createFakeApi, deferred } from '../../../../support/fake-api.js';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';
const cams = ['10', '11', '12', '13'].map((n) =>
  makeDevice({ id: `mac:00:40:8c:00:00:${n}`, mac: `00:40:8c:00:00:${n}`, ip: `198.18.0.${n}`, name: `Cam ${n}` }),
);

async function renderApp() {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: cams })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  render(<App api={fake.api} />);
  await screen.findAllByTestId('device-row');
  return fake;
}

const results: IdentifyResult[] = [
  makeIdentifyResult({ deviceId: cams[0]!.id, status: 'authenticated', set: 'Axis', message: 'Logged in with the set "Axis".' }),
  makeIdentifyResult({ deviceId: cams[1]!.id, status: 'refused', set: null, message: 'Every set was refused; add this camera’s own set.' }),
  makeIdentifyResult({ deviceId: cams[2]!.id, status: 'locked', set: 'Site', message: 'The camera locked logins; wait 30 minutes.' }),
  makeIdentifyResult({ deviceId: cams[3]!.id, status: 'unreachable', set: null, message: HOSTILE }),
];

describe('Identify', () => {
  it('identifies the ticked rows only and lists each camera’s outcome with its sentence', async () => {
    const fake = await renderApp();
    expect((screen.getByTestId('identify-selected') as HTMLButtonElement).disabled).toBe(true);
    const rows = screen.getAllByTestId('device-row');
    fireEvent.click(within(rows[0]!).getByTestId('row-check'));
    fireEvent.click(within(rows[1]!).getByTestId('row-check'));
    const answer = deferred<ReturnType<typeof ok>>();
    fake.handle('identify.run', () => answer.promise);
    fireEvent.click(screen.getByTestId('identify-selected'));

    expect(screen.getByTestId('identify-running').textContent).toMatch(/Logging in/);
    expect((screen.getByTestId('identify-all') as HTMLButtonElement).disabled).toBe(true);
    const args = fake.calls.find((call) => call.command === 'identify.run')?.args as { deviceIds: string[] };
    expect([...args.deviceIds].sort()).toEqual([cams[0]!.id, cams[1]!.id]);

    answer.resolve(ok({ results }));
    const items = await screen.findAllByTestId('identify-result');
    expect(items.map((item) => item.getAttribute('data-status'))).toEqual(['authenticated', 'refused', 'locked', 'unreachable']);
    expect(screen.getAllByTestId('identify-result-label').map((el) => el.textContent)).toEqual([
      'Authenticated with set Axis',
      'Refused',
      'Locked',
      'Unreachable',
    ]);
    expect(items[0]!.textContent).toContain('00:40:8c:00:00:10');
    expect(items[2]!.textContent).toContain('The camera locked logins; wait 30 minutes.');
    expect(screen.getByTestId('identify-summary').textContent).toBe('4 cameras: 1 authenticated, 1 refused, 1 locked, 1 unreachable');
    // A hostile sentence from the core stays text.
    expect(items[3]!.textContent).toContain(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.queryByTestId('identify-running')).toBeNull();

    fireEvent.click(screen.getByTestId('identify-close'));
    expect(screen.queryByTestId('identify-results')).toBeNull();
  });

  it('Identify all sends no device list (every camera in the inventory)', async () => {
    const fake = await renderApp();
    fake.handle('identify.run', () => Promise.resolve(ok({ results: [] })));
    fireEvent.click(screen.getByTestId('identify-all'));
    expect((await screen.findByTestId('identify-summary')).textContent).toBe('No camera to identify.');
    expect(fake.calls.find((call) => call.command === 'identify.run')?.args).toEqual({});
  });

  it("says the core's sentence when Identify is not available yet, without the error banner", async () => {
    const fake = await renderApp();
    fake.handle('identify.run', () => Promise.resolve(fail('unavailable', 'Identify is not available in this build yet.')));
    fireEvent.click(screen.getByTestId('identify-all'));
    const error = await screen.findByTestId('identify-error');
    expect(error.textContent).toBe('Identify did not run: Identify is not available in this build yet.');
    expect(screen.queryByTestId('error-banner')).toBeNull();
    expect((screen.getByTestId('identify-all') as HTMLButtonElement).disabled).toBe(false);
  });
});

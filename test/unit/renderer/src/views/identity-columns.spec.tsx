// @vitest-environment jsdom
/** Identity in the table and the detail panel: serial, firmware, auth and agent; MAC origin; the conflict note. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../../shared/result.js';
import type { Device } from '../../../../../shared/device.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { DetailPanel } from '../../../../../renderer/src/views/detail-panel.js';
import { makeDevice, makeIdentifiedDevice } from '../../../../support/devices.js';
import { createFakeApi } from '../../../../support/fake-api.js';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';
const SERIAL_18 = '000000012345678901';

const authenticated = makeIdentifiedDevice();
const refused = makeDevice({
  id: 'mac:00:40:8c:00:00:02',
  mac: '00:40:8c:00:00:02',
  ip: '198.18.0.11',
  serial: null,
  auth: { status: 'refused', set: null, message: 'Every set was refused.', at: '2026-11-26T05:00:00.000Z' },
  cloudAgent: { installed: 'absent', token: 'unknown' },
});
const locked = makeDevice({
  id: 'mac:00:40:8c:00:00:03',
  mac: '00:40:8c:00:00:03',
  ip: '198.18.0.12',
  auth: { status: 'locked', set: 'Site', message: 'Locked; wait.', at: '2026-11-26T05:00:00.000Z' },
  cloudAgent: { installed: 'running', token: 'no-token' },
});
const unreachable = makeDevice({
  id: 'mac:00:40:8c:00:00:04',
  mac: '00:40:8c:00:00:04',
  ip: '198.18.0.13',
  auth: { status: 'unreachable', set: null, message: 'No answer.', at: '2026-11-26T05:00:00.000Z' },
});
const notTried = makeDevice({
  id: 'mac:00:40:8c:00:00:05',
  mac: '00:40:8c:00:00:05',
  ip: '198.18.0.14',
  auth: { status: 'not-tried', set: null, message: 'Budget used.', at: '2026-11-26T05:00:00.000Z' },
});
const never = makeDevice({ id: 'mac:00:40:8c:00:00:06', mac: '00:40:8c:00:00:06', ip: '198.18.0.15' });
const hostile = makeIdentifiedDevice({
  id: 'mac:00:40:8c:00:00:07',
  mac: '00:40:8c:00:00:07',
  ip: '198.18.0.16',
  serial: HOSTILE,
  firmware: HOSTILE,
});

async function renderApp(devices: Device[]) {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  render(<App api={fake.api} />);
  await screen.findAllByTestId('device-row');
}

const column = (testId: string) => screen.getAllByTestId(testId).map((cell) => cell.textContent);

describe('Identity columns', () => {
  it('shows serial (exactly as sent), firmware and an auth badge per camera; the agent column starts hidden', async () => {
    await renderApp([authenticated, refused, locked, unreachable, notTried, never]);
    expect(screen.getByRole('columnheader', { name: 'Serial' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Firmware' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Auth' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Cloud agent' })).toBeNull();
    // Auth sits beside the address so it stays in view with the detail panel open; serial/firmware after the model.
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent?.replace(/[↕▲▼\s]+$/u, ''));
    expect(headers.slice(1)).toEqual(['MAC', 'IP', 'Sources', 'Auth', 'Cloud', 'Vendor', 'Model', 'Serial', 'Firmware', 'Name']);
    expect(column('cell-serial')[0]).toBe(SERIAL_18);
    expect(column('cell-firmware')[0]).toBe('11.8.64');
    expect(column('cell-auth')).toEqual(['Authenticated (Site default)', 'Refused', 'Locked', 'Unreachable', 'Not tried', '—']);
    expect(screen.getAllByTestId('auth-badge')[1]!.getAttribute('title')).toBe('Every set was refused.');
  });

  it('switches columns on and off with the picker (agent: running · has token / no token / not installed / —)', async () => {
    await renderApp([authenticated, refused, locked, never]);
    // Source badges show by default (issue #10); the picker hides them.
    expect(column('cell-sources')).toEqual(['WSD', 'WSD', 'WSD', 'WSD']);
    fireEvent.click(screen.getByTestId('column-sources'));
    expect(screen.queryByTestId('cell-sources')).toBeNull();
    fireEvent.click(screen.getByTestId('column-agent'));
    expect(column('cell-agent')).toEqual(['Agent running · has token', 'not installed', 'Agent running · no token', '—']);
    fireEvent.click(screen.getByTestId('column-sources'));
    fireEvent.click(screen.getByTestId('column-lastSeen'));
    expect(column('cell-sources')).toEqual(['WSD', 'WSD', 'WSD', 'WSD']);
    expect(screen.getAllByTestId('cell-sources')[0]!.getAttribute('title')).toBe('WS-Discovery');
    expect(screen.getAllByTestId('cell-last-seen')).toHaveLength(4);
    fireEvent.click(screen.getByTestId('column-serial'));
    expect(screen.queryByTestId('cell-serial')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Serial' })).toBeNull();
    // The base columns stay.
    expect(screen.getAllByTestId('cell-mac')).toHaveLength(4);
  });

  it('renders hostile serial and firmware strings as text', async () => {
    await renderApp([hostile]);
    expect(column('cell-serial')).toEqual([HOSTILE]);
    expect(column('cell-firmware')).toEqual([HOSTILE]);
    fireEvent.click(screen.getByTestId('device-row'));
    const identity = await screen.findByTestId('identity-section');
    expect(within(identity).getByTestId('identity-serial').textContent).toBe(HOSTILE);
    expect(within(identity).getByTestId('identity-firmware').textContent).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('Identity section of the detail panel', () => {
  it('shows the login result with its sentence and time, the MAC origin, serial, firmware and agent', () => {
    render(<DetailPanel device={authenticated} onClose={() => undefined} />);
    const identity = screen.getByTestId('identity-section');
    expect(within(identity).getByTestId('auth-badge').textContent).toBe('Authenticated (Site default)');
    expect(within(identity).getByTestId('identity-auth-message').textContent).toBe('Logged in with the set "Site default".');
    expect(within(identity).getByTestId('identity-auth-at').textContent).toMatch(/^2026-11-26 \d\d:00:00$/);
    expect(within(identity).getByTestId('identity-mac-source').textContent).toBe('from ONVIF');
    expect(within(identity).getByTestId('identity-serial').textContent).toBe(SERIAL_18);
    expect(within(identity).getByTestId('identity-agent').textContent).toBe('Agent running · has token');
    expect(screen.queryByTestId('mac-conflict-note')).toBeNull();
  });

  it('says "from VAPIX" / "from ARP" and invites an Identify before one ran', () => {
    render(<DetailPanel device={makeIdentifiedDevice({ macSource: 'vapix' })} onClose={() => undefined} />);
    expect(screen.getByTestId('identity-mac-source').textContent).toBe('from VAPIX');
    cleanup();
    render(<DetailPanel device={never} onClose={() => undefined} />);
    expect(screen.getByTestId('identity-mac-source').textContent).toBe('from ARP');
    expect(screen.getByTestId('identity-auth').textContent).toMatch(/Not identified yet/);
  });

  it('flags a MAC read from the camera that the neighbour table contradicts, with both values', () => {
    const device = makeIdentifiedDevice({
      mac: '00:40:8c:12:34:56',
      macSource: 'onvif',
      conflicts: ['mac'],
      facts: {
        mac: [
          { value: '00:40:8c:12:34:56', source: 'onvif', at: '2026-11-26T05:00:00.000Z', hint: false },
          { value: '02:00:5e:00:00:01', source: 'arp', at: '2026-11-26T05:00:00.000Z', hint: false },
        ],
      },
    });
    render(<DetailPanel device={device} onClose={() => undefined} />);
    const note = screen.getByTestId('mac-conflict-note');
    expect(note.textContent).toContain('00:40:8c:12:34:56');
    expect(note.textContent).toContain('02:00:5e:00:00:01');
    expect(note.textContent).toMatch(/differs from the neighbour table/);
  });
});

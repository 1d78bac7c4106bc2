// @vitest-environment jsdom
/** The whole window against a fake core: rows appear, filter and sort change what is shown, a row opens details. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeDevice } from '../../../../support/devices.js';
import { createFakeApi } from '../../../../support/fake-api.js';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

const lobby = makeDevice();
const gate = makeDevice({ id: 'mac:ac:cc:8e:00:00:02', mac: 'ac:cc:8e:00:00:02', ip: '198.18.0.9', name: 'Gate', model: 'M3106' });
const printer = makeDevice({
  id: 'mac:00:11:22:33:44:55',
  mac: '00:11:22:33:44:55',
  ip: '198.18.0.50',
  name: 'Printer',
  isCamera: false,
  vendor: null,
  manufacturer: 'HP',
  model: 'LaserJet',
});
const hostile = makeDevice({ id: 'mac:00:40:8c:00:00:66', mac: '00:40:8c:00:00:66', ip: '198.18.0.66', name: HOSTILE });

async function renderApp(devices = [lobby, gate, printer]) {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices })));
  fake.handle('interfaces.list', () =>
    Promise.resolve(
      ok({ interfaces: [{ name: 'eth0', address: '198.18.0.2', netmask: '255.254.0.0', cidr: '198.18.0.2/15', mac: null }] }),
    ),
  );
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  render(<App api={fake.api} />);
  await screen.findAllByTestId('device-row');
  return fake;
}

const shownNames = () => screen.getAllByTestId('cell-name').map((cell) => cell.textContent);

describe('App', () => {
  it('lists cameras sorted by IP, hides non-cameras until asked, and counts them', async () => {
    await renderApp();
    expect(shownNames()).toEqual(['Gate', 'Lobby']);
    expect(screen.getByTestId('device-count').textContent).toBe('2 cameras');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show non-cameras' }));
    expect(shownNames()).toEqual(['Gate', 'Lobby', 'Printer']);
    expect(screen.getByTestId('device-count').textContent).toBe('3 devices');
  });

  it('sorts by a column on click and flips on the second click, announcing the order', async () => {
    await renderApp();
    const macHeader = screen.getByRole('columnheader', { name: /MAC/ });
    expect(macHeader.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(macHeader).getByRole('button'));
    expect(macHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(shownNames()).toEqual(['Lobby', 'Gate']); // 00:40:8c… before ac:cc:8e…
    fireEvent.click(within(macHeader).getByRole('button'));
    expect(macHeader.getAttribute('aria-sort')).toBe('descending');
    expect(shownNames()).toEqual(['Gate', 'Lobby']);
  });

  it('filters by what is on the sticker, and offers to clear a filter that hides everything', async () => {
    await renderApp();
    const filter = screen.getByRole('searchbox', { name: 'Filter devices' });
    fireEvent.change(filter, { target: { value: '00-40-8C' } });
    expect(shownNames()).toEqual(['Lobby']);
    expect(screen.getByTestId('device-count').textContent).toBe('1 of 2 cameras');
    fireEvent.change(filter, { target: { value: 'no such camera' } });
    expect(screen.queryAllByTestId('device-row')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(shownNames()).toEqual(['Gate', 'Lobby']);
  });

  it('opens the detail panel for a clicked row and closes it again', async () => {
    await renderApp();
    fireEvent.click(screen.getAllByTestId('device-row')[1] as HTMLElement);
    const panel = screen.getByRole('complementary', { name: 'Device details' });
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Lobby');
    fireEvent.click(within(panel).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary', { name: 'Device details' })).toBeNull();
    fireEvent.keyDown(screen.getAllByTestId('device-row')[0] as HTMLElement, { key: 'Enter' });
    expect(screen.getByTestId('detail-title').textContent).toBe('Gate');
  });

  it('shows a hostile device name as text, in the table and in the details', async () => {
    await renderApp([hostile]);
    const cell = screen.getByTestId('cell-name');
    expect(cell.textContent).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByTestId('device-row'));
    expect(screen.getByTestId('detail-title').textContent).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });

  it('adds a camera that answers after the list loaded', async () => {
    const fake = await renderApp([lobby]);
    act(() => fake.emit('device-found', { device: gate }));
    expect(await screen.findByText('Gate')).toBeTruthy();
  });

  it('says what failed when the core refuses a scan, and lets the technician dismiss it', async () => {
    const fake = await renderApp();
    fake.handle('scan.start', () =>
      Promise.resolve({ ok: false, code: 'busy', message: 'A scan is already running; wait for it to finish.' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Scan' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A scan is already running; wait for it to finish.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switches between Devices, Cloud and Audit log, keeping the device filter and showing Scan only on Devices', async () => {
    const fake = await renderApp();
    fake.handle('audit.list', () => Promise.resolve(ok({ entries: [], path: null })));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter devices' }), { target: { value: 'Gate' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cloud' }));
    expect(screen.getByRole('button', { name: 'Cloud' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('cloud-screen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Scan' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Audit log' }));
    expect(await screen.findByText('No cloud or camera action has been recorded yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Devices' }));
    expect(shownNames()).toEqual(['Gate']);
    expect(screen.getByRole('button', { name: 'Scan' })).toBeTruthy();
  });
});

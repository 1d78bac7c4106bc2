// @vitest-environment jsdom
/** The scan options (issue #10): protocol checkboxes and the sweep form feed scan.start; progress and diagnostics. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanDiagnostics } from '../../../../../shared/contract.js';
import { ok } from '../../../../../shared/result.js';
import type { NetInterface } from '../../../../../shared/net.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { createFakeApi } from '../../../../support/fake-api.js';

afterEach(cleanup);

const nics: NetInterface[] = [
  { name: 'eth0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null },
  { name: 'wg0', address: '10.8.0.2', netmask: '255.255.255.0', cidr: '10.8.0.2/24', mac: null, virtual: true },
];

const report: ScanDiagnostics = {
  scanId: 's0',
  startedAt: '2026-11-26T05:00:00.000Z',
  interfaces: [
    { name: 'eth0', address: '198.18.0.2' },
    { name: 'wg0', address: '10.8.0.2' },
  ],
  skipped: [{ name: 'wlan0', reason: 'The interface is down.' }],
  probesSent: 12,
  repliesReceived: 5,
  dropped: 1,
  nonCameras: 1,
  durationMs: 3000,
  errors: [],
  perInterface: [
    { interface: 'eth0', protocol: 'wsd', packetsSent: 4, replies: 3, devices: 3, errors: 0 },
    { interface: 'eth0', protocol: 'ssdp', packetsSent: 4, replies: 2, devices: 2, errors: 0 },
    { interface: 'wg0', protocol: 'wsd', packetsSent: 4, replies: 0, devices: 0, errors: 2 },
  ],
  hints: ['Hosts answer ARP but no WS-Discovery reply arrived on wg0: a firewall may be dropping unicast replies to port 3702.'],
  ssdp: { descriptionsFetched: 2, locationsRefused: 1 },
  sweep: { cidrs: ['198.19.0.0/24'], addresses: 254, probed: 254, answered: 2, cancelled: false },
};

async function renderApp(last: ScanDiagnostics | null = null) {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: [] })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: nics })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last })));
  fake.handle('scan.start', () => Promise.resolve(ok({ scanId: 's1' })));
  render(<App api={fake.api} />);
  await screen.findByTestId('interface-eth0');
  return fake;
}

const startArgs = (fake: ReturnType<typeof createFakeApi>) => fake.calls.filter((c) => c.command === 'scan.start').map((c) => c.args);

describe('scan options', () => {
  it('labels a VPN or container adapter as virtual in the interface picker', async () => {
    await renderApp();
    const labels = screen.getAllByTestId('interface-virtual');
    expect(labels).toHaveLength(1);
    expect(labels[0]!.closest('label')!.textContent).toContain('wg0');
  });

  it('sends the ticked protocols and the sweep ranges and ports with scan.start', async () => {
    const fake = await renderApp();
    fireEvent.click(screen.getByTestId('protocol-mdns'));
    fireEvent.change(screen.getByTestId('sweep-cidrs'), { target: { value: '198.19.0.0/24\n198.19.1.0/24' } });
    fireEvent.change(screen.getByTestId('sweep-ports'), { target: { value: '80, 8080' } });
    fireEvent.click(screen.getByTestId('scan-button'));
    await waitFor(() => expect(startArgs(fake)).toHaveLength(1));
    expect(startArgs(fake)[0]).toEqual({
      protocols: ['wsd', 'ssdp'],
      sweep: { cidrs: ['198.19.0.0/24', '198.19.1.0/24'], ports: [80, 8080] },
    });
  });

  it('holds Scan while a range is wrong, and asks to confirm a range wider than /16', async () => {
    const fake = await renderApp();
    fireEvent.change(screen.getByTestId('sweep-cidrs'), { target: { value: 'not-a-range' } });
    expect(screen.getByTestId('scan-options-errors').textContent).toContain('"not-a-range" is not a range');
    expect((screen.getByTestId('scan-button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('sweep-cidrs'), { target: { value: '198.16.0.0/14' } });
    expect((screen.getByTestId('scan-button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('sweep-confirm-large'));
    expect(screen.queryByTestId('scan-options-errors')).toBeNull();
    fireEvent.click(screen.getByTestId('scan-button'));
    await waitFor(() => expect(startArgs(fake)).toHaveLength(1));
    expect(startArgs(fake)[0]).toEqual({ sweep: { cidrs: ['198.16.0.0/14'], confirmLarge: true } });
  });

  it('shows the sweep live while it runs', async () => {
    const fake = await renderApp();
    fireEvent.change(screen.getByTestId('sweep-cidrs'), { target: { value: '198.19.0.0/24' } });
    fireEvent.click(screen.getByTestId('scan-button'));
    await waitFor(() => expect(startArgs(fake)).toHaveLength(1));
    fake.emit('scan-progress', { scanId: 's1', elapsedMs: 500, totalMs: 3000, found: 1, sweep: { done: 120, total: 254 } });
    expect((await screen.findByTestId('sweep-progress-text')).textContent).toBe('sweep 120 / 254');
  });
});

describe('diagnostics panel', () => {
  it('shows per interface × protocol numbers, the virtual label, hints, SSDP, sweep and skipped interfaces', async () => {
    await renderApp(report);
    const panel = await screen.findByTestId('diagnostics');
    const eth0 = within(panel).getAllByTestId('diagnostics-interface')[0]!;
    expect(eth0.getAttribute('data-interface')).toBe('eth0');
    const cells = within(eth0)
      .getAllByTestId('diagnostics-cell')
      .map((cell) => [cell.getAttribute('data-protocol'), cell.textContent]);
    expect(cells).toEqual([
      ['wsd', '4 · 3 · 3 · 0'],
      ['ssdp', '4 · 2 · 2 · 0'],
      ['total', '8 · 5 · 5 · 0'],
    ]);
    const wg0 = within(panel).getAllByTestId('diagnostics-interface')[1]!;
    expect(within(wg0).getByTestId('virtual-badge').textContent).toBe('virtual');
    expect(within(eth0).queryByTestId('virtual-badge')).toBeNull();
    expect(within(panel).getByTestId('diagnostics-hints').textContent).toContain('firewall may be dropping unicast replies to port 3702');
    expect(within(panel).getByTestId('diagnostics-ssdp').textContent).toBe('2 descriptions fetched, 1 locations refused');
    expect(within(panel).getByTestId('diagnostics-sweep').textContent).toBe('198.19.0.0/24: 254 addresses, 254 probed, 2 answered');
    expect(within(panel).getByTestId('diagnostics-skipped').textContent).toBe('wlan0: The interface is down.');
  });

  it('is absent before any scan', async () => {
    await renderApp(null);
    expect(screen.queryByTestId('diagnostics')).toBeNull();
  });
});

// @vitest-environment jsdom
/** The scan bar: Scan and Stop are enabled only when they can act, and progress and the last result read plainly. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanDiagnostics } from '../../../../../shared/contract.js';
import type { NetInterface } from '../../../../../shared/net.js';
import { initialScanState, type ScanState } from '../../../../../renderer/src/logic/scan-state.js';
import { ScanBar } from '../../../../../renderer/src/views/scan-bar.js';

afterEach(cleanup);

const nic = (name: string, cidr: string): NetInterface => ({
  name,
  address: cidr.split('/')[0] ?? '',
  netmask: '255.255.255.0',
  cidr,
  mac: null,
});
const NICS = [nic('eth0', '198.18.0.2/24'), nic('wlan0', '198.19.0.2/24')];

const last: ScanDiagnostics = {
  scanId: 's1',
  startedAt: '2026-11-25T10:02:00.000Z',
  interfaces: [{ name: 'eth0', address: '198.18.0.2' }],
  skipped: [],
  probesSent: 3,
  repliesReceived: 12,
  dropped: 2,
  nonCameras: 1,
  durationMs: 5_000,
  errors: [],
};

function renderBar(scan: Partial<ScanState>, selected: string[] = ['eth0', 'wlan0']) {
  const handlers = { onScan: vi.fn(), onStop: vi.fn(), onToggleInterface: vi.fn() };
  render(<ScanBar scan={{ ...initialScanState, ...scan }} interfaces={NICS} selected={new Set(selected)} {...handlers} />);
  return handlers;
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('ScanBar', () => {
  it('offers Scan when idle and sends the click; Stop is disabled', () => {
    const { onScan } = renderBar({});
    expect(button('Scan').disabled).toBe(false);
    expect(button('Stop').disabled).toBe(true);
    fireEvent.click(button('Scan'));
    expect(onScan).toHaveBeenCalledOnce();
  });

  it('will not scan with no interface ticked, and says why', () => {
    renderBar({}, []);
    expect(button('Scan').disabled).toBe(true);
    expect(button('Scan').title).toBe('Pick at least one interface to scan.');
  });

  it('while scanning: Scan is disabled, Stop works, progress shows elapsed, total and found', () => {
    const { onStop } = renderBar({ running: true, progress: { elapsedMs: 2_400, totalMs: 5_000, found: 3 } });
    expect(button('Scan').disabled).toBe(true);
    fireEvent.click(button('Stop'));
    expect(onStop).toHaveBeenCalledOnce();
    expect(screen.getByRole('status').textContent).toBe('2.4 s / 5.0 s · 3 found');
    expect(screen.getByRole('progressbar', { name: 'Scan progress' })).toBeTruthy();
  });

  it('says "Starting scan…" between the click and the first progress', () => {
    renderBar({ starting: true });
    expect(button('Scan').disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Starting scan…');
  });

  it('summarises the last scan, including dropped packets and a stop', () => {
    renderBar({ last, lastReason: 'stopped' });
    expect(screen.getByRole('status').textContent).toBe('Scan stopped took 5.0 s · 1 interface · 12 replies · 2 dropped');
  });

  it('lets the technician untick an interface, and disables the picker while scanning', () => {
    const { onToggleInterface } = renderBar({});
    fireEvent.click(screen.getByRole('checkbox', { name: /wlan0/ }));
    expect(onToggleInterface).toHaveBeenCalledWith('wlan0', false);
    cleanup();
    renderBar({ running: true });
    // Disabled through its <fieldset>: the input's own `disabled` stays false, the element is still inert.
    expect(screen.getByRole('checkbox', { name: /eth0/ }).matches(':disabled')).toBe(true);
  });
});

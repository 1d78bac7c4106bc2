// @vitest-environment jsdom
/** After a scan finds nothing, the page says what was probed, what went wrong, and what to check on site. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanDiagnostics } from '../../../../../shared/contract.js';
import { EmptyState } from '../../../../../renderer/src/views/empty-state.js';

afterEach(cleanup);

const diagnostics = (overrides: Partial<ScanDiagnostics> = {}): ScanDiagnostics => ({
  scanId: 's1',
  startedAt: '2026-11-25T10:02:00.000Z',
  interfaces: [{ name: 'eth0', address: '198.18.0.2' }],
  skipped: [],
  probesSent: 3,
  repliesReceived: 0,
  dropped: 0,
  nonCameras: 0,
  durationMs: 5_000,
  errors: [],
  ...overrides,
});

describe('EmptyState', () => {
  it('says which interfaces were probed and how many probes and replies there were', () => {
    render(<EmptyState diagnostics={diagnostics()} hiddenNonCameras={0} onShowNonCameras={() => undefined} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No cameras found');
    expect(screen.getByTestId('empty-probed').textContent).toBe(
      'Probed 1 interface: eth0 (198.18.0.2). 3 probes sent, 0 replies received.',
    );
    expect(screen.getByTestId('empty-checklist').querySelectorAll('li').length).toBeGreaterThanOrEqual(4);
    expect(screen.queryByRole('button', { name: 'Show them' })).toBeNull();
  });

  it('lists skipped interfaces and errors in the core’s own words', () => {
    const skipped = [{ name: 'wlan0', reason: 'it has no IPv4 address; check that the interface is up.' }];
    render(
      <EmptyState
        diagnostics={diagnostics({ interfaces: [], skipped, errors: ['Port 3702 is in use by another program.'] })}
        hiddenNonCameras={0}
        onShowNonCameras={() => undefined}
      />,
    );
    expect(screen.getByTestId('empty-probed').textContent).toMatch(/^No interface was probed\./);
    expect(screen.getByTestId('empty-skipped').textContent).toBe('Skipped wlan0: it has no IPv4 address; check that the interface is up.');
    expect(screen.getByTestId('empty-errors').textContent).toBe('Port 3702 is in use by another program.');
  });

  it('offers to show devices that answered but are not cameras', () => {
    const onShow = vi.fn();
    render(<EmptyState diagnostics={diagnostics({ repliesReceived: 2, nonCameras: 2 })} hiddenNonCameras={2} onShowNonCameras={onShow} />);
    expect(screen.getByText(/2 devices that are not a camera answered\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    expect(onShow).toHaveBeenCalledOnce();
  });
});

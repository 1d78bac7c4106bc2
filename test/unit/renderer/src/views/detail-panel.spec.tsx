// @vitest-environment jsdom
/** The detail panel says where every fact came from, flags conflicts and guesses, and keeps LAN text as text. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatClock } from '../../../../../renderer/src/logic/format.js';
import { DetailPanel } from '../../../../../renderer/src/views/detail-panel.js';
import { makeDevice } from '../../../../support/devices.js';

afterEach(cleanup);

const AT = '2026-11-25T10:02:03.000Z';
const factTexts = () => screen.getAllByTestId('fact').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('DetailPanel', () => {
  it('shows each fact with its source and time', () => {
    render(<DetailPanel device={makeDevice()} onClose={() => undefined} />);
    expect(factTexts()).toEqual([
      `MAC 00:40:8c:12:34:56 — from ARP (neighbour table) at ${formatClock(AT)}`,
      `IP 198.18.0.10 — from WS-Discovery at ${formatClock('2026-11-25T10:02:02.000Z')}`,
    ]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Lobby');
  });

  it('flags sources that disagree and values that were only inferred', () => {
    const device = makeDevice({
      facts: {
        mac: [
          { value: '00:40:8c:12:34:56', source: 'arp', at: AT, hint: false },
          { value: '00:40:8c:12:34:57', source: 'uuid-suffix', at: AT, hint: true },
        ],
      },
      conflicts: ['mac'],
    });
    render(<DetailPanel device={device} onClose={() => undefined} />);
    expect(screen.getByTestId('fact-conflict').textContent).toBe('Conflicting values for MAC: sources disagree.');
    const [read, guessed] = screen.getAllByTestId('fact');
    expect(within(read as HTMLElement).queryByText('hint')).toBeNull();
    expect(within(guessed as HTMLElement).getByText('hint')).toBeTruthy();
    expect(guessed?.textContent).toContain('from endpoint UUID suffix');
  });

  it('marks an offline device and says when nothing is known yet', () => {
    render(<DetailPanel device={makeDevice({ online: false, facts: {}, name: null, model: null })} onClose={() => undefined} />);
    expect(screen.getByTestId('offline-badge').textContent).toBe('offline');
    expect(screen.getByText('No facts recorded yet.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('00:40:8c:12:34:56');
  });

  it('renders LAN-supplied names, scopes and XAddrs as text, never as markup or links', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const device = makeDevice({
      name: hostile,
      onvif: { endpoint: hostile, xaddrs: ['javascript:alert(1)'], scopes: [hostile], types: [], metadataVersion: null },
      facts: { name: [{ value: hostile, source: 'wsd-scope', at: AT, hint: false }] },
    });
    const { container } = render(<DetailPanel device={device} onClose={() => undefined} />);
    expect(screen.getByTestId('detail-title').textContent).toBe(hostile);
    expect(screen.getByTestId('onvif-scopes').textContent).toBe(hostile);
    expect(screen.getByTestId('onvif-xaddrs').textContent).toBe('javascript:alert(1)');
    expect(container.querySelector('img, a, script')).toBeNull();
  });

  it('closes on Escape and on the close button', () => {
    const onClose = vi.fn();
    render(<DetailPanel device={makeDevice()} onClose={onClose} />);
    fireEvent.keyDown(screen.getByRole('complementary'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

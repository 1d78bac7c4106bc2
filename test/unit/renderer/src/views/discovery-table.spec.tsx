// @vitest-environment jsdom
/**
 * A whole site in the device table (issue #10): 1,000 rows rendered a window at a time, source badges, conflict
 * flags, vendor/subnet/source filters with the search box, sortable columns, and the CSV export of what is shown.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../../shared/result.js';
import type { Device } from '../../../../../shared/device.js';
import { ipv4ToInt, type NetInterface } from '../../../../../shared/net.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeDevice } from '../../../../support/devices.js';
import { createFakeApi } from '../../../../support/fake-api.js';

const downloads: { name: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();
beforeEach(() => {
  downloads.length = 0;
  blobs.clear();
  // jsdom has no object URLs: a minimal pair that remembers each Blob by its URL.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const lan: NetInterface[] = [{ name: 'eth0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null }];
const hex = (n: number) => n.toString(16).padStart(2, '0');
const VENDORS = ['Axis Communications AB', 'Hangzhou Hikvision', 'Dahua'] as const;

/** 1,000 cameras: a third per vendor, some on a routed subnet found by the sweep. */
function site(count: number): Device[] {
  return Array.from({ length: count }, (_, i) => {
    const routed = i % 10 === 0;
    const ip = routed ? `198.20.${i >> 8}.${(i & 0xff) + 1}` : `198.18.${i >> 8}.${(i & 0xff) + 1}`;
    return makeDevice({
      id: `dev-${i}`,
      mac: `00:40:8c:00:${hex(i >> 8)}:${hex(i & 0xff)}`,
      ip,
      vendor: VENDORS[i % 3]!,
      name: `Cam ${i}`,
      sources: routed ? ['sweep'] : i % 2 ? ['wsd', 'ssdp'] : ['wsd', 'mdns'],
    });
  });
}

async function renderApp(devices: Device[]) {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: lan })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  render(<App api={fake.api} />);
  await screen.findAllByTestId('device-row');
  return fake;
}

const shownIps = () => screen.getAllByTestId('device-row').map((row) => row.getAttribute('data-ip'));
const choose = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('the device table at site scale', () => {
  it('renders fewer than 100 row elements for 1,000 devices, and the rows in view after a scroll', async () => {
    const devices = site(1000);
    await renderApp(devices);
    expect(screen.getByTestId('device-count').textContent).toBe('1000 cameras');
    expect(screen.getByTestId('device-table').getAttribute('data-rows')).toBe('1000');
    const rendered = screen.getAllByTestId('device-row');
    expect(rendered.length).toBeLessThan(100);
    expect(rendered.length).toBeGreaterThan(10);
    expect(document.querySelectorAll('tr').length).toBeLessThan(100);

    const wrap = screen.getByTestId('table-wrap');
    Object.defineProperty(wrap, 'clientHeight', { configurable: true, value: 340 });
    wrap.scrollTop = 500 * 34;
    act(() => void fireEvent.scroll(wrap));
    const ips = shownIps();
    expect(ips.length).toBeLessThan(100);
    // Sorted by IP: row 500 of the sorted list is in view, the first row is not.
    const sorted = devices.map((device) => device.ip!).sort((a, b) => ipv4ToInt(a)! - ipv4ToInt(b)!);
    expect(ips).toContain(sorted[500]);
    expect(ips).toContain(sorted[505]);
    expect(ips).not.toContain(sorted[0]);
    const spacers = document.querySelectorAll('tr.row-spacer');
    expect(spacers).toHaveLength(2);
  });

  it('shows a badge per source and flags a conflict with both values and their sources', async () => {
    const at = '2026-11-26T05:00:00.000Z';
    const clash = makeDevice({
      id: 'clash',
      ip: '198.18.0.5',
      // In whatever order the core lists them; the badges keep one order.
      sources: ['sweep', 'mdns', 'wsd', 'ssdp'],
      conflicts: ['mac'],
      facts: {
        mac: [
          { value: '00:40:8c:12:34:56', source: 'arp', at, hint: false },
          { value: '00:40:8c:65:43:21', source: 'mdns-txt', at, hint: false },
        ],
      },
    });
    await renderApp([clash]);
    const row = screen.getByTestId('device-row');
    const badges = within(row).getByTestId('source-badges');
    expect([...badges.children].map((badge) => badge.textContent)).toEqual(['WSD', 'SSDP', 'mDNS', 'Sweep']);
    const conflict = within(row).getByTestId('conflict-badge');
    expect(conflict.getAttribute('title')).toBe('MAC: 00:40:8c:12:34:56 (ARP (neighbour table)) vs 00:40:8c:65:43:21 (mDNS TXT record)');
  });

  it('marks a device that answered across a router as routed', async () => {
    await renderApp([
      makeDevice({ id: 'routed', ip: '198.19.1.1', mac: null, macSource: null, offSubnet: true, sources: ['sweep'] }),
      makeDevice({ id: 'local', ip: '198.18.0.10' }),
    ]);
    const badges = screen.getAllByTestId('off-subnet-badge');
    expect(badges).toHaveLength(1);
    expect(badges[0]!.closest('tr')!.getAttribute('data-ip')).toBe('198.19.1.1');
  });

  it('filters by vendor, subnet and source together with the search box, and clears them', async () => {
    await renderApp(site(60));
    const vendorOptions = [...screen.getByTestId('filter-vendor').querySelectorAll('option')].map((o) => o.textContent);
    expect(vendorOptions).toEqual(['Any', 'Axis Communications AB', 'Dahua', 'Hangzhou Hikvision']);
    choose('filter-source', 'sweep');
    expect(shownIps()).toEqual(['198.20.0.1', '198.20.0.11', '198.20.0.21', '198.20.0.31', '198.20.0.41', '198.20.0.51']);
    choose('filter-subnet', '198.20.0.0/24');
    choose('filter-vendor', 'Axis Communications AB');
    // Devices 0, 30 are Axis and routed.
    expect(shownIps()).toEqual(['198.20.0.1', '198.20.0.31']);
    fireEvent.change(screen.getByTestId('filter-input'), { target: { value: 'cam 30' } });
    expect(shownIps()).toEqual(['198.20.0.31']);
    expect(screen.getByTestId('device-count').textContent).toBe('1 of 60 cameras');
    fireEvent.change(screen.getByTestId('filter-input'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('clear-filters'));
    expect(shownIps()).toHaveLength(60);
  });

  it('sorts by a text column and back', async () => {
    await renderApp(site(6));
    fireEvent.click(screen.getByTestId('sort-vendor'));
    const vendors = () => screen.getAllByTestId('cell-vendor').map((cell) => cell.textContent);
    expect(vendors()).toEqual([
      'Axis Communications AB',
      'Axis Communications AB',
      'Dahua',
      'Dahua',
      'Hangzhou Hikvision',
      'Hangzhou Hikvision',
    ]);
    fireEvent.click(screen.getByTestId('sort-vendor'));
    expect(vendors()[0]).toBe('Hangzhou Hikvision');
  });

  it('exports exactly the rows shown, in the table order, as CSV', async () => {
    await renderApp(site(60));
    choose('filter-vendor', 'Dahua');
    fireEvent.click(screen.getByTestId('sort-ip'));
    const table = shownIps();
    fireEvent.click(screen.getByTestId('export-csv'));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^camera-finder-devices-.*\.csv$/);
    const lines = (await downloads[0]!.blob.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^MAC,MAC source,IP,Vendor/);
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(table);
    expect(table).toHaveLength(20);
  });

  it('exports every filtered row of a windowed table, not only those rendered', async () => {
    await renderApp(site(1000));
    fireEvent.click(screen.getByTestId('export-csv'));
    const lines = (await downloads[0]!.blob.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1001);
  });
});

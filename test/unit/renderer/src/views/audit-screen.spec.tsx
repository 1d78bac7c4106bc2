// @vitest-environment jsdom
/** The audit log screen: newest first, Refresh, and exports whose content is safe to open in a spreadsheet. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../../../../shared/contract.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { makeAuditEntry } from '../../../../support/cloud.js';
import { createFakeApi } from '../../../../support/fake-api.js';

const older = makeAuditEntry({ at: '2026-11-26T04:00:00.000Z', action: 'cloud.channel.create', message: 'Channel 101 created.' });
const newer = makeAuditEntry({
  at: '2026-11-26T04:05:00.000Z',
  action: 'provisioning.post',
  result: 'failed',
  camera: '=HYPERLINK("http://evil")',
  message: '@SUM(1) refused',
});

/** Captures what the Export buttons hand to the browser. */
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

async function openAudit(entries: AuditEntry[]) {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: [] })));
  fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  fake.handle('audit.list', () => Promise.resolve(ok({ entries, path: '/home/tech/.config/camera-finder/audit.jsonl' })));
  render(<App api={fake.api} />);
  fireEvent.click(screen.getByRole('button', { name: 'Audit log' }));
  await screen.findByTestId('audit-count');
  await act(async () => undefined);
  return fake;
}

describe('Audit log screen', () => {
  it('lists entries newest first, with where the file lives', async () => {
    await openAudit([older, newer]);
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('provisioning.post'),
      expect.stringContaining('cloud.channel.create'),
    ]);
    expect(rows[0]?.dataset.result).toBe('failed');
    expect(screen.getByText('/home/tech/.config/camera-finder/audit.jsonl')).toBeTruthy();
  });

  it('Refresh asks the core again and shows new entries', async () => {
    const fake = await openAudit([older]);
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(1);
    fake.handle('audit.list', () => Promise.resolve(ok({ entries: [older, newer], path: null })));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('2 entries')).toBeTruthy();
    expect(fake.calls.filter((call) => call.command === 'audit.list')).toHaveLength(2);
  });

  it('exports JSON lines with every entry, newest first', async () => {
    await openAudit([older, newer]);
    fireEvent.click(await screen.findByRole('button', { name: 'Export JSON lines' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toMatch(/^camera-finder-audit-.*\.jsonl$/);
    const lines = (await downloads[0]!.blob.text()).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as AuditEntry)).toEqual([newer, older]);
  });

  it('exports CSV with formula cells neutralised', async () => {
    await openAudit([older, newer]);
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const csv = await downloads[0]!.blob.text();
    expect(downloads[0]?.name).toMatch(/\.csv$/);
    expect(csv.split('\r\n')[1]).toBe(
      `2026-11-26T04:05:00.000Z,provisioning.post,"'=HYPERLINK(""http://evil"")",failed,'@SUM(1) refused,ui`,
    );
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
  });

  it('says when the log cannot be read, in the core’s words', async () => {
    const fake = createFakeApi();
    fake.handle('devices.list', () => Promise.resolve(ok({ devices: [] })));
    fake.handle('interfaces.list', () => Promise.resolve(ok({ interfaces: [] })));
    fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
    fake.handle('audit.list', () => Promise.resolve(fail('unavailable', 'The audit log is not available in this build.')));
    render(<App api={fake.api} />);
    fireEvent.click(screen.getByRole('button', { name: 'Audit log' }));
    expect((await screen.findByTestId('audit-error')).textContent).toContain('The audit log is not available in this build.');
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

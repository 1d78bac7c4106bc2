// @vitest-environment jsdom
/** The onboarding screen: CSV → match before any change → start → live table → pause/cancel → report; resume after restart. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OnboardJob } from '../../../../../shared/contract.js';
import { fail, ok } from '../../../../../shared/result.js';
import { App } from '../../../../../renderer/src/views/app.js';
import { createFakeApi } from '../../../../support/fake-api.js';

const progress = (over: Partial<OnboardJob['progress']> = {}): OnboardJob['progress'] => ({
  total: 2,
  done: 0,
  failed: 0,
  running: 2,
  waiting: 0,
  pending: 0,
  ratePerMinute: 0,
  etaMs: null,
  state: 'running',
  ...over,
});

const camera = (over: Partial<OnboardJob['cameras'][number]> = {}): OnboardJob['cameras'][number] => ({
  cameraId: 'ACCC8E000001',
  deviceId: 'd1',
  csvLine: 2,
  mac: 'AC:CC:8E:00:00:01',
  serial: 'ACCC8E000001',
  model: 'P3245-LVE',
  firmware: '10.12.1',
  ip: '198.18.1.1',
  channelId: null,
  state: 'running',
  step: 'provisioning-record',
  message: 'Posting the provisioning record.',
  updatedAt: '2026-11-26T07:00:00.000Z',
  ...over,
});

const job = (over: Partial<OnboardJob> = {}): OnboardJob => ({
  jobId: 'job-7',
  mode: 'provision',
  ledgerPath: '/data/onboarding.jsonl',
  progress: progress(),
  cameras: [camera(), camera({ cameraId: 'ACCC8E000002', mac: 'AC:CC:8E:00:00:02', ip: '198.18.1.2', csvLine: 3 })],
  ...over,
});

const match = {
  problems: [{ line: 4, column: 'mac', message: 'Line 4, column mac: "ZZ" is not a MAC address.' }],
  matched: [
    {
      row: { line: 2, mac: 'AC:CC:8E:00:00:01', serial: null, hasPassword: true, name: 'Gate <b>1</b>', location: null, id: null },
      deviceId: 'd1',
      cameraId: 'ACCC8E000001',
    },
    {
      row: { line: 3, mac: 'AC:CC:8E:00:00:02', serial: null, hasPassword: true, name: null, location: null, id: null },
      deviceId: 'd2',
      cameraId: 'ACCC8E000002',
    },
  ],
  rowsWithoutCamera: [{ line: 5, mac: 'AC:CC:8E:00:00:09', serial: null, hasPassword: true, name: 'Roof', location: null, id: null }],
  camerasWithoutRow: ['d9'],
};

const downloads: { name: string; text: Promise<string> }[] = [];
beforeEach(() => {
  downloads.length = 0;
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: blobs.get(this.href)!.text() });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup(status: { job: OnboardJob | null; resumable: boolean } = { job: null, resumable: false }) {
  const fake = createFakeApi();
  fake.handle('devices.list', () => Promise.resolve(ok({ devices: [] })));
  fake.handle('interfaces.list', () =>
    Promise.resolve(
      ok({ interfaces: [{ name: 'eth0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null }] }),
    ),
  );
  fake.handle('scan.status', () => Promise.resolve(ok({ running: false, last: null })));
  fake.handle('onboard.status', () => Promise.resolve(ok(status)));
  fake.handle('onboard.preview', () => Promise.resolve(ok(match)));
  fake.handle('onboard.start', () => Promise.resolve(ok(job())));
  fake.handle('onboard.pause', () => Promise.resolve(ok(job({ progress: progress({ state: 'paused' }) }))));
  fake.handle('onboard.cancel', () => Promise.resolve(ok(job({ progress: progress({ state: 'cancelled', running: 0 }) }))));
  fake.handle('onboard.report', () =>
    Promise.resolve(ok({ csv: 'mac,state\r\nAC:CC:8E:00:00:01,onboarded\r\n', fileName: 'onboarding-job-7.csv' })),
  );
  render(<App api={fake.api} />);
  fireEvent.click(screen.getByRole('button', { name: 'Onboarding' }));
  return fake;
}

async function dropCsv(text: string, name = 'site.csv') {
  const file = new File([text], name, { type: 'text/csv' });
  await act(async () => {
    fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
    await new Promise((r) => setTimeout(r, 0));
  });
  await screen.findByTestId('csv-name');
}

describe('onboarding screen', () => {
  it('shows the match before anything changes, then starts the job with the CSV, mode and subnets', async () => {
    const fake = setup();
    await dropCsv('mac;password\nAC:CC:8E:00:00:01;p;w"x\n');
    fireEvent.click(screen.getByTestId('mode-write-token'));
    fireEvent.change(screen.getByTestId('onboard-subnets'), { target: { value: '198.19.0.0/24, 198.19.1.0/24' } });
    fireEvent.click(screen.getByTestId('onboard-preview'));
    const preview = await screen.findByTestId('match-preview');
    expect(fake.calls.some((c) => c.command === 'onboard.start')).toBe(false);
    expect(within(preview).getByTestId('match-summary').textContent).toContain('2 cameras in scope');
    expect(within(preview).getByTestId('match-problems').textContent).toContain('Line 4, column mac');
    expect(within(preview).getByTestId('rows-without-camera').textContent).toContain('Line 5');
    expect(within(preview).getByTestId('cameras-without-row').textContent).toContain('d9');
    // A LAN/CSV string is text, never markup.
    expect(preview.querySelector('b')).toBeNull();
    expect(preview.textContent).toContain('Gate <b>1</b>');

    fireEvent.click(screen.getByTestId('onboard-start'));
    await screen.findByTestId('job-table');
    const start = fake.calls.find((c) => c.command === 'onboard.start')!.args as { mode: string; scope: Record<string, unknown> };
    expect(start.mode).toBe('write-token');
    expect(start.scope.subnets).toEqual(['198.19.0.0/24', '198.19.1.0/24']);
    expect(start.scope.csv).toEqual({ name: 'site.csv', text: 'mac;password\nAC:CC:8E:00:00:01;p;w"x\n' });
    expect(screen.getAllByTestId('job-row')).toHaveLength(2);
  });

  it('follows onboard-progress events, pauses, cancels and exports the report', async () => {
    const fake = setup({ job: job(), resumable: false });
    await screen.findByTestId('job-table');
    act(() =>
      fake.emit('onboard-progress', {
        job: job({
          progress: progress({ done: 1, running: 1, ratePerMinute: 6, etaMs: 10_000 }),
          cameras: [
            camera({ state: 'onboarded', step: null, channelId: 101, message: 'Record in place.' }),
            camera({ cameraId: 'ACCC8E000002', state: 'failed', message: 'Wrong sticker password.' }),
          ],
        }),
      }),
    );
    expect(screen.getByTestId('job-progress').textContent).toBe('1 of 2 onboarded · 1 running · 6.0/min · about 10 s left');
    const rows = screen.getAllByTestId('job-row');
    expect(rows[0]!.getAttribute('data-state')).toBe('failed');
    expect(rows[0]!.textContent).toContain('Wrong sticker password.');

    fireEvent.click(screen.getByTestId('job-pause'));
    await screen.findByTestId('job-resume');
    fireEvent.click(screen.getByTestId('job-cancel'));
    await vi.waitFor(() => expect(screen.queryByTestId('job-cancel')).toBeNull());

    fireEvent.click(screen.getByTestId('report-csv'));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('onboarding-job-7.csv');
    expect(await downloads[0]!.text).toContain('AC:CC:8E:00:00:01,onboarded');
  });

  it('offers to resume a job left unfinished by a restart, with the scope on screen', async () => {
    const fake = setup({ job: job({ progress: progress({ state: 'stopped', running: 0, pending: 2 }) }), resumable: true });
    const notice = await screen.findByTestId('resumable');
    expect(notice.textContent).toContain('drop the same CSV again');
    await dropCsv('mac,password\nAC:CC:8E:00:00:01,x\n');
    fireEvent.click(screen.getByTestId('resume-job'));
    await vi.waitFor(() => expect(fake.calls.some((c) => c.command === 'onboard.start')).toBe(true));
    const args = fake.calls.find((c) => c.command === 'onboard.start')!.args as {
      resume: boolean;
      mode: string;
      scope: { csv: { name: string } };
    };
    expect(args).toMatchObject({ resume: true, mode: 'provision', scope: { csv: { name: 'site.csv' } } });
  });

  it('shows the core sentence when the job cannot start', async () => {
    const fake = setup();
    fake.handle('onboard.start', () =>
      Promise.resolve(fail('invalid-args', 'The cloud is not configured: set the API URL and license key first.')),
    );
    fireEvent.click(screen.getByTestId('onboard-preview'));
    fireEvent.click(await screen.findByTestId('onboard-start'));
    expect((await screen.findByTestId('onboarding-error')).textContent).toContain('The cloud is not configured');
  });

  it('renders the printable report with identity, channel, cloud state and per-step times', async () => {
    setup({
      job: job({
        progress: progress({ state: 'finished', done: 1, failed: 1, running: 0 }),
        cameras: [
          camera({
            state: 'onboarded',
            channelId: 101,
            cloudState: 'online',
            steps: [
              { step: 'find-or-create-channel', status: 'done', at: '2026-11-26T07:00:01.000Z', detail: 'Channel 101 created.' },
              { step: 'provisioning-record', status: 'done', at: '2026-11-26T07:00:02.000Z', detail: 'Record posted.' },
            ],
          }),
          camera({ cameraId: 'X2', state: 'failed', message: 'Cloud refused the license key.' }),
        ],
      }),
      resumable: false,
    });
    fireEvent.click(await screen.findByTestId('report-print'));
    const report = await screen.findByTestId('print-report');
    expect(within(report).getByTestId('print-summary').textContent).toContain('onboarded 1, failed 1');
    const rows = within(report).getAllByTestId('print-row');
    expect(rows).toHaveLength(2);
    const done = rows.find((r) => r.textContent?.includes('101'))!;
    expect(done.textContent).toContain('online');
    expect(done.textContent).toContain('provisioning-record: done at 2026-11-26 07:00:02');
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(screen.getByTestId('print-button'));
    expect(print).toHaveBeenCalledOnce();
  });
});

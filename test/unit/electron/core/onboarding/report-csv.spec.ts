import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, reportCsv, type ReportCamera } from '../../../../../electron/core/onboarding/report-csv.js';
import { replayLedger, type StepRecord } from '../../../../../electron/core/onboarding/ledger.js';
import { reportCameras } from '../../../../../electron/core/onboarding/report-rows.js';
import { makeDevice } from '../../../../support/devices.js';
import type { StepName } from '../../../../../shared/onboarding.js';

const done = (at: string): StepRecord => ({ status: 'done', at, attempt: 1, detail: 'ok' });
const steps: StepName[] = ['find-or-create-channel', 'provisioning-record'];

const camera = (overrides: Partial<ReportCamera>): ReportCamera => ({
  cameraId: '00408C123456',
  csvLine: 2,
  mac: '00:40:8c:12:34:56',
  serial: 'ACCC8E123456',
  model: 'P1375',
  firmware: '11.9.60',
  ip: '198.18.0.10',
  channelId: 4711,
  cloudState: 'polling',
  result: 'onboarded',
  detail: 'Every step is done.',
  steps: new Map([
    ['find-or-create-channel', done('2026-11-26T04:10:00.000Z')],
    ['provisioning-record', done('2026-11-26T04:10:01.000Z')],
  ]),
  ...overrides,
});

describe('handover report CSV', () => {
  const text = reportCsv({
    steps,
    cameras: [
      camera({}),
      camera({
        cameraId: '00408C000002',
        csvLine: 3,
        model: '=HYPERLINK("http://evil","click")',
        firmware: '+1',
        ip: '-2',
        channelId: null,
        cloudState: 'unknown',
        result: 'failed',
        detail: '@SUM(A1) the cloud said no, "twice"',
        steps: new Map([['find-or-create-channel', { status: 'failed', at: '2026-11-26T04:11:00.000Z', attempt: 4, detail: 'no' }]]),
      }),
    ],
    rowsNotOnboarded: [{ line: 7, reason: 'Line 7, column mac: 00:40:8C:12:34 is not a MAC address.' }],
    camerasWithoutRow: [{ mac: '00:40:8c:00:00:09', serial: null, ip: '\t198.18.0.99' }],
    startedAt: '2026-11-26T04:09:59.000Z',
    finishedAt: '2026-11-26T04:12:00.000Z',
  });
  const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];

  it('opens as CSV with a header, one row per camera, and per-step result and time', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toEqual([
      'Camera ID',
      'CSV line',
      'MAC',
      'Serial',
      'Model',
      'Firmware',
      'IP',
      'Channel ID',
      'Cloud state',
      'Result',
      'Detail',
      'find-or-create-channel',
      'find-or-create-channel at',
      'provisioning-record',
      'provisioning-record at',
    ]);
    expect(rows[1]).toEqual([
      '00408C123456',
      '2',
      '00:40:8c:12:34:56',
      'ACCC8E123456',
      'P1375',
      '11.9.60',
      '198.18.0.10',
      '4711',
      'polling',
      'onboarded',
      'Every step is done.',
      'done',
      '2026-11-26T04:10:00.000Z',
      'done',
      '2026-11-26T04:10:01.000Z',
    ]);
    expect(rows[2]?.slice(9)).toEqual([
      'failed',
      '\'@SUM(A1) the cloud said no, "twice"',
      'failed',
      '2026-11-26T04:11:00.000Z',
      'not started',
      '',
    ]);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    expect(rows[2]?.slice(4, 7)).toEqual(['\'=HYPERLINK("http://evil","click")', "'+1", "'-2"]);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx', 'ok', ''].map(neutraliseCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      "'\rx",
      'ok',
      '',
    ]);
  });

  it('lists rows not onboarded, cameras with no row, and a summary', () => {
    const after = (title: string) => rows[rows.findIndex((row) => row[0] === title) + 1];
    expect(after('Rows of the sheet not onboarded')).toEqual(['', '7', 'Line 7, column mac: 00:40:8C:12:34 is not a MAC address.']);
    expect(after('Cameras on site with no row')).toEqual(['', '00:40:8c:00:00:09', '', "'\t198.18.0.99"]);
    const summary = Object.fromEntries(rows.slice(rows.findIndex((row) => row[0] === 'Summary') + 1).map((row) => [row[0], row[1]]));
    expect(summary).toEqual({
      'Cameras in the job': '2',
      Onboarded: '1',
      Failed: '1',
      'Not finished': '0',
      'Sheet rows not onboarded': '1',
      'Cameras with no row': '1',
      Started: '2026-11-26T04:09:59.000Z',
      Finished: '2026-11-26T04:12:00.000Z',
    });
  });
});

describe('report rows from the job', () => {
  it('take what the camera is from discovery, the result from the job and step times from the ledger', () => {
    const replay = replayLedger(
      `${JSON.stringify({ type: 'step', cameraId: '00408C123456', step: 'provisioning-record', status: 'done', at: '2026-11-26T04:10:01.000Z', attempt: 1, detail: 'ok' })}\n`,
    );
    const device = makeDevice({
      firmware: '11.9.60',
      cloud: { state: 'polling', channelId: 4711, cameraId: '00408C123456', since: null, message: null },
    });
    const [row, missing] = reportCameras(
      [
        { cameraId: '00408C123456', csvLine: 2, device },
        { cameraId: 'GONE', csvLine: 9, device: null },
      ],
      [{ cameraId: '00408C123456', state: 'onboarded', detail: 'Every step is done.' }],
      replay,
    );
    expect(row).toMatchObject({
      mac: '00:40:8c:12:34:56',
      serial: 'ACCC8E123456',
      model: 'P1375',
      firmware: '11.9.60',
      ip: '198.18.0.10',
      channelId: 4711,
      cloudState: 'polling',
      result: 'onboarded',
    });
    expect(row?.steps?.get('provisioning-record')?.at).toBe('2026-11-26T04:10:01.000Z');
    expect(missing).toMatchObject({ cameraId: 'GONE', mac: null, result: 'pending', steps: undefined });
    const input = { steps, cameras: [row!, missing!], rowsNotOnboarded: [], camerasWithoutRow: [], startedAt: null, finishedAt: null };
    const csv = parse(reportCsv(input), { bom: true, relax_column_count: true }) as string[][];
    expect(csv[2]?.slice(9)).toEqual(['pending', '', 'not started', '', 'not started', '']);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OnboardJob } from '../../../../shared/contract/onboard.js';
import { createCore, type Core, type CoreOptions } from '../../../../electron/core/core.js';
import { createMemoryAuditLog } from '../../../../electron/platform/audit-log.js';
import { silentLogger } from '../../../../electron/platform/logger.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../electron/platform/settings.js';
import { startCloudSim, type CloudSim } from '../../../sim/cloud/cloud-sim.js';
import {
  RIG_SECRETS,
  rigCamera,
  rigCameraId,
  rigCsv,
  rigEnv,
  rigSource,
  startRigFleet,
  type RigCamera,
  rigPorts,
} from '../../../support/onboard-rig.js';

let sim: CloudSim | null = null;
let core: Core | null = null;
let stopFleet: (() => void) | null = null;
afterEach(async () => {
  stopFleet?.();
  await core?.close();
  await sim?.close();
  sim = core = stopFleet = null;
});

async function site(count: number, options: { onboarding?: CoreOptions['onboarding']; fleet?: boolean } = {}) {
  sim = await startCloudSim({ host: '127.0.0.1', ...RIG_SECRETS });
  const cameras = Array.from({ length: count }, (_, i) => rigCamera(i + 1));
  const ledgerPath = join(mkdtempSync(join(tmpdir(), 'cf-onboard-')), 'job.jsonl');
  const ports = rigPorts(silentLogger, createMemorySettings(), createMemorySecretStore(), createMemoryAuditLog());
  core = createCore(ports, {
    sources: [rigSource(cameras)],
    via: 'cli',
    env: rigEnv(sim.url),
    cloud: { retry: { attempts: 8, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 50 } },
    onboarding: {
      ledgerPath,
      pollMs: 10,
      tokenWaitMs: 10_000,
      backoff: { baseMs: 5, maxMs: 20 },
      progressEveryMs: 5,
      ...options.onboarding,
    },
  });
  await core.start();
  if (options.fleet !== false) stopFleet = startRigFleet(sim, cameras);
  const events: OnboardJob[] = [];
  core.on('onboard-progress', ({ job }) => events.push(job));
  return { cameras, ledgerPath, events, core };
}

async function finished(c: Core): Promise<OnboardJob> {
  for (;;) {
    const status = await c['onboard.status']({});
    if (!status.ok) throw new Error(status.message);
    const job = status.value.job;
    if (job && ['finished', 'cancelled', 'stopped'].includes(job.progress.state)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const channelsOf = (cameras: readonly RigCamera[]) =>
  cameras.map((c) => [...sim!.state.channels.values()].filter((ch) => ch.meta['rsid'] === rigCameraId(c)).length);

describe('onboarding wired into the core (provision mode against the cloud simulator)', () => {
  it('previews the sheet against the cameras found: matched, bad rows line by line, rows with no camera, cameras with no row', async () => {
    const { cameras, core: c } = await site(4, { fleet: false });
    const csv = rigCsv(cameras.slice(0, 3), ['not-a-mac;pw;Broken', '02:CF:0B:99:99:99;pw;Absent']);
    const preview = await c['onboard.preview']({ csv: { name: 'site.csv', text: csv } });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.matched.map((m) => m.cameraId)).toEqual(cameras.slice(0, 3).map(rigCameraId));
    expect(preview.value.matched.every((m) => m.row?.hasPassword)).toBe(true);
    expect(preview.value.problems).toMatchObject([{ line: 5, column: 'mac' }]);
    expect(preview.value.rowsWithoutCamera.map((r) => r.line)).toEqual([6]);
    expect(preview.value.camerasWithoutRow).toHaveLength(1);
    expect(JSON.stringify(preview.value)).not.toContain('sticker;');
    // Nothing was changed by looking.
    expect(sim!.state.channels.size).toBe(0);
  });

  it('takes the sheet through the contract in every dialect, and hostile sheets as sentences (never a throw, never a change)', async () => {
    const { cameras, core: c } = await site(3, { fleet: false });
    const rows = cameras.map((cam, i) => [cam.mac, i === 1 ? 'multi\nline;pw,"q"' : cam.password, `Cam ${i}`]);
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    for (const delimiter of [',', ';']) {
      for (const bom of ['', '\uFEFF']) {
        const text =
          bom + ['MAC' + delimiter + 'Password' + delimiter + 'Name', ...rows.map((r) => r.map(quote).join(delimiter))].join('\r\n');
        const preview = await c['onboard.preview']({ csv: { name: 's.csv', text } });
        expect(preview.ok && preview.value.matched.map((m) => m.row?.line)).toEqual([2, 3, 5]);
      }
    }
    const hostile = [
      'x'.repeat(10 * 1024 * 1024 + 1),
      '\uFFFD\u0000\u202e;;;\n"unclosed',
      'mac,password\n' + '02:cf:0b:00:00:01,"a""b\n'.repeat(2000),
      'serial;password\n' + 'A;b\n'.repeat(5001),
    ];
    for (const text of hostile) {
      const preview = await c['onboard.preview']({ csv: { name: 'h.csv', text } });
      expect(preview.ok).toBe(true);
      if (!preview.ok) continue;
      expect(preview.value.problems.length).toBeGreaterThan(0);
      for (const problem of preview.value.problems) expect(problem.message).toMatch(/^[A-Z].*[.)]$/s);
    }
    expect(sim!.state.channels.size).toBe(0);
  });

  it('onboards every matched camera: one channel and one record each, online at the end, ledger and report without a password', async () => {
    const { cameras, ledgerPath, events, core: c } = await site(12);
    const csv = rigCsv(cameras, ['02:CF:0B:99:99:99;pw;Absent', '=cmd|calc;x;Evil']);
    const started = await c['onboard.start']({ mode: 'provision', scope: { csv: { name: 'site.csv', text: csv } }, concurrency: 4 });
    expect(started.ok, started.ok ? '' : started.message).toBe(true);
    const job = await finished(c);
    expect(job.progress).toMatchObject({ total: 12, done: 12, failed: 0, state: 'finished' });
    expect(job.cameras.every((cam) => cam.state === 'onboarded' && cam.channelId !== null)).toBe(true);
    expect(channelsOf(cameras)).toEqual(cameras.map(() => 1));
    expect(sim!.state.records.size).toBe(12);
    expect(sim!.state.connections).toHaveLength(12);
    // The closing snapshot follows the job's end (throttled, then once more when the ledger is closed).
    await vi.waitFor(() => expect(events.at(-1)?.progress.state).toBe('finished'));
    expect(events.length).toBeGreaterThan(1);

    const ledger = readFileSync(ledgerPath, 'utf8');
    const report = await c['onboard.report']({});
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    for (const camera of cameras) {
      for (const text of [ledger, report.value.csv, JSON.stringify(events)]) expect(text).not.toContain(camera.password);
    }
    const lines = report.value.csv.split('\r\n');
    expect(lines.filter((l) => l.includes(',onboarded,'))).toHaveLength(12);
    expect(report.value.csv).toContain('no camera with MAC 02:cf:0b:99:99:99 was found on site');
    expect(report.value.csv).not.toMatch(/(^|,)"?=cmd/m);
    expect(report.value.fileName).toMatch(/^onboarding-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
  });

  it('resumes a job a crash left behind: the channel created before the crash is found by its tag, never made twice', async () => {
    const { cameras, ledgerPath, core: c } = await site(3);
    const at = new Date().toISOString();
    const ids = cameras.map(rigCameraId);
    // The ledger as a `kill -9` right after the first camera's channel POST would leave it (torn last line included).
    writeFileSync(
      ledgerPath,
      [
        {
          type: 'job-start',
          jobId: 'job-crashed',
          at,
          mode: 'provision',
          scope: { interfaces: [], subnets: [], csvFile: 'site.csv' },
          settings: {},
          cameras: ids.map((cameraId, i) => ({ cameraId, csvLine: i + 2 })),
        },
        { type: 'step', cameraId: ids[0], step: 'find-or-create-channel', status: 'started', at, attempt: 1, detail: 'Try 1.' },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n{"type":"step","camer',
    );
    sim!.state.addChannel('Camera before the crash', { rsid: ids[0]!, [ids[0]!]: 'rsid' });
    const status = await c['onboard.status']({});
    expect(status.ok && status.value.resumable).toBe(true);
    const fresh = await c['onboard.start']({ mode: 'provision', scope: { csv: { name: 'site.csv', text: rigCsv(cameras) } } });
    expect(fresh.ok ? 'started' : fresh.code).toBe('busy');
    const resumed = await c['onboard.start']({
      mode: 'provision',
      scope: { csv: { name: 'site.csv', text: rigCsv(cameras) } },
      resume: true,
    });
    expect(resumed.ok, resumed.ok ? '' : resumed.message).toBe(true);
    const job = await finished(c);
    expect(job.jobId).toBe('job-crashed');
    expect(job.progress).toMatchObject({ done: 3, failed: 0 });
    expect(channelsOf(cameras)).toEqual([1, 1, 1]);
    expect(sim!.state.count('POST /api/v3/channels/')).toBe(2);
  });

  it('rides out a 429 storm: slower, nothing lost, nothing doubled', async () => {
    const { cameras, core: c } = await site(10);
    sim!.faults.add('*', { kind: 'status', status: 429, retryAfter: '0' }, 40);
    const started = await c['onboard.start']({ mode: 'provision', scope: { csv: { name: 's.csv', text: rigCsv(cameras) } } });
    expect(started.ok).toBe(true);
    const job = await finished(c);
    expect(job.progress).toMatchObject({ done: 10, failed: 0 });
    expect(sim!.faults.take('*'), 'every 429 of the storm was answered').toBeNull();
    expect(channelsOf(cameras)).toEqual(cameras.map(() => 1));
    expect(sim!.state.records.size).toBe(10);
  });

  it('pauses, resumes and cancels; a cancelled job is not offered for resuming', async () => {
    const { cameras, core: c } = await site(6, { fleet: false, onboarding: { tokenWaitMs: 60_000 } });
    const started = await c['onboard.start']({
      mode: 'provision',
      scope: { csv: { name: 's.csv', text: rigCsv(cameras) } },
      concurrency: 1,
    });
    expect(started.ok).toBe(true);
    const paused = await c['onboard.pause']({});
    expect(paused.ok && paused.value.progress.state).toBe('paused');
    const resumed = await c['onboard.resume']({});
    expect(resumed.ok && resumed.value.progress.state).toBe('running');
    const cancelled = await c['onboard.cancel']({});
    expect(cancelled.ok).toBe(true);
    const job = await finished(c);
    expect(job.progress.state).toBe('cancelled');
    expect(job.cameras.some((cam) => cam.state === 'cancelled' || cam.state === 'failed')).toBe(true);
  });

  it('closing the core mid-job leaves the job resumable; a new core resumes it and finishes without duplicates', async () => {
    const { cameras, ledgerPath, core: first } = await site(8, { fleet: false, onboarding: { tokenWaitMs: 60_000 } });
    const csv = { name: 's.csv', text: rigCsv(cameras) };
    expect((await first['onboard.start']({ mode: 'provision', scope: { csv } })).ok).toBe(true);
    while (sim!.state.records.size < 2) await new Promise((r) => setTimeout(r, 10));
    await first.close();
    core = null;
    const ports = rigPorts(silentLogger, createMemorySettings(), createMemorySecretStore(), createMemoryAuditLog());
    core = createCore(ports, {
      sources: [rigSource(cameras)],
      env: rigEnv(sim!.url),
      onboarding: { ledgerPath, pollMs: 10, backoff: { baseMs: 5, maxMs: 20 } },
    });
    await core.start();
    stopFleet = startRigFleet(sim!, cameras);
    const status = await core['onboard.status']({});
    expect(status.ok && status.value.resumable).toBe(true);
    expect((await core['onboard.start']({ mode: 'provision', scope: { csv }, resume: true })).ok).toBe(true);
    const job = await finished(core);
    expect(job.progress).toMatchObject({ done: 8, failed: 0 });
    expect(channelsOf(cameras)).toEqual(cameras.map(() => 1));
    expect(sim!.state.records.size).toBe(8);
  });

  it('refuses provision mode without a sheet, and resuming when the ledger holds no job, with sentences', async () => {
    const { core: c } = await site(1, { fleet: false });
    const noSheet = await c['onboard.start']({ mode: 'provision', scope: {} });
    expect(noSheet.ok ? '' : noSheet.message).toMatch(/sticker password/);
    const nothing = await c['onboard.start']({ mode: 'provision', scope: {}, resume: true });
    expect(nothing.ok ? '' : nothing.message).toMatch(/no job to resume/);
    expect(sim!.state.channels.size).toBe(0);
  });
});

/**
 * Batch onboarding wired into the core (issue #11): `onboard.preview|start|pause|resume|cancel|status|report`
 * and the `onboard-progress` event. The engine (onboarding/job.ts) gets provision mode's cloud steps
 * (onboard-steps.ts); the ledger is a file in the data folder (`onboarding/current.jsonl`) or the `--ledger`
 * path, so after a crash or `kill -9` the same job resumes (`onboard.status` says `resumable`,
 * `onboard.start {resume: true}` carries on; each step is reconciled with the cloud before it is repeated).
 *
 * Secrets: sticker passwords stay in memory (the job camera's `data`, scrubbed from every detail by the
 * engine); the ledger names a password only by its CSV line; views, events and the report carry none.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ParsedArgs } from '../../shared/contract.js';
import type { OnboardCamera, OnboardJob } from '../../shared/contract/onboard.js';
import { cameraId as idFor, cameraIdFormats, type CameraIdFormat } from '../../shared/camera-id.js';
import type { CloudInfo, Device } from '../../shared/device.js';
import { MAX_LEDGER_BYTES, type JobProgress, type OnboardingMode, type StepName } from '../../shared/onboarding.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { openLedgerFile, type LedgerFile } from '../platform/ledger-file.js';
import type { Clock, Logger } from '../platform/ports.js';
import type { CloudService } from './cloud/service.js';
import { provisionSteps, type OnboardCameraData } from './onboard-steps.js';
import { resolveScope, rowView, type ResolvedScope } from './onboard-scope.js';
import { OnboardingJob } from './onboarding/job.js';
import type { JobCamera, JobStep } from './onboarding/job-types.js';
import { emptyReplay, LedgerWriter, replayLedger, type LedgerReplay, type LedgerStore } from './onboarding/ledger.js';
import { reportCsv } from './onboarding/report-csv.js';
import { reportCameras } from './onboarding/report-rows.js';

export interface OnboardingOptions {
  /** The `--ledger FILE`; else `<dataDir>/onboarding/current.jsonl`; neither: in memory (no resume). */
  ledgerPath?: string | null;
  dataDir?: string | null;
  /** Default 8 (the contract allows 1..64 per job). */
  concurrency?: number;
  /** How long a camera may take to fetch its token (default 10 minutes) and how often to look (5 s). */
  tokenWaitMs?: number;
  pollMs?: number;
  /** Back-off between tries (tests shorten it). */
  backoff?: { baseMs: number; maxMs: number };
  maxAttempts?: number;
  /** Least time between two `onboard-progress` events (default 250 ms); the last one is always sent. */
  progressEveryMs?: number;
}

export interface OnboardingWiring {
  clock: Clock;
  log: Logger;
  cloud: CloudService;
  cameras(): Device[];
  device(id: string): Device | null;
  setCloud(id: string, cloud: CloudInfo): void;
  emit(job: OnboardJob): void;
  options: OnboardingOptions;
}

type Data = OnboardCameraData;

/** The camera ID a discovered device goes by: the one the cloud state holds, else the job's format. */
function idOfDevice(device: Device, format: unknown): string | null {
  const known = cameraIdFormats.includes(format as CameraIdFormat) ? (format as CameraIdFormat) : 'mac-plain';
  return device.cloud.cameraId ?? idFor(known, { mac: device.mac, serial: device.serial });
}
type Handler<K extends OnboardCommand> = (args: ParsedArgs<K>) => Promise<Result<OnboardResult<K>>>;
type OnboardCommand =
  'onboard.preview' | 'onboard.start' | 'onboard.pause' | 'onboard.resume' | 'onboard.cancel' | 'onboard.status' | 'onboard.report';
type OnboardResult<K extends OnboardCommand> = K extends 'onboard.preview'
  ? ReturnType<typeof previewValue>
  : K extends 'onboard.status'
    ? { job: OnboardJob | null; resumable: boolean }
    : K extends 'onboard.report'
      ? { csv: string; fileName: string }
      : OnboardJob;

interface Running {
  jobId: string;
  mode: OnboardingMode;
  job: OnboardingJob<Data>;
  cameras: JobCamera<Data>[];
  steps: readonly StepName[];
  store: LedgerStore & { close(): Promise<void> };
  scope: ResolvedScope | null;
  channels: Map<string, number>;
  current: Map<string, { step: StepName; at: string }>;
  done: Promise<void>;
  finished: boolean;
}

const STEPS_BY_MODE: Record<OnboardingMode, readonly StepName[]> = {
  provision: ['find-or-create-channel', 'provisioning-record', 'wait-for-token'],
  'write-token': ['identify', 'find-or-create-channel', 'write-token', 'read-back-token', 'restart', 'confirm-online'],
};

function previewValue(scope: ResolvedScope) {
  return {
    problems: scope.problems,
    matched: scope.cameras.map((c) => ({ row: c.row ? rowView(c.row) : null, deviceId: c.device.id, cameraId: c.cameraId })),
    rowsWithoutCamera: scope.rowsWithoutCamera.map(({ row }) => rowView(row)),
    camerasWithoutRow: scope.camerasWithoutRow.map((d) => d.id),
  };
}

/** An in-memory ledger for a core with no data folder (browser tests, `--no-settings` without `--ledger`). */
function memoryStore(): LedgerStore & { close(): Promise<void> } {
  let text = '';
  return {
    append: async (lines) => void (text += `${lines}\n`),
    readAll: async () => text,
    close: async () => undefined,
  };
}

export function createOnboarding(w: OnboardingWiring) {
  const o = w.options;
  const ledgerPath = o.ledgerPath ?? (o.dataDir ? join(o.dataDir, 'onboarding', 'current.jsonl') : null);
  const explicitLedger = Boolean(o.ledgerPath);
  const memory = ledgerPath ? null : memoryStore();
  let run: Running | null = null;
  let emitTimer: (() => void) | null = null;
  let lastEmit = 0;

  const readLedger = async (): Promise<LedgerReplay> => {
    if (memory) return replayLedger(await memory.readAll());
    try {
      const info = await stat(ledgerPath!);
      if (info.size > MAX_LEDGER_BYTES) return emptyReplay();
      return replayLedger(await readFile(ledgerPath!, 'utf8'));
    } catch {
      return emptyReplay();
    }
  };

  const openStore = async (): Promise<LedgerStore & { close(): Promise<void> }> => {
    if (memory) return memory;
    const file: LedgerFile = await openLedgerFile(ledgerPath!);
    return file;
  };

  const cameraView = (r: Running, state: OnboardCamera['state'], detail: string, camera: JobCamera<Data>): OnboardCamera => {
    const device = camera.data.deviceId ? w.device(camera.data.deviceId) : null;
    const current = r.current.get(camera.cameraId);
    return {
      cameraId: camera.cameraId,
      deviceId: device?.id ?? null,
      csvLine: camera.csvLine,
      mac: device?.mac ?? camera.data.mac,
      serial: device?.serial ?? null,
      model: device?.model ?? null,
      firmware: device?.firmware ?? null,
      ip: device?.ip ?? null,
      channelId: r.channels.get(camera.cameraId) ?? device?.cloud.channelId ?? null,
      state,
      step: current?.step ?? null,
      message: detail.slice(0, 2048),
      updatedAt: current?.at ?? null,
    };
  };

  const view = (r: Running): OnboardJob => {
    const states = new Map(r.job.cameras().map((c) => [c.cameraId, c]));
    return {
      jobId: r.jobId,
      mode: r.mode,
      ledgerPath,
      progress: r.job.progress(),
      cameras: r.cameras.map((camera) => {
        const result = states.get(camera.cameraId);
        return cameraView(r, result?.state ?? 'pending', result?.detail ?? '', camera);
      }),
    };
  };

  /** A job known only from the ledger (after a restart): each camera's state from its recorded steps. */
  const ledgerView = (replay: LedgerReplay): OnboardJob | null => {
    const start = replay.start;
    if (!start) return null;
    const steps = STEPS_BY_MODE[start.mode];
    const devices = w.cameras();
    const cameras: OnboardCamera[] = start.cameras.map(({ cameraId, csvLine }) => {
      const recorded = replay.steps.get(cameraId);
      const all = steps.map((step) => recorded?.get(step));
      const lastRecorded = [...steps].reverse().find((step) => recorded?.has(step));
      const last = lastRecorded ? recorded!.get(lastRecorded)! : null;
      const state = all.every((s) => s?.status === 'done') ? 'onboarded' : last?.status === 'failed' ? 'failed' : 'pending';
      const device = devices.find((d) => idOfDevice(d, start.settings['idFormat']) === cameraId) ?? null;
      return {
        cameraId,
        deviceId: device?.id ?? null,
        csvLine,
        mac: device?.mac ?? null,
        serial: device?.serial ?? null,
        model: device?.model ?? null,
        firmware: device?.firmware ?? null,
        ip: device?.ip ?? null,
        channelId: device?.cloud.channelId ?? null,
        state,
        step: lastRecorded ?? null,
        message: last?.detail ?? '',
        updatedAt: last?.at ?? null,
      };
    });
    const count = (state: OnboardCamera['state']) => cameras.filter((c) => c.state === state).length;
    const progress: JobProgress = {
      total: cameras.length,
      done: count('onboarded'),
      failed: count('failed'),
      running: 0,
      waiting: 0,
      pending: count('pending'),
      ratePerMinute: 0,
      etaMs: null,
      state: replay.end ? (replay.end.outcome === 'finished' ? 'finished' : replay.end.outcome) : 'stopped',
    };
    return { jobId: start.jobId, mode: start.mode, ledgerPath, progress, cameras };
  };

  const emitNow = () => {
    emitTimer?.();
    emitTimer = null;
    lastEmit = w.clock.now();
    if (run) w.emit(view(run));
  };
  /** Progress changes per camera per step; the front doors get at most one snapshot per interval. */
  const emitSoon = () => {
    if (emitTimer) return;
    const every = o.progressEveryMs ?? 250;
    const wait = Math.max(0, lastEmit + every - w.clock.now());
    emitTimer = w.clock.setTimeout(() => {
      emitTimer = null;
      emitNow();
    }, wait);
  };

  const describeCamera = (
    cameraId: string,
    device: Device | null,
    password: string | null,
    name: string | null,
  ): JobCamera<Data>['data'] => ({
    cameraId,
    deviceId: device?.id ?? null,
    mac: device?.mac ? device.mac.toUpperCase() : null,
    name,
    password,
  });

  async function start(args: ParsedArgs<'onboard.start'>): Promise<Result<OnboardJob>> {
    if (run && !run.finished) return fail('busy', 'An onboarding job is already running; pause, cancel or wait for it to finish.');
    const jobClients = await w.cloud.jobClients();
    if ('missing' in jobClients) return fail('unavailable', jobClients.missing);
    const replay = await readLedger();
    const resuming = args.resume === true;
    if (resuming && !replay.start) return fail('not-found', `There is no job to resume in ${ledgerPath ?? 'memory'}; start a new one.`);
    if (resuming && replay.start!.mode !== args.mode) {
      return fail(
        'invalid-args',
        `The job in the ledger runs in ${replay.start!.mode} mode; resume it in that mode or start a new job with another ledger.`,
      );
    }
    if (!resuming && replay.start) {
      if (!replay.end) return fail('busy', `An unfinished job is in the ledger ${ledgerPath ?? ''}: resume it, or cancel it first.`);
      if (explicitLedger)
        return fail('invalid-args', `The ledger ${ledgerPath} holds a finished job; resume it, or give another ledger file for a new job.`);
      // The default ledger: the finished job's file keeps its id, the new job starts a fresh current.jsonl.
      if (ledgerPath) await rename(ledgerPath, join(dirname(ledgerPath), `${replay.start.jobId.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonl`));
    }
    const mode = args.mode;
    if (mode === 'write-token') {
      return fail(
        'unavailable',
        'Write-token mode is not available in this build yet: writing tokens onto cameras (issue 9) is still being wired. Use provision mode.',
      );
    }
    const scope = resolveScope(w.cameras(), args.scope, jobClients.idFormat, mode === 'provision');
    if (!resuming && mode === 'provision' && !scope.hasCsv) {
      return fail('invalid-args', "Provision mode needs the technician's sheet: each camera's sticker password comes from its row.");
    }

    let cameras: JobCamera<Data>[];
    if (resuming) {
      const byId = new Map(scope.cameras.map((c) => [c.cameraId, c]));
      const devicesById = new Map<string, Device>();
      for (const device of w.cameras()) {
        const id = idOfDevice(device, replay.start!.settings['idFormat']);
        if (id) devicesById.set(id, device);
      }
      cameras = replay.start!.cameras.map(({ cameraId, csvLine }) => {
        const scoped = byId.get(cameraId);
        // The row at the recorded line, if the sheet given now still names this camera there.
        const row = scoped?.row ?? scope.rows.find((r) => r.line === csvLine && (r.id === null || r.id === cameraId)) ?? null;
        const device = scoped?.device ?? devicesById.get(cameraId) ?? null;
        const password = row?.password ?? null;
        return {
          cameraId,
          csvLine,
          data: describeCamera(cameraId, device, password, row?.name ?? null),
          ...(password ? { secrets: [password] } : {}),
        };
      });
    } else {
      cameras = scope.cameras.map(({ cameraId, device, row }) => {
        const password = row?.password ?? null;
        return {
          cameraId,
          csvLine: row?.line ?? null,
          data: describeCamera(cameraId, device, password, row?.name ?? null),
          ...(password ? { secrets: [password] } : {}),
        };
      });
    }

    let store: LedgerStore & { close(): Promise<void> };
    try {
      store = await openStore();
    } catch (error) {
      return fail('busy', error instanceof Error ? error.message : String(error));
    }
    const jobId = resuming ? replay.start!.jobId : randomUUID();
    const channels = new Map<string, number>();
    const current = new Map<string, { step: StepName; at: string }>();
    const steps: JobStep<Data>[] = provisionSteps({
      clients: jobClients.clients,
      clock: w.clock,
      channels,
      setCloud: w.setCloud,
      tokenWaitMs: o.tokenWaitMs ?? 10 * 60_000,
      pollMs: o.pollMs ?? 5_000,
    });
    const job = new OnboardingJob<Data>(
      {
        describe: {
          jobId,
          mode,
          scope: {
            interfaces: args.scope.interfaces ?? [],
            subnets: args.scope.subnets ?? [],
            csvFile: args.scope.csv?.name ?? null,
          },
          settings: { concurrency: args.concurrency ?? o.concurrency ?? 8, idFormat: jobClients.idFormat },
        },
        cameras,
        steps,
        concurrency: args.concurrency ?? o.concurrency ?? 8,
        ...(o.backoff ? { backoff: o.backoff } : {}),
        ...(o.maxAttempts ? { maxAttempts: o.maxAttempts } : {}),
        onProgress: () => emitSoon(),
        onStep: (event) => {
          current.set(event.cameraId, { step: event.step, at: event.at });
        },
      },
      new LedgerWriter(store),
      resuming ? replay : emptyReplay(),
      w.clock,
    );
    const running: Running = {
      jobId,
      mode,
      job,
      cameras,
      steps: STEPS_BY_MODE[mode],
      store,
      scope,
      channels,
      current,
      finished: false,
      done: Promise.resolve(),
    };
    running.done = job
      .run()
      .then((summary) => w.log.info('onboarding job ended', { jobId, outcome: summary.outcome, detail: summary.detail }))
      .catch((error: unknown) => w.log.error('onboarding job crashed', { jobId, error: String(error) }))
      .finally(async () => {
        running.finished = true;
        await store.close().catch(() => undefined);
        emitNow();
      });
    run = running;
    return ok(view(running));
  }

  const report = async (): Promise<Result<{ csv: string; fileName: string }>> => {
    const replay = run && !memory ? replayLedger(await run.store.readAll().catch(() => '')) : await readLedger();
    const start = replay.start;
    if (!start && !run) return fail('not-found', 'No onboarding job to report on yet.');
    const steps = STEPS_BY_MODE[run?.mode ?? start!.mode];
    const job = run ? view(run) : ledgerView(replay)!;
    const devices = new Map(w.cameras().map((d) => [d.id, d]));
    const sources = job.cameras.map((c) => ({
      cameraId: c.cameraId,
      csvLine: c.csvLine,
      device: c.deviceId ? (devices.get(c.deviceId) ?? null) : null,
    }));
    const results = job.cameras.map((c) => ({ cameraId: c.cameraId, state: c.state, detail: c.message }));
    const cameras = reportCameras(sources, results, replay).map((camera) => ({
      ...camera,
      channelId: camera.channelId ?? job.cameras.find((c) => c.cameraId === camera.cameraId)?.channelId ?? null,
    }));
    const scope = run?.scope ?? null;
    const rowsNotOnboarded = [
      ...(scope?.problems ?? []).map((p) => ({ line: p.line, reason: p.message })),
      ...(scope?.rowsWithoutCamera ?? []).map((r) => ({ line: r.row.line, reason: r.reason })),
    ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const csv = reportCsv({
      steps,
      cameras,
      rowsNotOnboarded,
      camerasWithoutRow: (scope?.camerasWithoutRow ?? []).map((d) => ({ mac: d.mac, serial: d.serial, ip: d.ip })),
      startedAt: start?.at ?? null,
      finishedAt: replay.end?.at ?? null,
    });
    const day = new Date(w.clock.now()).toISOString().slice(0, 10);
    return ok({ csv, fileName: `onboarding-${day}-${job.jobId.slice(0, 8)}.csv` });
  };

  const handlers: { [K in OnboardCommand]: Handler<K> } = {
    'onboard.preview': async (scope) => {
      const { idFormat } = await w.cloud.jobClients();
      return ok(previewValue(resolveScope(w.cameras(), scope, idFormat, false)));
    },
    'onboard.start': start,
    'onboard.pause': async () => {
      if (!run || run.finished) return fail('not-found', 'No onboarding job is running.');
      run.job.pause();
      return ok(view(run));
    },
    'onboard.resume': async () => {
      if (!run || run.finished)
        return fail('not-found', 'No onboarding job is running; to carry on after a restart, start it with "resume".');
      run.job.resume();
      return ok(view(run));
    },
    'onboard.cancel': async () => {
      if (run && !run.finished) {
        run.job.cancel();
        return ok(view(run));
      }
      // An unfinished job left in the ledger by a crash: cancelling closes it, so it is no longer offered.
      const replay = await readLedger();
      if (!replay.start || replay.end) return fail('not-found', 'No onboarding job to cancel.');
      const store = await openStore().catch((error: unknown) => error as Error);
      if (store instanceof Error) return fail('busy', store.message);
      try {
        await new LedgerWriter(store).write({
          type: 'job-end',
          at: new Date(w.clock.now()).toISOString(),
          outcome: 'cancelled',
          detail: 'Cancelled after a restart.',
        });
      } finally {
        await store.close();
      }
      return ok(ledgerView(await readLedger())!);
    },
    'onboard.status': async () => {
      if (run) return ok({ job: view(run), resumable: false });
      const replay = await readLedger();
      const job = ledgerView(replay);
      return ok({ job, resumable: job !== null && (replay.end === null || replay.end.outcome === 'stopped') });
    },
    'onboard.report': report,
  };

  return {
    handlers,
    /** Settles when the running job (if any) has ended and its ledger is closed. */
    idle: () => run?.done ?? Promise.resolve(),
    async close() {
      emitTimer?.();
      if (run && !run.finished) {
        run.job.cancel();
        await run.done;
      }
    },
  };
}

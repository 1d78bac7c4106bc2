/**
 * Batch onboarding wired into the core (issue #11): `onboard.preview|start|pause|resume|cancel|status|report`
 * and the `onboard-progress` event. The engine (onboarding/job.ts) gets each mode's steps (onboard-plan.ts); the
 * ledger is a file in the data folder (`onboarding/current.jsonl`) or the `--ledger` path (onboard-ledger-store.ts),
 * so after a crash or `kill -9` the same job resumes (`onboard.status` says `resumable`, `onboard.start
 * {resume: true}` carries on, onboard-start.ts; each step is reconciled with the cloud before it is repeated).
 * Snapshots: onboard-views.ts; the handover CSV: onboard-report.ts.
 *
 * Secrets: sticker passwords stay in memory (the job camera's `data`, scrubbed from every detail by the
 * engine); the ledger names a password only by its CSV line; views, events and the report carry none.
 */
import type { ParsedArgs } from '../../shared/contract.js';
import type { OnboardJob } from '../../shared/contract/onboard.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { LedgerWriter } from './onboarding/ledger.js';
import { ledgerAccess } from './onboard-ledger-store.js';
import { onboardReport } from './onboard-report.js';
import { resolveScope } from './onboard-scope.js';
import { startJob } from './onboard-start.js';
import type { OnboardingWiring, Running } from './onboard-types.js';
import { jobView, ledgerView, previewValue } from './onboard-views.js';

export type { OnboardingOptions, OnboardingWiring } from './onboard-types.js';

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

export function createOnboarding(w: OnboardingWiring) {
  const o = w.options;
  const ledger = ledgerAccess(o);
  const ledgerPath = ledger.path;
  let run: Running | null = null;
  let emitTimer: (() => void) | null = null;
  let lastEmit = 0;

  const view = (r: Running): OnboardJob => jobView(r, (id) => w.device(id), ledgerPath);
  const fromLedger = async () => ledgerView(await ledger.read(), w.cameras(), ledgerPath);

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

  async function start(args: ParsedArgs<'onboard.start'>): Promise<Result<OnboardJob>> {
    const started = await startJob({ w, ledger, running: () => run, adopt: (r) => void (run = r), emitSoon, emitNow }, args);
    return started.ok ? ok(view(started.value)) : started;
  }

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
      const replay = await ledger.read();
      if (!replay.start || replay.end) return fail('not-found', 'No onboarding job to cancel.');
      const store = await ledger.open().catch((error: unknown) => error as Error);
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
      return ok((await fromLedger())!);
    },
    'onboard.status': async () => {
      if (run) return ok({ job: view(run), resumable: false });
      const replay = await ledger.read();
      const job = ledgerView(replay, w.cameras(), ledgerPath);
      return ok({ job, resumable: job !== null && (replay.end === null || replay.end.outcome === 'stopped') });
    },
    'onboard.report': () => onboardReport({ w, ledger, run, view }),
  };

  return {
    handlers,
    /** Settles when the running job (if any) has ended and its ledger is closed. */
    idle: () => run?.done ?? Promise.resolve(),
    async close() {
      emitTimer?.();
      // Closing the app is not cancelling the job: it stays open-ended in the ledger and resumes next time.
      if (run && !run.finished) {
        run.job.stop('Camera Finder was closed during the job; start it again to resume.');
        await run.done;
      }
    },
  };
}

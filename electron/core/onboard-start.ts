/**
 * `onboard.start`: plan the job for its mode, check the ledger (resume the job in it, refuse to start over an
 * unfinished one, move a finished default ledger aside), resolve the scope, and set the engine running with the
 * ledger as its journal. A resumed job keeps its id and cameras; each step is reconciled with the cloud before it
 * is repeated (in the steps, not here).
 */
import { randomUUID } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ParsedArgs } from '../../shared/contract.js';
import type { StepName } from '../../shared/onboarding.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { OnboardingJob } from './onboarding/job.js';
import type { JobCamera } from './onboarding/job-types.js';
import { emptyReplay, LedgerWriter } from './onboarding/ledger.js';
import type { LedgerAccess } from './onboard-ledger-store.js';
import { newJobCameras, resumedJobCameras } from './onboard-cameras.js';
import { planJob } from './onboard-plan.js';
import { resolveScope, scopeDevices } from './onboard-scope.js';
import { STEPS_BY_MODE, type ClosableStore, type Data, type OnboardingWiring, type Running } from './onboard-types.js';
import { idOfDevice } from './onboard-views.js';

export interface StartContext {
  w: OnboardingWiring;
  ledger: LedgerAccess;
  /** The job this core holds, if any. */
  running(): Running | null;
  /** Makes `r` the core's job; called before the engine can end, so its last progress event names it. */
  adopt(r: Running): void;
  emitSoon(): void;
  emitNow(): void;
}

export async function startJob(ctx: StartContext, args: ParsedArgs<'onboard.start'>): Promise<Result<Running>> {
  const { w, ledger } = ctx;
  const o = w.options;
  const ledgerPath = ledger.path;
  const run = ctx.running();
  // A job that has ended may still be closing its ledger: wait for that rather than refuse.
  if (run && !run.finished && ['finished', 'cancelled', 'stopped'].includes(run.job.progress().state)) await run.done;
  if (run && !run.finished) return fail('busy', 'An onboarding job is already running; pause, cancel or wait for it to finish.');
  const mode = args.mode;
  const planned = await planJob(w, mode);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const replay = await ledger.read();
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
    if (ledger.explicit)
      return fail('invalid-args', `The ledger ${ledgerPath} holds a finished job; resume it, or give another ledger file for a new job.`);
    // The default ledger: the finished job's file keeps its id, the new job starts a fresh current.jsonl.
    if (ledgerPath) await rename(ledgerPath, join(dirname(ledgerPath), `${replay.start.jobId.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonl`));
  }
  if (mode === 'write-token' && !resuming && w.identify) {
    // The camera ID comes from the MAC or serial, which a login often reveals first (ONVIF, VAPIX).
    const unknown = scopeDevices(w.cameras(), args.scope).filter((d) => idOfDevice(d, plan.idFormat) === null);
    if (unknown.length) await w.identify(unknown.map((d) => d.id));
  }
  const scope = resolveScope(w.cameras(), args.scope, plan.idFormat, mode === 'provision');
  if (!resuming && mode === 'provision' && !scope.hasCsv) {
    return fail('invalid-args', "Provision mode needs the technician's sheet: each camera's sticker password comes from its row.");
  }

  const cameras: JobCamera<Data>[] = resuming ? resumedJobCameras(replay.start!, scope, w.cameras()) : newJobCameras(scope);

  let store: ClosableStore;
  try {
    store = await ledger.open();
  } catch (error) {
    return fail('busy', error instanceof Error ? error.message : String(error));
  }
  const jobId = resuming ? replay.start!.jobId : randomUUID();
  const channels = new Map<string, number>();
  const current = new Map<string, { step: StepName; at: string }>();
  const steps = plan.steps(channels);
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
        settings: { concurrency: args.concurrency ?? o.concurrency ?? 8, idFormat: plan.idFormat },
      },
      cameras,
      steps,
      concurrency: args.concurrency ?? o.concurrency ?? 8,
      ...(o.backoff ? { backoff: o.backoff } : {}),
      ...(o.maxAttempts ? { maxAttempts: o.maxAttempts } : {}),
      onProgress: () => ctx.emitSoon(),
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
      ctx.emitNow();
    });
  ctx.adopt(running);
  return ok(running);
}

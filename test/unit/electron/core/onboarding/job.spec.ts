/** The job engine on a fake clock: concurrency, back-off, the cloud's 429, pause/resume/cancel, progress. */
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, OnboardingJob } from '../../../../../electron/core/onboarding/job.js';
import type { JobOptions, JobStep, StepOutcome } from '../../../../../electron/core/onboarding/job-types.js';
import { LedgerWriter, emptyReplay, replayLedger } from '../../../../../electron/core/onboarding/ledger.js';
import type { JobProgress } from '../../../../../shared/onboarding.js';

import { KillableStore, StepClock as FakeClock, cameras, describeJob } from './job-fixture.js';

type Run = (cameraId: string, attempt: number) => StepOutcome;

/** One step that takes `ms` on the clock and answers with `outcome`; records when each try started. */
function timedStep(clock: FakeClock, ms: number, outcome: Run = () => ({ status: 'done', detail: 'Done.' })) {
  const starts: { cameraId: string; at: number }[] = [];
  const reconciled: string[] = [];
  let active = 0;
  let peak = 0;
  const step: JobStep<null> = {
    name: 'provisioning-record',
    run: async ({ camera, attempt }) => {
      starts.push({ cameraId: camera.cameraId, at: clock.now() });
      active += 1;
      peak = Math.max(peak, active);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
      active -= 1;
      return outcome(camera.cameraId, attempt);
    },
    reconcile: async ({ camera }) => {
      reconciled.push(camera.cameraId);
      return { status: 'not-done' };
    },
  };
  return { step, starts, reconciled, peak: () => peak };
}

function makeJob(clock: FakeClock, step: JobStep<null>, count: number, extra: Partial<JobOptions<null>> = {}) {
  const store = new KillableStore();
  const progress: JobProgress[] = [];
  const job = new OnboardingJob(
    { describe: describeJob, cameras: cameras(count), steps: [step], onProgress: (p) => progress.push(p), ...extra },
    new LedgerWriter(store),
    emptyReplay(),
    clock,
  );
  return { job, store, progress, done: job.run() };
}

describe('OnboardingJob', () => {
  it('lets a step that only waits (for the camera to fetch its token) hold no slot: every camera waits at once', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 1000);
    const { job, done, progress } = makeJob(clock, { ...timed.step, waits: true }, 20, { concurrency: 2 });
    await clock.advance(1);
    expect(timed.peak()).toBe(20);
    expect(progress.at(-1)).toMatchObject({ waiting: 20, running: 0 });
    await clock.advance(2000);
    expect((await done).outcome).toBe('finished');
    expect(job.peakConcurrency).toBe(0);
  });

  it('never runs more steps at once than the limit, and uses the whole limit', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 100);
    const { job, done } = makeJob(clock, timed.step, 30, { concurrency: 3 });
    await clock.advance(10_000);
    const summary = await done;
    expect(summary.outcome).toBe('finished');
    expect(timed.peak()).toBe(3);
    expect(job.peakConcurrency).toBe(3);
    // 30 cameras, 3 at a time, 100 ms each: ten waves.
    expect(Math.max(...timed.starts.map((start) => start.at)) - timed.starts[0]!.at).toBe(900);
  });

  it('defaults to 8 at once', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 50);
    const { done } = makeJob(clock, timed.step, 20);
    await clock.advance(1000);
    await done;
    expect(timed.peak()).toBe(8);
  });

  it('retries a failed step with doubling back-off, reconciling before each retry', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 10, (_id, attempt) =>
      attempt < 3 ? { status: 'failed', detail: `The cloud timed out (try ${attempt}).` } : { status: 'done', detail: 'Record in place.' },
    );
    const { done, store } = makeJob(clock, timed.step, 1, { backoff: { baseMs: 1000, maxMs: 60_000 } });
    await clock.advance(60_000);
    const summary = await done;
    expect(summary.cameras[0]?.state).toBe('onboarded');
    const t0 = timed.starts[0]!.at;
    expect(timed.starts.map((start) => start.at - t0)).toEqual([0, 10 + 1000, 10 + 1000 + 10 + 2000]);
    expect(timed.reconciled).toHaveLength(2);
    expect(replayLedger(store.text).steps.get(cameras(1)[0]!.cameraId)?.get('provisioning-record')).toMatchObject({
      status: 'done',
      attempt: 3,
    });
  });

  it('gives a camera up after maxAttempts, or at once when the failure is not retryable, and goes on with the rest', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 10, (id) =>
      id.endsWith('00')
        ? { status: 'failed', detail: 'The cloud timed out.' }
        : id.endsWith('01')
          ? { status: 'failed', detail: 'The camera refused the password.', retryable: false }
          : { status: 'done', detail: 'ok' },
    );
    const { done } = makeJob(clock, timed.step, 3, { maxAttempts: 3, backoff: { baseMs: 100, maxMs: 100 } });
    await clock.advance(10_000);
    const summary = await done;
    expect(summary.cameras.map((camera) => [camera.state, camera.detail])).toEqual([
      ['failed', 'The cloud timed out.'],
      ['failed', 'The camera refused the password.'],
      ['onboarded', 'Every step is done.'],
    ]);
    expect(timed.starts.filter((start) => start.cameraId.endsWith('00'))).toHaveLength(3);
    expect(timed.starts.filter((start) => start.cameraId.endsWith('01'))).toHaveLength(1);
    expect(summary.detail).toBe('Finished: 1 of 3 cameras onboarded, 2 failed.');
  });

  it('honours the cloud’s Retry-After: no camera starts a step before it passes, and it costs no retry', async () => {
    const clock = new FakeClock();
    let limited = 3;
    const timed = timedStep(clock, 10, () =>
      limited-- > 0 ? { status: 'failed', detail: 'The cloud asks to slow down.', retryAfterMs: 5000 } : { status: 'done', detail: 'ok' },
    );
    const { done } = makeJob(clock, timed.step, 4, { concurrency: 1, maxAttempts: 1 });
    await clock.advance(60_000);
    const summary = await done;
    expect(summary.cameras.every((camera) => camera.state === 'onboarded')).toBe(true);
    const t0 = timed.starts[0]!.at;
    // Each 429 answer holds every camera for 5 s after it arrived.
    expect(timed.starts.map((start) => start.at - t0)).toEqual([0, 5010, 10_020, 15_030, 15_040, 15_050, 15_060]);
  });

  it('caps a Retry-After that would park the job for days at ten minutes', async () => {
    const clock = new FakeClock();
    let limited = 1;
    const timed = timedStep(clock, 10, () =>
      limited-- > 0 ? { status: 'failed', detail: 'Slow down.', retryAfterMs: 9e12 } : { status: 'done', detail: 'ok' },
    );
    const { done } = makeJob(clock, timed.step, 1);
    await clock.advance(MAX_RETRY_AFTER_MS + 100);
    expect((await done).outcome).toBe('finished');
    expect(timed.starts[1]!.at - timed.starts[0]!.at).toBe(10 + MAX_RETRY_AFTER_MS);
  });

  it('pauses between steps, resumes, and leaves paused time out of the rate', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 1000);
    const { job, done } = makeJob(clock, timed.step, 10, { concurrency: 1 });
    await clock.advance(2500);
    job.pause();
    await clock.advance(1000); // the step in flight finishes
    const startedBeforePause = timed.starts.length;
    expect(job.progress()).toMatchObject({ state: 'paused', done: 3, pending: 7 });
    const rateWhenPaused = job.progress().ratePerMinute;
    await clock.advance(60_000);
    expect(timed.starts).toHaveLength(startedBeforePause);
    // 3 cameras in 2.5 s of running time, however long the pause.
    expect(rateWhenPaused).toBe(72);
    expect(job.progress().ratePerMinute).toBe(72);
    job.resume();
    await clock.advance(7000);
    const summary = await done;
    expect(summary.outcome).toBe('finished');
    expect(timed.starts).toHaveLength(10);
  });

  it('reports done, waiting, rate and ETA as the job goes', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 1000, (id, attempt) =>
      id.endsWith('09') && attempt === 1 ? { status: 'failed', detail: 'Try again.' } : { status: 'done', detail: 'ok' },
    );
    const { job, done, progress } = makeJob(clock, timed.step, 10, { concurrency: 1, backoff: { baseMs: 500, maxMs: 500 } });
    await clock.advance(2000);
    expect(job.progress()).toMatchObject({
      total: 10,
      done: 2,
      failed: 0,
      running: 1,
      pending: 7,
      ratePerMinute: 60,
      etaMs: 8000,
      state: 'running',
    });
    await clock.advance(8000);
    expect(job.progress()).toMatchObject({ done: 9, waiting: 1 });
    await clock.advance(2000);
    await done;
    expect(progress.at(-1)).toMatchObject({ done: 10, failed: 0, waiting: 0, pending: 0, etaMs: 0, state: 'finished' });
  });

  it('cancel stops new steps, records the ones in flight, and ends the ledger as cancelled', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 1000);
    const { job, done, store } = makeJob(clock, timed.step, 10, { concurrency: 2 });
    await clock.advance(1500);
    job.cancel();
    await clock.advance(5000);
    const summary = await done;
    expect(summary.outcome).toBe('cancelled');
    expect(summary.cameras.filter((camera) => camera.state === 'onboarded')).toHaveLength(4);
    expect(summary.cameras.filter((camera) => camera.state === 'cancelled')).toHaveLength(6);
    const replay = replayLedger(store.text);
    expect(replay.end?.outcome).toBe('cancelled');
    expect([...replay.steps.values()].filter((steps) => steps.get('provisioning-record')?.status === 'done')).toHaveLength(4);
    expect([...replay.steps.values()].some((steps) => steps.get('provisioning-record')?.status === 'started')).toBe(false);
  });

  it('cancel while paused ends the job at once, and resume after cancel changes nothing', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 1000);
    const { job, done } = makeJob(clock, timed.step, 5, { concurrency: 1 });
    await clock.advance(500);
    job.pause();
    await clock.advance(600);
    job.cancel();
    job.resume();
    const summary = await done;
    expect(summary.outcome).toBe('cancelled');
    expect(summary.cameras.map((camera) => camera.state)).toEqual(['onboarded', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(timed.starts).toHaveLength(1);
  });

  it('never writes a camera’s password to the ledger or its events, even when a step repeats it', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 1, (id) => ({
      status: 'failed',
      detail: `Camera ${id} refused sticker-0 as password.`,
      retryable: false,
    }));
    const events: string[] = [];
    const { done, store } = makeJob(clock, timed.step, 1, { onStep: (event) => events.push(event.detail) });
    await clock.advance(100);
    const summary = await done;
    expect(store.text).not.toContain('sticker-0');
    expect(events.join(' ')).not.toContain('sticker-0');
    expect(summary.cameras[0]?.detail).toBe('Camera 00408C000000 refused *** as password.');
  });

  it('turns a step that throws into a failed try with a sentence', async () => {
    const clock = new FakeClock();
    const step: JobStep<null> = {
      name: 'write-token',
      run: () => Promise.reject(new Error('socket hang up')),
      reconcile: () => Promise.resolve({ status: 'not-done' }),
    };
    const { done } = makeJob(clock, step, 1, { maxAttempts: 1 });
    await clock.advance(100);
    expect((await done).cameras[0]?.detail).toBe('An unexpected error while running this step: socket hang up.');
  });

  it('stops, without touching any camera, when the ledger cannot be written', async () => {
    const clock = new FakeClock();
    const timed = timedStep(clock, 10);
    const store = new KillableStore(1);
    const job = new OnboardingJob(
      { describe: describeJob, cameras: cameras(3), steps: [timed.step] },
      new LedgerWriter(store),
      emptyReplay(),
      clock,
    );
    const summary = await job.run();
    expect(summary.outcome).toBe('stopped');
    expect(summary.detail).toBe("The job's ledger could not be written (the process was killed); nothing was changed.");
    expect(timed.starts).toEqual([]);
  });
});

/**
 * Crash safety: the process is killed at every ledger append in turn (before a step starts, after its effect
 * but before "done" is written, mid-line…), then the same job is replayed and resumed. Every run must end
 * exactly like an uninterrupted one: every camera onboarded, each channel/record/token made exactly once.
 */
import { describe, expect, it } from 'vitest';
import { OnboardingJob } from '../../../../../electron/core/onboarding/job.js';
import { LedgerWriter, emptyReplay, replayLedger } from '../../../../../electron/core/onboarding/ledger.js';
import { FakeClock } from '../../../../support/fake-udp.js';
import { KillableStore, WRITE_TOKEN_STEPS, World, cameras, describeJob } from './job-fixture.js';

const CAMERAS = cameras(5);

async function runOnce(world: World, store: KillableStore, concurrency = 3) {
  const replay = replayLedger(await store.readAll());
  const job = new OnboardingJob(
    { describe: describeJob, cameras: CAMERAS, steps: world.steps(), concurrency },
    new LedgerWriter(store),
    replay,
    new FakeClock(),
  );
  return job.run();
}

function expectExactlyOnce(world: World) {
  for (const camera of CAMERAS)
    for (const step of WRITE_TOKEN_STEPS) expect(world.count(camera.cameraId, step), `${camera.cameraId} ${step}`).toBe(1);
}

function expectAllDone(text: string) {
  const replay = replayLedger(text);
  for (const camera of CAMERAS) {
    for (const step of WRITE_TOKEN_STEPS) expect(replay.steps.get(camera.cameraId)?.get(step)?.status).toBe('done');
  }
  expect(replay.end?.outcome).toBe('finished');
}

describe('a job killed at any step boundary resumes to the same end', () => {
  it('runs uninterrupted as the reference', async () => {
    const world = new World();
    const store = new KillableStore();
    const summary = await runOnce(world, store);
    expect(summary.outcome).toBe('finished');
    expect(summary.cameras.every((camera) => camera.state === 'onboarded')).toBe(true);
    expectExactlyOnce(world);
    expectAllDone(store.text);
    // job-start + (started, done) per step per camera + job-end, written in fewer appends (group commit).
    expect(store.text.trim().split('\n')).toHaveLength(2 + CAMERAS.length * WRITE_TOKEN_STEPS.length * 2);
  });

  it('kill at every append, torn anywhere, replay, resume: all onboarded, nothing made twice, nothing lost', async () => {
    const reference = new KillableStore();
    await runOnce(new World(), reference);
    for (const tear of [0, 0.3, 0.7, 1]) {
      for (let killAt = 1; killAt <= reference.appends; killAt++) {
        const world = new World();
        const first = new KillableStore(killAt, tear);
        const crashed = await runOnce(world, first);
        expect(crashed.outcome === 'stopped' || killAt === reference.appends, `kill at ${killAt}`).toBe(true);
        const second = first.reopen();
        const resumed = await runOnce(world, second);
        expect(resumed.outcome, `kill at ${killAt}`).toBe('finished');
        expect(resumed.cameras.filter((camera) => camera.state === 'onboarded')).toHaveLength(CAMERAS.length);
        expectExactlyOnce(world);
        expectAllDone(second.text);
        expect(replayLedger(second.text).skippedLines).toBeLessThanOrEqual(1);
      }
    }
  });

  it('survives several kills in a row at random points', async () => {
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 40; trial++) {
      const world = new World();
      let store = new KillableStore(1 + Math.floor(random() * 20));
      let outcome = (await runOnce(world, store, 1 + Math.floor(random() * 8))).outcome;
      for (let kill = 0; kill < 4 && outcome === 'stopped'; kill++) {
        store = store.reopen(store.appends === 0 ? Infinity : 1 + Math.floor(random() * 15));
        outcome = (await runOnce(world, store, 1 + Math.floor(random() * 8))).outcome;
      }
      store = store.reopen();
      expect((await runOnce(world, store)).outcome).toBe('finished');
      expectExactlyOnce(world);
      expectAllDone(store.text);
    }
  });

  it('a step recorded started but not done is reconciled, never blindly repeated', async () => {
    const world = new World();
    const camera = CAMERAS[0]!;
    world.made.set(`${camera.cameraId}/find-or-create-channel`, 1); // the POST reached the cloud, then the kill
    const store = new KillableStore();
    store.text = `${JSON.stringify({ type: 'step', cameraId: camera.cameraId, step: 'find-or-create-channel', status: 'started', at: 'x', attempt: 1, detail: 'Try 1.' })}\n`;
    await runOnce(world, store);
    expectExactlyOnce(world);
    const entries = store.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { cameraId?: string; step?: string; status?: string; attempt?: number; detail?: string });
    const channel = entries.filter((entry) => entry.cameraId === camera.cameraId && entry.step === 'find-or-create-channel');
    expect(channel.map((entry) => [entry.status, entry.attempt, entry.detail])).toEqual([
      ['started', 1, 'Try 1.'],
      ['done', 2, 'find-or-create-channel found already in place.'],
    ]);
    expect(emptyReplay().steps.size).toBe(0);
  });
});

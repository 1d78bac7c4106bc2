/**
 * Child process for kill-9.spec.ts: runs (or resumes) a job whose ledger is a real file, against a "world"
 * that is an fsync'd file of every change made. The test kills this process with SIGKILL at random moments.
 * argv: ledgerPath worldPath cameraCount
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { OnboardingJob } from '../../../../../electron/core/onboarding/job.js';
import type { JobStep } from '../../../../../electron/core/onboarding/job-types.js';
import { LedgerWriter, replayLedger } from '../../../../../electron/core/onboarding/ledger.js';
import { systemClock } from '../../../../../electron/platform/clock.js';
import { openLedgerFile } from '../../../../../electron/platform/ledger-file.js';
import { WRITE_TOKEN_STEPS, cameras, describeJob } from './job-fixture.js';

const [ledgerPath, worldPath, count] = process.argv.slice(2) as [string, string, string];

const made = (key: string) => existsSync(worldPath) && readFileSync(worldPath, 'utf8').split('\n').includes(key);
const make = (key: string) => {
  const fd = openSync(worldPath, 'a');
  writeSync(fd, `${key}\n`);
  fsyncSync(fd);
  closeSync(fd);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const steps: JobStep<null>[] = WRITE_TOKEN_STEPS.map((name) => ({
  name,
  run: async ({ camera }) => {
    await pause(2 + Math.random() * 8);
    make(`${camera.cameraId}/${name}`);
    await pause(Math.random() * 4);
    return { status: 'done', detail: `${name} made.` };
  },
  reconcile: async ({ camera }) => {
    await pause(1);
    return made(`${camera.cameraId}/${name}`) ? { status: 'done', detail: `${name} found.` } : { status: 'not-done' };
  },
}));

const file = await openLedgerFile(ledgerPath);
const replay = replayLedger(await file.readAll());
const job = new OnboardingJob(
  { describe: describeJob, cameras: cameras(Number(count)), steps, concurrency: 4 },
  new LedgerWriter(file),
  replay,
  systemClock,
);
appendFileSync(1, 'READY\n');
const summary = await job.run();
await file.close();
appendFileSync(1, `${summary.outcome}\n`);

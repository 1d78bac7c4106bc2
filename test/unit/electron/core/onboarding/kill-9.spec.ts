/**
 * The real thing: a job with its ledger in a real file, killed with SIGKILL at random moments and started
 * again each time, must end with every camera onboarded and every change made exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replayLedger } from '../../../../../electron/core/onboarding/ledger.js';
import { WRITE_TOKEN_STEPS, cameras } from './job-fixture.js';

const CHILD = new URL('./kill-child.ts', import.meta.url).pathname;
const ROOT = new URL('../../../../../', import.meta.url).pathname;
const COUNT = 40;
const KILLS = 8;
const dir = mkdtempSync(join(tmpdir(), 'cf-kill9-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (path: string) => {
  try {
    return readFileSync(path, 'utf8').split('\n').length;
  } catch {
    return 0;
  }
};

/** Start the child; kill it once the ledger has grown by `killAfterLines` lines (or let it finish when null). */
function runChild(ledger: string, world: string, killAfterLines: number | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const start = lines(ledger);
    // Node itself with tsx as a loader: the `tsx` wrapper would be killed while its node child ran on.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ledger, world, String(COUNT)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    // Polling lands the kill at an arbitrary moment: mid-step, between a change and its "done", mid-write.
    const watch = killAfterLines === null ? null : setInterval(() => lines(ledger) >= start + killAfterLines && child.kill('SIGKILL'), 1);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (watch) clearInterval(watch);
      if (signal === 'SIGKILL' || code === 0) resolve(out);
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

describe('kill -9 and resume, with a real ledger file', () => {
  it(`a ${COUNT}-camera job killed at ${KILLS} random moments ends ${COUNT}/${COUNT} onboarded, each change made once`, async () => {
    const ledger = join(dir, 'job.jsonl');
    const world = join(dir, 'world.txt');
    let killedMidJob = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const out = await runChild(ledger, world, 2 + Math.floor(Math.random() * 30));
      if (!out.includes('finished')) killedMidJob += 1;
    }
    const final = await runChild(ledger, world, null);
    expect(final).toContain('finished');
    expect(killedMidJob).toBe(KILLS);

    const made = readFileSync(world, 'utf8').split('\n').filter(Boolean);
    const expected = cameras(COUNT).flatMap((camera) => WRITE_TOKEN_STEPS.map((step) => `${camera.cameraId}/${step}`));
    // Every change exactly once (a line torn by the kill is not a change; it is never a whole duplicate).
    expect(made.filter((line) => expected.includes(line)).sort()).toEqual([...expected].sort());
    const replay = replayLedger(readFileSync(ledger, 'utf8'));
    expect(replay.end?.outcome).toBe('finished');
    for (const camera of cameras(COUNT)) {
      for (const step of WRITE_TOKEN_STEPS) expect(replay.steps.get(camera.cameraId)?.get(step)?.status).toBe('done');
    }
  }, 120_000);
});

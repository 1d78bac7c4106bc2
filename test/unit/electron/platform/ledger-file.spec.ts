import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replayLedger } from '../../../../electron/core/onboarding/ledger.js';
import { defaultLedgerPath, openLedgerFile } from '../../../../electron/platform/ledger-file.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-ledger-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const entry = (status: string) =>
  JSON.stringify({ type: 'step', cameraId: 'CAM1', step: 'write-token', status, at: '2026-11-26T04:00:00.000Z', attempt: 1, detail: 'x' });

describe('ledger file', () => {
  it('appends one line per entry, creating the folder, readable only by the user', async () => {
    const path = join(tempDir(), 'nested', 'job.jsonl');
    const file = await openLedgerFile(path);
    await file.append(entry('started'));
    await file.append(entry('done'));
    await file.close();
    expect(readFileSync(path, 'utf8')).toBe(`${entry('started')}\n${entry('done')}\n`);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('after a torn last line (kill -9 mid-write), the next entry starts on a fresh line and replay skips the fragment', async () => {
    const path = join(tempDir(), 'job.jsonl');
    writeFileSync(path, `${entry('started')}\n${entry('done').slice(0, 25)}`);
    const file = await openLedgerFile(path);
    await file.append(entry('done'));
    const text = await file.readAll();
    await file.close();
    expect(text).toBe(`${entry('started')}\n${entry('done').slice(0, 25)}\n${entry('done')}\n`);
    const replay = replayLedger(text);
    expect(replay.skippedLines).toBe(1);
    expect(replay.steps.get('CAM1')?.get('write-token')?.status).toBe('done');
  });

  it('resumes an existing ledger without touching what is there', async () => {
    const path = join(tempDir(), 'job.jsonl');
    const first = await openLedgerFile(path);
    await first.append(entry('started'));
    await first.close();
    const second = await openLedgerFile(path);
    await second.append(entry('done'));
    await second.close();
    expect(readFileSync(path, 'utf8').split('\n')).toEqual([entry('started'), entry('done'), '']);
  });

  it('keeps job ids from escaping the data folder', () => {
    expect(defaultLedgerPath('/data', '../../etc/passwd')).toBe(join('/data', 'onboarding', '.._.._etc_passwd.jsonl'));
  });

  it('lets one run at a time use a ledger, and takes over a lock left by a killed run', async () => {
    const path = join(tempDir(), 'job.jsonl');
    const first = await openLedgerFile(path);
    // Another live process (this test's parent) holds it: a second runner must be refused.
    writeFileSync(`${path}.lock`, String(process.ppid));
    await expect(openLedgerFile(path)).rejects.toThrow(
      `The job ledger ${path} is in use by another Camera Finder (process ${process.ppid}); let that one finish or close it first.`,
    );
    await first.close();
    // A pid that no longer exists, as after kill -9.
    writeFileSync(`${path}.lock`, '2147483646');
    const second = await openLedgerFile(path);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid));
    await second.close();
    expect(() => statSync(`${path}.lock`)).toThrow();
  });

  it('refuses to write after close', async () => {
    const file = await openLedgerFile(join(tempDir(), 'job.jsonl'));
    await file.close();
    await expect(file.append(entry('started'))).rejects.toThrow('the ledger file is closed');
  });
});

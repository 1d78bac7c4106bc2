/**
 * The onboarding ledger on disk: one file, appended line by line, each line fsync'd before `append` resolves
 * (so a `kill -9` or a power cut loses at most the line being written). Hazard: a crash can leave a torn last
 * line with no newline; the first append after opening starts a fresh line so the next entry is never glued to
 * the torn fragment (replay skips the fragment). The file is created 0600: it names the customer's cameras.
 * A `<ledger>.lock` holding the owner's pid keeps a second app or CLI from running the same job at once (two
 * runners would each create what the other is creating); a lock left by a killed process is taken over.
 */
import { mkdir, open, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_LEDGER_BYTES } from '../../shared/onboarding.js';

/** Same shape as electron/core/onboarding/ledger.ts `LedgerStore` (platform cannot import core). */
export interface LedgerFile {
  append(line: string): Promise<void>;
  readAll(): Promise<string>;
  close(): Promise<void>;
  readonly path: string;
}

/** `<dataDir>/onboarding/<jobId>.jsonl` — the default when the technician gives no `--ledger FILE`. */
export function defaultLedgerPath(dataDir: string, jobId: string): string {
  return join(dataDir, 'onboarding', `${jobId.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonl`);
}

async function endsTorn(path: string): Promise<boolean> {
  const size = await stat(path).then(
    (info) => info.size,
    () => 0,
  );
  if (size === 0) return false;
  const handle = await open(path, 'r');
  try {
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

/** True while a process with this pid exists (EPERM: it exists but belongs to someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(lockPath: string, ledgerPath: string): Promise<void> {
  for (let round = 0; round < 2; round++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new Error(
        `The job ledger ${ledgerPath} is in use by another Camera Finder (process ${owner}); let that one finish or close it first.`,
      );
    }
    await rm(lockPath, { force: true }); // left by a crashed or killed run
  }
  throw new Error(`The job ledger ${ledgerPath} could not be locked; another run may be starting. Try again.`);
}

export async function openLedgerFile(path: string): Promise<LedgerFile> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const lockPath = `${path}.lock`;
  await takeLock(lockPath, path);
  let torn = await endsTorn(path);
  let handle: FileHandle | null = await open(path, 'a', 0o600);
  return {
    path,
    async append(line) {
      if (!handle) throw new Error('the ledger file is closed');
      // One write per line: `a` mode appends atomically at the end; the newline terminates the entry.
      await handle.write(`${torn ? '\n' : ''}${line}\n`);
      torn = false;
      await handle.sync();
    },
    async readAll() {
      const size = await stat(path).then((info) => info.size);
      if (size > MAX_LEDGER_BYTES) throw new Error(`the ledger ${path} is larger than ${MAX_LEDGER_BYTES} bytes`);
      return readFile(path, 'utf8');
    },
    async close() {
      if (!handle) return;
      await handle.close();
      handle = null;
      await rm(lockPath, { force: true });
    },
  };
}

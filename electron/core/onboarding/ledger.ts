/**
 * The job's ledger: append-only JSON lines, one per event, each made durable (fsync) before the job goes on, so
 * after a crash, `kill -9` or a pulled cable the same job resumes where it stopped. Hazard: the ledger sits on
 * disk in plaintext, so nothing written here may be a secret — entries carry camera IDs, step names and
 * sentences; a row's password is only ever referred to by its CSV line.
 */
import { ledgerEntrySchema, MAX_LEDGER_LINE_BYTES, type LedgerEntry, type StepName, type StepStatus } from '../../../shared/onboarding.js';

/** Where the ledger lives: a file in the app's data folder or the `--ledger` path (electron/platform/ledger-file.ts). */
export interface LedgerStore {
  /** Append one or more lines (joined by `\n`; the store adds the final newline), durable before resolving. */
  append(lines: string): Promise<void>;
  /** Everything appended so far, possibly ending in a torn (partial) line after a crash. */
  readAll(): Promise<string>;
}

export interface StepRecord {
  status: StepStatus;
  at: string;
  attempt: number;
  detail: string;
}

export interface LedgerReplay {
  start: Extract<LedgerEntry, { type: 'job-start' }> | null;
  /** cameraId → step → the last thing recorded about it. */
  steps: Map<string, Map<StepName, StepRecord>>;
  end: Extract<LedgerEntry, { type: 'job-end' }> | null;
  /** Lines skipped as unreadable: a torn tail after a crash, or corruption. */
  skippedLines: number;
}

export function emptyReplay(): LedgerReplay {
  return { start: null, steps: new Map(), end: null, skippedLines: 0 };
}

/** Replay the ledger's text into the job's state. Never throws; unreadable lines are counted and skipped. */
export function replayLedger(text: string): LedgerReplay {
  const replay = emptyReplay();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseLine(line);
    if (!entry) {
      replay.skippedLines += 1;
      continue;
    }
    switch (entry.type) {
      case 'job-start':
        // A second job-start would be a different job appended to the same file: the first one wins.
        if (!replay.start) replay.start = entry;
        break;
      case 'job-resume':
        replay.end = null;
        break;
      case 'job-end':
        replay.end = entry;
        break;
      case 'step': {
        const steps = replay.steps.get(entry.cameraId) ?? new Map<StepName, StepRecord>();
        const previous = steps.get(entry.step);
        // `done` is final: a late `failed` from an attempt that raced a reconcile must not undo it.
        if (previous?.status !== 'done') {
          steps.set(entry.step, { status: entry.status, at: entry.at, attempt: entry.attempt, detail: entry.detail });
        }
        replay.steps.set(entry.cameraId, steps);
        break;
      }
    }
  }
  return replay;
}

function parseLine(line: string): LedgerEntry | null {
  if (line.length > MAX_LEDGER_LINE_BYTES) return null;
  try {
    const parsed = ledgerEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Writes entries through the store in order. Entries that arrive while a write is in flight are committed
 * together in the next one (group commit): one fsync for many cameras instead of a queue of fsyncs that
 * would hold every running step. Each `write` resolves only once its own line is durable.
 */
export class LedgerWriter {
  private batch: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  constructor(private readonly store: LedgerStore) {}

  write(entry: LedgerEntry): Promise<void> {
    // Throws at once for an entry that is not a ledger entry: a programming error, not a disk problem.
    const line = JSON.stringify(ledgerEntrySchema.parse(entry));
    return new Promise((resolve, reject) => {
      this.batch.push({ line, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.batch.length > 0) {
      const batch = this.batch;
      this.batch = [];
      try {
        // JSON.stringify escapes newlines, so joining keeps one entry per line.
        await this.store.append(batch.map((item) => item.line).join('\n'));
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushing = false;
  }
}

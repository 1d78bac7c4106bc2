/**
 * The job's ledger: append-only JSON lines, one per event, each made durable (fsync) before the job goes on, so
 * after a crash, `kill -9` or a pulled cable the same job resumes where it stopped. Hazard: the ledger sits on
 * disk in plaintext, so nothing written here may be a secret — entries carry camera IDs, step names and
 * sentences; a row's password is only ever referred to by its CSV line.
 */
import { ledgerEntrySchema, MAX_LEDGER_LINE_BYTES, type LedgerEntry, type StepName, type StepStatus } from '../../../shared/onboarding.js';

/** Where the ledger lives: a file in the app's data folder or the `--ledger` path (electron/platform/ledger-file.ts). */
export interface LedgerStore {
  /** Append one line (the store adds the newline) and make it durable before resolving. */
  append(line: string): Promise<void>;
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

/** Writes entries through the store, one at a time and in order (appends never interleave). */
export class LedgerWriter {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly store: LedgerStore) {}

  write(entry: LedgerEntry): Promise<void> {
    const line = JSON.stringify(ledgerEntrySchema.parse(entry));
    const next = this.tail.then(() => this.store.append(line));
    // Keep the chain alive after a failure so the caller sees its own error, not a previous one.
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * Where an onboarding job's ledger lives and how it is read and opened: the `--ledger FILE`, else
 * `<dataDir>/onboarding/current.jsonl`, else memory (a core with no data folder: no resume after a restart).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_LEDGER_BYTES } from '../../shared/onboarding.js';
import { openLedgerFile, type LedgerFile } from '../platform/ledger-file.js';
import { emptyReplay, replayLedger, type LedgerReplay } from './onboarding/ledger.js';
import type { ClosableStore, OnboardingOptions } from './onboard-types.js';

export interface LedgerAccess {
  /** The ledger file, or null when the job lives in memory. */
  path: string | null;
  /** True when the technician named the file (`--ledger`): a finished job there is not moved aside. */
  explicit: boolean;
  /** The in-memory store, when there is no file. */
  memory: ClosableStore | null;
  read(): Promise<LedgerReplay>;
  open(): Promise<ClosableStore>;
}

/** An in-memory ledger for a core with no data folder (browser tests, `--no-settings` without `--ledger`). */
function memoryStore(): ClosableStore {
  let text = '';
  return {
    append: async (lines) => void (text += `${lines}\n`),
    readAll: async () => text,
    close: async () => undefined,
  };
}

export function ledgerAccess(o: OnboardingOptions): LedgerAccess {
  const path = o.ledgerPath ?? (o.dataDir ? join(o.dataDir, 'onboarding', 'current.jsonl') : null);
  const memory = path ? null : memoryStore();
  return {
    path,
    explicit: Boolean(o.ledgerPath),
    memory,
    async read() {
      if (memory) return replayLedger(await memory.readAll());
      try {
        // Untrusted size: a ledger past the cap is not read at all (no job to resume) rather than half-read.
        const info = await stat(path!);
        if (info.size > MAX_LEDGER_BYTES) return emptyReplay();
        return replayLedger(await readFile(path!, 'utf8'));
      } catch {
        return emptyReplay();
      }
    },
    async open() {
      if (memory) return memory;
      const file: LedgerFile = await openLedgerFile(path!);
      return file;
    },
  };
}

/**
 * The audit-log port: an append-only record of every cloud and camera action (who/when/camera/result).
 * Entries hold no secret: callers pass sentences, and adapters redact again before anything is written.
 */
import type { AuditEntry } from '../../shared/contract.js';
import { createAuditRedactor, sealAuditEntry } from './audit-log-redact.js';

export type AuditRecord = Omit<AuditEntry, 'at'>;

export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** The newest `limit` entries, oldest first. */
  list(limit: number): Promise<AuditEntry[]>;
  /** Where the log lives on disk, or null when it is kept in memory. */
  readonly path: string | null;
}

/** Entries a memory log keeps; older ones are dropped (a long browser-mode session must not grow without bound). */
const MEMORY_AUDIT_ENTRIES = 5000;

/** An audit log in memory (tests, and a run with --no-settings); redacted and capped like the file. */
export function createMemoryAuditLog(now: () => number = Date.now, knownSecrets?: () => string[]): AuditLog {
  const entries: AuditEntry[] = [];
  const redact = createAuditRedactor(knownSecrets);
  return {
    append: async (record) => {
      entries.push(sealAuditEntry(record, now(), redact));
      if (entries.length > MEMORY_AUDIT_ENTRIES) entries.splice(0, entries.length - MEMORY_AUDIT_ENTRIES);
    },
    list: async (limit) => (limit > 0 ? entries.slice(-limit) : []),
    path: null,
  };
}

/**
 * The audit-log port: an append-only record of every cloud and camera action (who/when/camera/result).
 * Entries hold no secret: callers pass sentences, and adapters redact again before anything is written.
 */
import type { AuditEntry } from '../../shared/contract.js';

export type AuditRecord = Omit<AuditEntry, 'at'>;

export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** The newest `limit` entries, oldest first. */
  list(limit: number): Promise<AuditEntry[]>;
  /** Where the log lives on disk, or null when it is kept in memory. */
  readonly path: string | null;
}

/** An audit log in memory (tests, and a CLI run with no data folder). */
export function createMemoryAuditLog(now: () => number = Date.now): AuditLog {
  const entries: AuditEntry[] = [];
  return {
    append: async (record) => void entries.push({ at: new Date(now()).toISOString(), ...record }),
    list: async (limit) => entries.slice(-limit),
    path: null,
  };
}

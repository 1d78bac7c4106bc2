/**
 * The audit log on disk: `audit.jsonl` in the data folder, one JSON object per line, append-only, owner-only
 * (0600). Each entry is one write to a descriptor opened for append, then fsync, so a crash loses at most the
 * entry being written; a torn last line is skipped by the reader and sealed with a newline before the next entry.
 *
 * Hazards: the file can be large (years of a busy site) or hand-edited; `list` reads only its tail, in bounded
 * chunks from the end, and skips lines that are too long or do not parse. Strings are redacted again here.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AUDIT_MAX_LINE_BYTES, AUDIT_READ_CHUNK_BYTES } from '../../shared/limits.js';
import { auditEntrySchema, type AuditEntry } from '../../shared/contract.js';
import type { AuditLog, AuditRecord } from './audit-log.js';
import { createAuditRedactor, sealAuditEntry } from './audit-log-redact.js';

export interface FileAuditOptions {
  path: string;
  /** Secret values the process holds now (e.g. trackSecrets(...).known); removed from every field. */
  knownSecrets?: () => string[];
  now?: () => number;
}

const NEWLINE = 0x0a;
async function endsWithNewline(file: FileHandle): Promise<boolean> {
  const { size } = await file.stat();
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  await file.read(last, 0, 1, size - 1);
  return last[0] === NEWLINE;
}

function parseLine(line: Buffer): AuditEntry | null {
  if (line.length === 0 || line.length > AUDIT_MAX_LINE_BYTES) return null;
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(line.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The last `limit` valid entries, oldest first, reading backwards in chunks; memory stays bounded by `limit`. */
async function readTail(path: string, limit: number): Promise<AuditEntry[]> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    return [];
  }
  const newestFirst: AuditEntry[] = [];
  try {
    let position = (await file.stat()).size;
    let carry: Buffer = Buffer.alloc(0);
    // Set while the line being assembled has outgrown AUDIT_MAX_LINE_BYTES: its bytes are dropped, not kept.
    let oversized = false;
    while (position > 0 && newestFirst.length < limit) {
      const length = Math.min(AUDIT_READ_CHUNK_BYTES, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await file.read(chunk, 0, length, position);
      const data = carry.length ? Buffer.concat([chunk, carry]) : chunk;
      let end = data.length;
      for (let i = data.length - 1; i >= 0 && newestFirst.length < limit; i--) {
        if (data[i] !== NEWLINE) continue;
        const entry = oversized ? null : parseLine(data.subarray(i + 1, end));
        oversized = false;
        if (entry) newestFirst.push(entry);
        end = i;
      }
      carry = Buffer.from(data.subarray(0, end));
      if (carry.length > AUDIT_MAX_LINE_BYTES) {
        carry = Buffer.alloc(0);
        oversized = true;
      }
    }
    if (position === 0 && newestFirst.length < limit && !oversized) {
      const entry = parseLine(carry);
      if (entry) newestFirst.push(entry);
    }
  } finally {
    await file.close();
  }
  return newestFirst.reverse();
}

export function createFileAuditLog(options: FileAuditOptions): AuditLog {
  const { path } = options;
  const now = options.now ?? Date.now;
  const redact = createAuditRedactor(options.knownSecrets);
  let sealed = false;
  // Appends run one after another so entries land in call order and the torn-line check runs once.
  let queue: Promise<void> = Promise.resolve();

  const write = async (record: AuditRecord) => {
    const entry = sealAuditEntry(record, now(), redact);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const file = await open(path, 'a+', 0o600);
    try {
      let prefix = '';
      if (!sealed) {
        await file.chmod(0o600);
        if (!(await endsWithNewline(file))) prefix = '\n';
        sealed = true;
      }
      await file.appendFile(prefix + JSON.stringify(entry) + '\n', 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
  };

  return {
    append: (record) => {
      const next = queue.then(() => write(record));
      queue = next.catch(() => undefined);
      return next;
    },
    list: (limit) => readTail(path, Math.max(0, Math.floor(limit))),
    path,
  };
}

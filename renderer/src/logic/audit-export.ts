import type { AuditEntry } from '../../../shared/contract.js';

const COLUMNS = ['at', 'action', 'camera', 'result', 'message', 'via'] as const satisfies readonly (keyof AuditEntry)[];

/** Newest first; entries with an unreadable time keep their relative order at the end. */
export function newestFirst(entries: readonly AuditEntry[]): AuditEntry[] {
  const time = (entry: AuditEntry) => {
    const ms = Date.parse(entry.at);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(b.entry) - time(a.entry) || b.index - a.index)
    .map(({ entry }) => entry);
}

/** One JSON object per line, the shape the audit file itself has. */
export function toJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length > 0 ? '\n' : '');
}

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or tab / carriage return, which some
 * spreadsheets skip before reading a formula) gets a leading apostrophe. Camera names and messages can carry
 * LAN-supplied text, so every cell goes through this.
 */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row, CRLF line ends. */
export function toCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const entry of entries) lines.push(COLUMNS.map((column) => csvCell(entry[column])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** "camera-finder-audit-2026-11-26T04-40-00.jsonl": safe on every file system. */
export function exportFileName(now: Date, extension: 'jsonl' | 'csv'): string {
  return `camera-finder-audit-${now.toISOString().slice(0, 19).replaceAll(':', '-')}.${extension}`;
}

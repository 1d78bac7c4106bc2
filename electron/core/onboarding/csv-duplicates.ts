/**
 * A camera may appear once in the sheet. The first row for a MAC, serial or camera ID is kept; later rows
 * naming the same one are refused with the line that already has it, so the technician knows which to fix.
 */
import type { CsvProblem } from '../../../shared/onboarding.js';
import type { CsvRow } from './csv-row.js';

const KEYS = [
  { column: 'mac', what: 'MAC', of: (row: CsvRow) => row.mac },
  { column: 'serial', what: 'serial', of: (row: CsvRow) => row.serial },
  { column: 'id', what: 'camera ID', of: (row: CsvRow) => row.id },
] as const;

export function flagDuplicates(rows: CsvRow[]): { rows: CsvRow[]; problems: CsvProblem[] } {
  const firstLine = KEYS.map(() => new Map<string, number>());
  const kept: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const row of rows) {
    let duplicate = false;
    KEYS.forEach((key, k) => {
      const value = key.of(row);
      const seen = value === null ? undefined : firstLine[k]!.get(value);
      if (value === null || seen === undefined) return;
      duplicate = true;
      problems.push({
        line: row.line,
        column: key.column,
        message: `Line ${row.line}, column ${key.column}: the ${key.what} ${value} is already on line ${seen}; each camera may appear once, so this row is skipped.`,
      });
    });
    if (duplicate) continue;
    KEYS.forEach((key, k) => {
      const value = key.of(row);
      if (value !== null) firstLine[k]!.set(value, row.line);
    });
    kept.push(row);
  }
  return { rows: kept, problems };
}

/**
 * The technician's spreadsheet in: bytes → validated rows and line-by-line problems. Columns are found by header
 * name (case-insensitive, trimmed); unknown columns are ignored so an export with extra columns still loads.
 * Never throws: every failure is a problem sentence. Hazard: the file is untrusted and may be huge or hostile,
 * so bytes, rows and cells are bounded before anything is kept.
 */
import { parse } from 'csv-parse/sync';
import { MAX_CSV_ROWS, type CsvProblem } from '../../../shared/onboarding.js';
import { decodeCsv, type CsvDelimiter } from './csv-text.js';
import { checkRow, csvColumns, quoteCell, type CsvColumn, type CsvRow } from './csv-row.js';
import { flagDuplicates } from './csv-duplicates.js';

export interface CsvImport {
  /** Rows that passed every check, in file order. */
  rows: CsvRow[];
  /** Everything wrong, in file order; a problem with `line: null` concerns the whole file. */
  problems: CsvProblem[];
  delimiter: CsvDelimiter | null;
  /** False when the file as a whole was refused (no row is usable then). */
  readable: boolean;
}

export interface CsvImportOptions {
  /** Provision mode needs the sticker password: the column must exist and every row must fill it. */
  requirePassword?: boolean;
}

const refused = (line: number | null, message: string, delimiter: CsvDelimiter | null = null): CsvImport => ({
  rows: [],
  problems: [{ line, column: null, message }],
  delimiter,
  readable: false,
});

type Parsed = { record: string[]; info: { lines: number } };

/** Map header cells to known columns; a duplicate known column is ambiguous and refused. */
function readHeader(header: string[]): { columns: Map<CsvColumn, number> } | { problem: string } {
  const columns = new Map<CsvColumn, number>();
  for (const [index, cell] of header.entries()) {
    const name = cell.trim().toLowerCase() as CsvColumn;
    if (!csvColumns.includes(name)) continue;
    if (columns.has(name)) return { problem: `Line 1: the header names the column "${name}" twice; keep one of them.` };
    columns.set(name, index);
  }
  if (!columns.has('mac') && !columns.has('serial')) {
    const seen = header.map((cell) => `"${quoteCell(cell.trim())}"`).join(', ');
    return {
      problem: `Line 1: the header needs a "mac" or a "serial" column (found ${seen}). The first line must name the columns: mac, serial, password, name, location, id.`,
    };
  }
  return { columns };
}

function parseRecords(text: string, delimiter: CsvDelimiter): { records: Parsed[] } | { line: number; message: string } {
  let lastLine = 0;
  try {
    const records = parse(text, {
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      // A lone `"` inside an unquoted password (ab"c) is taken literally rather than refusing the file.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      // Header + one row more than allowed, so an over-long file is detected without parsing all of it.
      to: MAX_CSV_ROWS + 2,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as Parsed[];
    return { records };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const line = lastLine + 1;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      return {
        line,
        message: `Line ${line}: a quote (") opens a value that is never closed. Close the quote, and write a quote inside a value as two quotes ("").`,
      };
    }
    if (code === 'CSV_INVALID_CLOSING_QUOTE') {
      return {
        line,
        message: `Line ${line}: a quoted value is followed by more text before the next ${delimiter === ';' ? 'semicolon' : 'comma'}. Put the whole value in quotes and write a quote inside it as two quotes ("").`,
      };
    }
    return { line, message: `Line ${line}: the file could not be read as CSV from here on; check the quotes and delimiters.` };
  }
}

/** Start line of a record that ends on `endLine`: quoted newlines inside its cells push the end down. */
function startLine(record: string[], endLine: number): number {
  let newlines = 0;
  for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) newlines += 1;
  return Math.max(1, endLine - newlines);
}

export function importCsv(bytes: Uint8Array, options: CsvImportOptions = {}): CsvImport {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return refused(decoded.line, decoded.message);
  const { text, delimiter } = decoded;
  const parsed = parseRecords(text, delimiter);
  if ('message' in parsed) return refused(parsed.line, parsed.message, delimiter);
  const [header, ...body] = parsed.records;
  if (!header) return refused(null, 'The file has no header line.', delimiter);
  const mapped = readHeader(header.record);
  if ('problem' in mapped) return refused(1, mapped.problem, delimiter);
  if (options.requirePassword && !mapped.columns.has('password')) {
    return refused(1, 'Line 1: the header has no "password" column; provisioning needs each camera\'s sticker password.', delimiter);
  }
  if (body.length > MAX_CSV_ROWS) {
    return refused(null, `The file has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows; split it into smaller files.`, delimiter);
  }

  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === '')) continue; // a line of blanks or bare delimiters
    const line = startLine(record, info.lines);
    const cells: Partial<Record<CsvColumn, string>> = {};
    for (const [column, index] of mapped.columns) cells[column] = record[index] ?? '';
    const checked = checkRow(line, cells, options.requirePassword ?? false);
    problems.push(...checked.problems);
    if (checked.row) rows.push(checked.row);
  }
  const deduplicated = flagDuplicates(rows);
  problems.push(...deduplicated.problems);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows: deduplicated.rows, problems, delimiter, readable: true };
}

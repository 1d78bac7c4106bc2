/**
 * One spreadsheet row checked cell by cell. Every problem is a sentence a technician can act on, naming the
 * physical line and the column. Hazard: cells are untrusted text and the password is a secret, so a message
 * quotes at most a short, printable excerpt of a cell and never the password.
 */
import { normaliseSerialId } from '../../../shared/camera-id.js';
import { normaliseMac } from '../../../shared/mac.js';
import { MAX_CSV_FIELD_CHARS, type CsvProblem, type CsvRowView } from '../../../shared/onboarding.js';

export const csvColumns = ['mac', 'serial', 'password', 'name', 'location', 'id'] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** A row that passed validation. `password` is the sticker password: a secret, never logged or written down. */
export interface CsvRow {
  /** Physical line in the file where the row starts (the header is line 1). */
  line: number;
  mac: string | null;
  serial: string | null;
  password: string | null;
  name: string | null;
  location: string | null;
  /** Camera-ID override, upper-cased like every camera ID. */
  id: string | null;
}

/** A short, printable excerpt of an untrusted cell for an error message. */
export function quoteCell(value: string): string {
  const printable = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

const at = (line: number, column: CsvColumn) => `Line ${line}, column ${column}`;

function macProblem(value: string): string {
  const hex = value.replace(/[^0-9a-fA-F]/g, '');
  if (hex.length === 12 && /^[0-9a-fA-F:.\s-]+$/.test(value)) {
    return `${quoteCell(value)} is a multicast, broadcast or all-zero address, not a camera's MAC.`;
  }
  return `${quoteCell(value)} is not a MAC address (it needs 6 pairs of hex digits, like 00:40:8C:12:34:56).`;
}

type Cells = Partial<Record<CsvColumn, string>>;

/** Validate one row's cells (already mapped by column name). */
export function checkRow(line: number, cells: Cells, requirePassword: boolean): { row: CsvRow | null; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const problem = (column: CsvColumn | null, message: string) =>
    problems.push({ line, column, message: column ? `${at(line, column)}: ${message}` : `Line ${line}: ${message}` });
  const value = (column: CsvColumn): string | null => {
    const raw = cells[column];
    if (raw === undefined) return null;
    if (raw.length > MAX_CSV_FIELD_CHARS) {
      problem(column, `the value is ${raw.length} characters long; the limit is ${MAX_CSV_FIELD_CHARS}.`);
      return null;
    }
    // Passwords keep their spaces: a sticker password may start or end with one.
    const text = column === 'password' ? raw : raw.trim();
    return text === '' ? null : text;
  };

  const macText = value('mac');
  const serialText = value('serial');
  const password = value('password');
  const idText = value('id');
  const name = value('name');
  const location = value('location');
  const mac = macText === null ? null : normaliseMac(macText);
  if (macText !== null && mac === null) problem('mac', macProblem(macText));
  const serial = serialText === null ? null : normaliseSerialId(serialText);
  if (serialText !== null && serial === null) {
    problem('serial', `${quoteCell(serialText)} is not a usable serial number (letters, digits and . _ : - only, up to 64).`);
  }
  const id = idText === null ? null : normaliseSerialId(idText);
  if (idText !== null && id === null) {
    problem('id', `${quoteCell(idText)} is not a usable camera ID (letters, digits and . _ : - only, up to 64).`);
  }
  if (macText === null && serialText === null && problems.length === 0) {
    problem(null, 'the row has neither a mac nor a serial; fill in one of them so the camera can be found.');
  }
  if (requirePassword && password === null && cells.password !== undefined) {
    problem('password', 'the sticker password is empty; provisioning needs it.');
  }
  if (problems.length > 0) return { row: null, problems };
  return { row: { line, mac, serial, password, name, location, id }, problems };
}

/** What the UI may see of a row: everything but the password. */
export function rowView(row: CsvRow): CsvRowView {
  return {
    line: row.line,
    mac: row.mac,
    serial: row.serial,
    hasPassword: row.password !== null,
    name: row.name,
    location: row.location,
    id: row.id,
  };
}

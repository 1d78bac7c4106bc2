import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../../../electron/core/onboarding/csv-import.js';
import { rowView } from '../../../../../electron/core/onboarding/csv-row.js';
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from '../../../../../shared/onboarding.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../fixtures/csv/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);
const messages = (text: string, options = {}) => importCsv(bytes(text), options).problems.map((problem) => problem.message);

describe('importCsv: the technician’s spreadsheet', () => {
  it('reads an Excel "CSV UTF-8" export: BOM, semicolons, CRLF, quoted ; and "" in passwords, a newline in a name', () => {
    const result = importCsv(fixture('excel-semicolon-bom.csv'));
    expect(result.problems).toEqual([]);
    expect(result.delimiter).toBe(';');
    expect(result.rows).toEqual([
      { line: 2, mac: '00:40:8c:12:34:56', serial: 'ACCC8E123456', password: 'pa;ss', name: 'Lobby', location: 'Ground floor', id: null },
      { line: 3, mac: '00:40:8c:ab:cd:ef', serial: null, password: 'he said "hi"', name: 'Car park\nnorth', location: 'Outside', id: null },
      // The row after a two-line cell is reported on its own physical line (5), not its record number (4).
      { line: 5, mac: null, serial: 'ACCC8E999999', password: 'plain,comma', name: 'Stairs', location: null, id: null },
    ]);
  });

  it('reads a comma file and reports each bad row by line and column while keeping the good ones', () => {
    const result = importCsv(fixture('comma-with-problems.csv'));
    expect(result.delimiter).toBe(',');
    expect(result.rows.map((row) => [row.line, row.mac, row.password])).toEqual([[2, '00:40:8c:00:00:01', 'a,b;c"d']]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'Line 3, column mac: 00:40:8C:12:34 is not a MAC address (it needs 6 pairs of hex digits, like 00:40:8C:12:34:56).',
      'Line 4: the row has neither a mac nor a serial; fill in one of them so the camera can be found.',
      'Line 5, column mac: the MAC 00:40:8c:00:00:01 is already on line 2; each camera may appear once, so this row is skipped.',
      'Line 6, column id: bad id! is not a usable camera ID (letters, digits and . _ : - only, up to 64).',
    ]);
    expect(result.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'mac'],
      [4, null],
      [5, 'mac'],
      [6, 'id'],
    ]);
  });

  it('finds columns by header name in any order, case and spacing, and ignores columns it does not know', () => {
    const result = importCsv(bytes(' Notes , SERIAL ,Password\nbox 3, accc8e000001 ,  spaced  \n'));
    expect(result.rows).toEqual([
      { line: 2, mac: null, serial: 'ACCC8E000001', password: '  spaced  ', name: null, location: null, id: null },
    ]);
  });

  it('refuses a file without a mac or serial column, naming what it found', () => {
    const result = importCsv(bytes('address;pass\n00:40:8c:00:00:01;x\n'));
    expect(result.readable).toBe(false);
    expect(result.problems[0]?.message).toBe(
      'Line 1: the header needs a "mac" or a "serial" column (found "address", "pass"). The first line must name the columns: mac, serial, password, name, location, id.',
    );
  });

  it('in provision mode needs the password column and a password on every row', () => {
    expect(messages('mac\n00:40:8c:00:00:01\n', { requirePassword: true })).toEqual([
      'Line 1: the header has no "password" column; provisioning needs each camera\'s sticker password.',
    ]);
    expect(messages('mac,password\n00:40:8c:00:00:01,\n', { requirePassword: true })).toEqual([
      'Line 2, column password: the sticker password is empty; provisioning needs it.',
    ]);
  });

  it('flags duplicate serials and a header naming a column twice', () => {
    expect(messages('serial\nABC1\nabc1\n')).toEqual([
      'Line 3, column serial: the serial ABC1 is already on line 2; each camera may appear once, so this row is skipped.',
    ]);
    expect(messages('mac,MAC\n00:40:8c:00:00:01,00:40:8c:00:00:02\n')).toEqual([
      'Line 1: the header names the column "mac" twice; keep one of them.',
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(messages('mac,password\n00:40:8c:00:00:01,ok\n00:40:8c:00:00:02,"never closed\n00:40:8c:00:00:03,x\n')).toEqual([
      'Line 3: a quote (") opens a value that is never closed. Close the quote, and write a quote inside a value as two quotes ("").',
    ]);
  });

  it('names the line holding invalid UTF-8 and says how to save the file', () => {
    const file = Uint8Array.from([...bytes('mac,name\n00:40:8c:00:00:01,ok\n00:40:8c:00:00:02,M'), 0xfc, ...bytes('nchen\n')]);
    const result = importCsv(file);
    expect(result.readable).toBe(false);
    expect(result.problems).toEqual([
      {
        line: 3,
        column: null,
        message: 'Line 3 is not valid UTF-8 text. Save the file as "CSV UTF-8" (in Excel: Save As → CSV UTF-8) and try again.',
      },
    ]);
  });

  it('refuses a cell over 1 KiB without echoing it (it may be a password)', () => {
    const secret = 'S'.repeat(1025);
    const result = importCsv(bytes(`mac,password\n00:40:8c:00:00:01,${secret}\n`));
    expect(result.rows).toEqual([]);
    expect(result.problems[0]?.message).toBe('Line 2, column password: the value is 1025 characters long; the limit is 1024.');
  });

  it('quotes at most 40 printable characters of a bad cell', () => {
    const [message] = messages(`mac\n\u001b[31m${'z'.repeat(100)}\n`);
    expect(message).toBe(
      `Line 2, column mac: ?[31m${'z'.repeat(35)}… is not a MAC address (it needs 6 pairs of hex digits, like 00:40:8C:12:34:56).`,
    );
  });

  it('accepts a 10 MB file at the limit and refuses one byte more', () => {
    const header = 'mac,password,name\n';
    const row = (i: number) =>
      `00:40:8c:${[i >> 16, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')},pw${i},`;
    // 5,000 rows padded with long names to reach exactly MAX_CSV_BYTES.
    let body = '';
    for (let i = 1; i <= MAX_CSV_ROWS; i++) body += `${row(i)}${'n'.repeat(1000)}\n`;
    const padding = MAX_CSV_BYTES - bytes(header + body).length;
    expect(padding).toBeGreaterThan(0);
    const atLimit = bytes(header + body + '\n'.repeat(padding));
    expect(atLimit.length).toBe(MAX_CSV_BYTES);
    const started = performance.now();
    const result = importCsv(atLimit);
    const ms = performance.now() - started;
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(MAX_CSV_ROWS);
    expect(ms).toBeLessThan(5000);
    const over = importCsv(bytes(header + body + '\n'.repeat(padding + 1)));
    expect(over.problems[0]?.message).toBe('The file is larger than 10 MB (10,485,761 bytes). Split it into smaller files.');
  });

  it('refuses more than 5,000 rows', () => {
    let text = 'serial\n';
    for (let i = 0; i <= MAX_CSV_ROWS; i++) text += `S${i}\n`;
    expect(messages(text)).toEqual(['The file has more than 5,000 rows; split it into smaller files.']);
  });

  it('says an empty file needs a header', () => {
    expect(messages('\uFEFF\r\n')).toEqual(['The file is empty; it needs a header line and one row per camera.']);
  });
});

describe('rowView', () => {
  it('shows the UI everything about a row but its password', () => {
    const [row] = importCsv(bytes('mac,password,name\n00:40:8c:00:00:01,hunter2,Lobby\n')).rows;
    const view = rowView(row!);
    expect(view).toEqual({ line: 2, mac: '00:40:8c:00:00:01', serial: null, hasPassword: true, name: 'Lobby', location: null, id: null });
    expect(JSON.stringify(view)).not.toContain('hunter2');
  });
});

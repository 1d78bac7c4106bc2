/**
 * The technician's CSV under fuzz: generated sheets in every dialect we promise (BOM or not, comma or
 * semicolon, LF or CRLF, quoted passwords holding ; , " and newlines, columns in any order and case) must come
 * back exactly, with the right physical line numbers; hostile bytes must never throw, stay bounded, and every
 * problem must be a sentence.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../electron/core/onboarding/csv-import.js';
import { MAX_CSV_FIELD_CHARS, MAX_CSV_ROWS } from '../../shared/onboarding.js';
import { FUZZ, FUZZ_TIMEOUT_MS, invalidUtf8, nastyText, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const before = prototypeKeys();
const encode = (text: string) => new TextEncoder().encode(text);

type Sheet = {
  delimiter: ',' | ';';
  bom: boolean;
  eol: '\n' | '\r\n';
  columns: string[];
  rows: { mac: string; password: string; name: string }[];
};

const password = fc.string({
  unit: fc.constantFrom('a', 'Z', '9', ';', ',', '"', '\n', ' ', 'ä', '€', "'", '='),
  minLength: 1,
  maxLength: 24,
});
const name = fc.stringMatching(/^[A-Za-z0-9 äöü-]{0,16}$/);
const headerCase = fc.constantFrom(
  (c: string) => c,
  (c: string) => c.toUpperCase(),
  (c: string) => ` ${c} `,
);

const sheet: fc.Arbitrary<Sheet> = fc
  .record({
    delimiter: fc.constantFrom(',' as const, ';' as const),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    columns: fc.shuffledSubarray(['mac', 'password', 'name'], { minLength: 3, maxLength: 3 }),
    rows: fc.array(fc.record({ mac: fc.constant(''), password, name }), { maxLength: 15 }),
  })
  .map((s) => ({
    ...s,
    rows: s.rows.map((row, i) => ({
      ...row,
      mac: `00:40:8c:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
    })),
  }));

/** Writes a sheet as Excel would, quoting a cell when it needs it (and sometimes when it does not). */
function write(s: Sheet, header: (c: string) => string, quoteAll: boolean): { bytes: Uint8Array; lines: number[] } {
  const cell = (value: string) =>
    quoteAll || value.includes(s.delimiter) || /["\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
  const lines: number[] = [];
  let line = 2;
  let text = s.columns.map(header).join(s.delimiter) + s.eol;
  for (const row of s.rows) {
    lines.push(line);
    const record = s.columns.map((column) => cell(row[column as keyof typeof row]).replaceAll('\n', s.eol)).join(s.delimiter);
    line += 1 + (record.match(/\n/g)?.length ?? 0);
    text += record + s.eol;
  }
  return { bytes: encode((s.bom ? '\uFEFF' : '') + text), lines };
}

const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc
    .array(
      fc.oneof(
        nastyText,
        fc.constantFrom('mac', 'serial', 'password', 'id', '"', '""', ';', ',', '\n', '\r\n', '\uFEFF', '00:40:8c:12:34:56'),
      ),
      {
        maxLength: 60,
      },
    )
    .map((parts) => encode(parts.join(''))),
  fc.tuple(sheet, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), invalidUtf8).map(([s, flips, bad]) => {
    const bytes = Array.from(write(s, (c) => c, false).bytes);
    for (const [at, byte] of flips) if (bytes.length > 0) bytes[at % bytes.length] = byte;
    return Uint8Array.from(flips.length % 2 === 0 ? bytes : [...bytes, ...bad]);
  }),
  fc.constantFrom(
    encode('mac\n' + 'x'.repeat(5000)),
    encode('"'.repeat(3000)),
    encode(`serial${'\n'.repeat(3000)}`),
    encode(`mac,${','.repeat(4000)}\n1`),
  ),
);

const SENTENCE = /^(Line \d+|The )[^\u0000-\u0008\u000b-\u001f\u007f]*\.$/s;

describe('fuzz: CSV import', () => {
  afterAll(() => expect(prototypeKeys()).toEqual(before));

  it(
    `${RUNS} generated sheets in every dialect come back exactly, with their physical line numbers`,
    () => {
      fc.assert(
        fc.property(sheet, headerCase, fc.boolean(), (s, header, quoteAll) => {
          const { bytes, lines } = write(s, header, quoteAll);
          const result = bounded('importCsv', bytes.byteLength, () => importCsv(bytes, { requirePassword: true }));
          expect(result.problems).toEqual([]);
          expect(result.delimiter).toBe(s.columns.length > 1 ? s.delimiter : ',');
          expect(result.rows).toEqual(
            s.rows.map((row, i) => ({
              line: lines[i],
              mac: row.mac,
              serial: null,
              password: row.password,
              name: row.name.trim() === '' ? null : row.name.trim(),
              location: null,
              id: null,
            })),
          );
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `${RUNS} hostile files: never throws, bounded output, every problem a sentence`,
    () => {
      fc.assert(
        fc.property(hostileBytes, (bytes) => {
          const result = bounded('importCsv', bytes.byteLength, () => importCsv(bytes));
          expect(result.rows.length).toBeLessThanOrEqual(MAX_CSV_ROWS);
          if (!result.readable) expect(result.rows).toEqual([]);
          let previous = 1;
          for (const row of result.rows) {
            expect(row.line).toBeGreaterThan(previous);
            previous = row.line;
            expect(row.mac !== null || row.serial !== null).toBe(true);
            for (const value of Object.values(row))
              if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(MAX_CSV_FIELD_CHARS);
          }
          for (const problem of result.problems) {
            expect(problem.message).toMatch(SENTENCE);
            expect(problem.message.length).toBeLessThan(400);
            if (problem.line !== null) expect(problem.message.startsWith(`Line ${problem.line}`)).toBe(true);
          }
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

import { describe, expect, it } from 'vitest';
import { DEVICE_CSV_COLUMNS, deviceCsvFileName, devicesToCsv } from '../../../../../renderer/src/logic/device-csv.js';
import { makeDevice } from '../../../../support/devices.js';

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF) to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('devicesToCsv', () => {
  const rows = [
    makeDevice({ id: 'a', name: '=HYPERLINK("http://evil")', model: '+1', serial: '-2', firmware: '@SUM(A1)', sources: ['wsd', 'sweep'] }),
    makeDevice({
      id: 'b',
      mac: null,
      macSource: null,
      ip: '198.18.0.11',
      name: 'Gate, "north"\r\nline 2',
      vendor: null,
      manufacturer: 'ACME',
    }),
  ];
  const csv = devicesToCsv(rows);
  const table = parseCsv(csv);

  it('writes a header and one line per row in the order given, with CRLF line ends', () => {
    expect(table[0]).toEqual(DEVICE_CSV_COLUMNS.map(([label]) => label));
    expect(table).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(table[1]![2]).toBe('198.18.0.10');
    expect(table[2]![2]).toBe('198.18.0.11');
  });

  it('neutralises cells a spreadsheet would run as formulas (= + - @)', () => {
    const col = (label: string) => DEVICE_CSV_COLUMNS.findIndex(([name]) => name === label);
    expect(table[1]![col('Name')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(table[1]![col('Model')]).toBe(`'+1`);
    expect(table[1]![col('Serial')]).toBe(`'-2`);
    expect(table[1]![col('Firmware')]).toBe(`'@SUM(A1)`);
    for (const line of table.slice(1)) for (const cell of line) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('quotes commas, quotes and line breaks so a name stays one cell', () => {
    const col = DEVICE_CSV_COLUMNS.findIndex(([name]) => name === 'Name');
    expect(table[2]![col]).toBe('Gate, "north"\r\nline 2');
    expect(table[2]).toHaveLength(DEVICE_CSV_COLUMNS.length);
  });

  it('spells out sources and empties unknown values; vendor falls back to the maker', () => {
    const col = (label: string) => DEVICE_CSV_COLUMNS.findIndex(([name]) => name === label);
    expect(table[1]![col('Sources')]).toBe('WS-Discovery + Sweep');
    expect(table[2]![col('MAC')]).toBe('');
    expect(table[2]![col('Vendor')]).toBe('ACME');
  });

  it('names the file with a time stamp safe on every file system', () => {
    expect(deviceCsvFileName(new Date('2026-11-26T04:40:00Z'))).toBe('camera-finder-devices-2026-11-26T04-40-00.csv');
  });
});

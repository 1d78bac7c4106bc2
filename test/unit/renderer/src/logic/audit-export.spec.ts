/** Audit export: newest first, JSON lines that read back, CSV that a spreadsheet cannot turn into a formula. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../../shared/contract.js';
import { csvCell, exportFileName, newestFirst, toCsv, toJsonLines } from '../../../../../renderer/src/logic/audit-export.js';

const entry = (at: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  at,
  action: 'cloud.register',
  camera: 'ACCC8E123456',
  result: 'ok',
  message: 'Registered.',
  via: 'ui',
  ...overrides,
});

describe('audit export', () => {
  it('orders newest first and keeps unreadable times last', () => {
    const entries = [entry('2026-11-26T04:00:00Z'), entry('garbage'), entry('2026-11-26T05:00:00Z')];
    expect(newestFirst(entries).map((e) => e.at)).toEqual(['2026-11-26T05:00:00Z', '2026-11-26T04:00:00Z', 'garbage']);
  });

  it('writes one JSON object per line that parses back to the same entries', () => {
    const entries = [entry('2026-11-26T05:00:00Z'), entry('2026-11-26T04:00:00Z', { message: 'line\nbreak "quoted"' })];
    const text = toJsonLines(entries);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => JSON.parse(line) as AuditEntry)).toEqual(entries);
  });

  it('neutralises cells that a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('plain, with comma')).toBe('"plain, with comma"');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header row and one row per entry with CRLF line ends', () => {
    const csv = toCsv([entry('2026-11-26T05:00:00Z', { camera: '=cmd|calc', message: 'Failed: "409"', result: 'failed' })]);
    expect(csv).toBe(
      'at,action,camera,result,message,via\r\n' + `2026-11-26T05:00:00Z,cloud.register,'=cmd|calc,failed,"Failed: ""409""",ui\r\n`,
    );
  });

  it('names the file after the time with no characters a file system refuses', () => {
    expect(exportFileName(new Date('2026-11-26T04:40:05.123Z'), 'csv')).toBe('camera-finder-audit-2026-11-26T04-40-05.csv');
  });
});

import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../../../../../electron/core/onboarding/csv-row.js';
import { matchRows } from '../../../../../electron/core/onboarding/match.js';
import { makeDevice } from '../../../../support/devices.js';

const row = (line: number, mac: string | null, serial: string | null = null): CsvRow => ({
  line,
  mac,
  serial,
  password: 'secret',
  name: null,
  location: null,
  id: null,
});

const lobby = makeDevice({ id: 'mac:00:40:8c:12:34:56', mac: '00:40:8c:12:34:56', serial: 'ACCC8E123456' });
const yard = makeDevice({ id: 'mac:00:40:8c:00:00:02', mac: '00:40:8C:00:00:02', serial: 'ACCC8E000002' });
const noMac = makeDevice({ id: 'serial:ACCC8E000003', mac: null, serial: 'accc8e000003' });
const spare = makeDevice({ id: 'mac:00:40:8c:00:00:09', mac: '00:40:8c:00:00:09', serial: null });

describe('matchRows: sheet rows ↔ cameras on site, before anything changes', () => {
  it('matches by MAC first, else by serial, and lists both kinds of leftovers', () => {
    const result = matchRows(
      [
        row(2, '00:40:8c:12:34:56', 'WRONGSERIAL'),
        row(3, null, 'ACCC8E000003'),
        row(4, '00:40:8c:00:00:02'),
        row(5, '00:40:8c:77:77:77', 'NOPE'),
      ],
      [lobby, yard, noMac, spare],
    );
    expect(result.matched.map((pair) => [pair.row.line, pair.device.id, pair.by])).toEqual([
      [2, lobby.id, 'mac'],
      [3, noMac.id, 'serial'],
      [4, yard.id, 'mac'],
    ]);
    expect(result.rowsWithoutCamera.map((entry) => entry.reason)).toEqual([
      'Line 5: no camera with MAC 00:40:8c:77:77:77 or serial NOPE was found on site.',
    ]);
    expect(result.camerasWithoutRow.map((device) => device.id)).toEqual([spare.id]);
  });

  it('refuses a row whose MAC and serial point at two different cameras', () => {
    const result = matchRows([row(7, '00:40:8c:12:34:56', 'ACCC8E000002')], [lobby, yard]);
    expect(result.matched).toEqual([]);
    expect(result.rowsWithoutCamera[0]?.reason).toBe(
      'Line 7: the MAC 00:40:8c:12:34:56 and the serial ACCC8E000002 belong to two different cameras; correct one of them.',
    );
    expect(result.camerasWithoutRow).toHaveLength(2);
  });

  it('gives a camera to the first row only when a later row reaches it by serial', () => {
    const result = matchRows([row(2, '00:40:8c:12:34:56'), row(9, null, 'ACCC8E123456')], [lobby]);
    expect(result.matched.map((pair) => pair.row.line)).toEqual([2]);
    expect(result.rowsWithoutCamera[0]?.reason).toBe(
      'Line 9: matches the same camera as line 2 (MAC 00:40:8c:12:34:56); each camera may have one row.',
    );
  });
});

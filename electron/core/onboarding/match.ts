/**
 * Rows of the technician's sheet ↔ cameras discovered on site, before anything is changed: by MAC, else by
 * serial. The technician sees three lists — matched, rows with no camera on site, cameras with no row — and a
 * sentence for each row that could not be matched unambiguously.
 */
import { normaliseSerialId } from '../../../shared/camera-id.js';
import type { Device } from '../../../shared/device.js';
import { normaliseMac } from '../../../shared/mac.js';
import type { CsvRow } from './csv-row.js';

export interface MatchedPair {
  row: CsvRow;
  device: Device;
  by: 'mac' | 'serial';
}

export interface RowWithoutCamera {
  row: CsvRow;
  /** Why this row has no camera, as a sentence naming its line. */
  reason: string;
}

export interface CsvMatch {
  matched: MatchedPair[];
  rowsWithoutCamera: RowWithoutCamera[];
  camerasWithoutRow: Device[];
}

const describe = (row: CsvRow) => [row.mac && `MAC ${row.mac}`, row.serial && `serial ${row.serial}`].filter(Boolean).join(' or ');

export function matchRows(rows: readonly CsvRow[], devices: readonly Device[]): CsvMatch {
  const byMac = new Map<string, Device>();
  const bySerial = new Map<string, Device>();
  for (const device of devices) {
    const mac = device.mac === null ? null : normaliseMac(device.mac);
    const serial = device.serial === null ? null : normaliseSerialId(device.serial);
    if (mac && !byMac.has(mac)) byMac.set(mac, device);
    if (serial && !bySerial.has(serial)) bySerial.set(serial, device);
  }

  const taken = new Map<string, CsvRow>(); // device id → the row that matched it first
  const matched: MatchedPair[] = [];
  const rowsWithoutCamera: RowWithoutCamera[] = [];
  for (const row of rows) {
    const viaMac = row.mac === null ? undefined : byMac.get(row.mac);
    const viaSerial = row.serial === null ? undefined : bySerial.get(row.serial);
    const device = viaMac ?? viaSerial;
    if (!device) {
      rowsWithoutCamera.push({ row, reason: `Line ${row.line}: no camera with ${describe(row)} was found on site.` });
      continue;
    }
    if (viaMac && viaSerial && viaMac.id !== viaSerial.id) {
      rowsWithoutCamera.push({
        row,
        reason: `Line ${row.line}: the MAC ${row.mac} and the serial ${row.serial} belong to two different cameras; correct one of them.`,
      });
      continue;
    }
    const earlier = taken.get(device.id);
    if (earlier) {
      rowsWithoutCamera.push({
        row,
        reason: `Line ${row.line}: matches the same camera as line ${earlier.line} (${describe(earlier)}); each camera may have one row.`,
      });
      continue;
    }
    taken.set(device.id, row);
    matched.push({ row, device, by: viaMac ? 'mac' : 'serial' });
  }
  const camerasWithoutRow = devices.filter((device) => !taken.has(device.id));
  return { matched, rowsWithoutCamera, camerasWithoutRow };
}

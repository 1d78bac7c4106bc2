import type { Device } from '../../../shared/device.js';
import { csvCell } from './audit-export.js';
import { displayVendor } from './device-filters.js';
import { discoveryLabel, factLabel, sourceLabel } from './format.js';

/**
 * The device table as CSV: the rows the technician sees (filtered, in the table's order), every identity column
 * whether shown or not, RFC 4180 quoting and CRLF. Every cell passes `csvCell`, because names, models and serials
 * come from the LAN and a cell starting with = + - @ would run as a formula in a spreadsheet.
 */
export const DEVICE_CSV_COLUMNS = [
  ['MAC', (d: Device) => d.mac],
  ['MAC source', (d: Device) => (d.macSource ? sourceLabel(d.macSource) : null)],
  ['IP', (d: Device) => d.ip],
  ['Vendor', displayVendor],
  ['Model', (d: Device) => d.model],
  ['Name', (d: Device) => d.name],
  ['Serial', (d: Device) => d.serial],
  ['Firmware', (d: Device) => d.firmware],
  ['Camera', (d: Device) => (d.isCamera ? 'yes' : 'no')],
  ['Sources', (d: Device) => d.sources.map(discoveryLabel).join(' + ')],
  ['Conflicts', (d: Device) => d.conflicts.map(factLabel).join(' + ')],
  ['Cloud', (d: Device) => d.cloud.state],
  ['Online', (d: Device) => (d.online ? 'yes' : 'no')],
  ['Last seen', (d: Device) => d.lastSeen],
] as const satisfies readonly (readonly [string, (device: Device) => string | null])[];

/** Header plus one line per device, CRLF line ends. */
export function devicesToCsv(rows: readonly Device[]): string {
  const lines = [DEVICE_CSV_COLUMNS.map(([label]) => csvCell(label)).join(',')];
  for (const device of rows) lines.push(DEVICE_CSV_COLUMNS.map(([, read]) => csvCell(read(device))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** "camera-finder-devices-2026-11-26T04-40-00.csv": safe on every file system. */
export const deviceCsvFileName = (now: Date): string => `camera-finder-devices-${now.toISOString().slice(0, 19).replaceAll(':', '-')}.csv`;

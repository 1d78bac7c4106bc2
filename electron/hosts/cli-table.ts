import type { Device } from '../../shared/device.js';

const baseColumns: [string, (d: Device) => string][] = [
  ['MAC', (d) => d.mac ?? '—'],
  ['IP', (d) => d.ip ?? '—'],
  ['VENDOR', (d) => d.vendor ?? '—'],
  ['MODEL', (d) => d.model ?? '—'],
  ['NAME', (d) => d.name ?? '—'],
  ['SOURCES', (d) => d.sources.join(',')],
];

/** Shown once any device was identified (scan --identify, identify). */
const identifyColumns: [string, (d: Device) => string][] = [
  ['SERIAL', (d) => d.serial ?? '—'],
  ['FIRMWARE', (d) => d.firmware ?? '—'],
  ['AUTH', (d) => (d.auth ? `${d.auth.status}${d.auth.set ? ` (${d.auth.set})` : ''}` : '—')],
];

/** Strip control characters so a hostile name cannot move the cursor or rewrite the terminal. */
const printable = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, '?').slice(0, 40);

/** A plain-text table for humans; scripts use --json. */
export function formatTable(devices: Device[]): string {
  const columns = devices.some((d) => d.auth) ? [...baseColumns, ...identifyColumns] : baseColumns;
  const rows = devices.map((d) => columns.map(([, get]) => printable(get(d))));
  const widths = columns.map(([title], i) => Math.max(title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns.map(([title]) => title)), ...rows.map(line)].join('\n');
}

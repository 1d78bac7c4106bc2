/**
 * What an onboarding job covers (issue #11 §1–2): the discovered cameras on the chosen interfaces, subnets or
 * table selection, matched against the technician's sheet by MAC, else serial — all before anything changes.
 * Each camera gets its camera ID (the row's `id`, else the configured format from its MAC or serial).
 * Hazard: the sheet is untrusted text; it is bounded in bytes here and in rows and cells by the importer.
 */
import { cameraId as idFor, type CameraIdFormat } from '../../shared/camera-id.js';
import { parseCidr } from '../../shared/cidr.js';
import type { ParsedArgs } from '../../shared/contract.js';
import type { Device } from '../../shared/device.js';
import { ipv4ToInt } from '../../shared/net.js';
import { MAX_CSV_BYTES, type CsvProblem, type CsvRowView } from '../../shared/onboarding.js';
import { importCsv } from './onboarding/csv-import.js';
import type { CsvRow } from './onboarding/csv-row.js';
import { matchRows } from './onboarding/match.js';

type OnboardScope = ParsedArgs<'onboard.preview'>;

export interface ScopedCamera {
  cameraId: string;
  device: Device;
  row: CsvRow | null;
}

export interface ResolvedScope {
  problems: CsvProblem[];
  cameras: ScopedCamera[];
  rowsWithoutCamera: { row: CsvRow; reason: string }[];
  camerasWithoutRow: Device[];
  /** Every valid row of the sheet (to find a password again when a job resumes); empty without a sheet. */
  rows: CsvRow[];
  hasCsv: boolean;
}

export const rowView = (row: CsvRow): CsvRowView => ({
  line: row.line,
  mac: row.mac,
  serial: row.serial,
  hasPassword: row.password !== null && row.password !== '',
  name: row.name,
  location: row.location,
  id: row.id,
});

function inSubnets(ip: string | null, subnets: readonly string[]): boolean {
  const address = ip === null ? null : ipv4ToInt(ip);
  if (address === null) return false;
  return subnets.some((text) => {
    const parsed = parseCidr(text, { confirmLarge: true });
    if (!parsed.ok) return false;
    // first/last skip the network and broadcast addresses, which no camera holds.
    return address >= parsed.range.first && address <= parsed.range.last;
  });
}

/** The discovered cameras the scope names, in the registry's order. */
export function scopeDevices(all: readonly Device[], scope: OnboardScope): Device[] {
  const ids = scope.deviceIds ? new Set(scope.deviceIds) : null;
  const interfaces = scope.interfaces?.length ? new Set(scope.interfaces) : null;
  const subnets = scope.subnets?.length ? scope.subnets : null;
  return all.filter((device) => {
    if (!device.isCamera) return false;
    if (ids && !ids.has(device.id)) return false;
    // Interfaces and subnets both name where to look: a camera in either is in scope.
    if (!interfaces && !subnets) return true;
    return (
      (interfaces !== null && device.interface !== null && interfaces.has(device.interface)) ||
      (subnets !== null && inSubnets(device.ip, subnets))
    );
  });
}

export function resolveScope(
  devices: readonly Device[],
  scope: OnboardScope,
  idFormat: CameraIdFormat,
  requirePassword: boolean,
): ResolvedScope {
  const problems: CsvProblem[] = [];
  for (const subnet of scope.subnets ?? []) {
    const parsed = parseCidr(subnet, { confirmLarge: true });
    if (!parsed.ok) problems.push({ line: null, column: null, message: `Subnet ${subnet.slice(0, 64)}: ${parsed.error.message}` });
  }
  const scoped = scopeDevices(devices, scope);
  const withId = (device: Device, row: CsvRow | null): ScopedCamera | null => {
    const cameraId = row?.id ?? idFor(idFormat, { mac: device.mac, serial: device.serial });
    if (cameraId) return { cameraId, device, row };
    const what = idFormat === 'serial' ? 'serial number' : 'MAC address';
    const where = row ? `Line ${row.line}: the` : `The`;
    problems.push({
      line: row?.line ?? null,
      column: row ? 'id' : null,
      message: `${where} camera at ${device.ip ?? device.id} has no camera ID: its ${what} is not known. Identify it first, or give its ID in the sheet's "id" column.`,
    });
    return null;
  };
  if (!scope.csv) {
    const cameras = scoped.map((device) => withId(device, null)).filter((c): c is ScopedCamera => c !== null);
    return { problems, cameras, rowsWithoutCamera: [], camerasWithoutRow: [], rows: [], hasCsv: false };
  }
  const bytes = Buffer.from(scope.csv.text, 'utf8');
  if (bytes.length > MAX_CSV_BYTES) {
    problems.push({
      line: null,
      column: null,
      message: `The sheet is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB; split it into smaller files.`,
    });
    return { problems, cameras: [], rowsWithoutCamera: [], camerasWithoutRow: scoped, rows: [], hasCsv: true };
  }
  const imported = importCsv(bytes, { requirePassword });
  problems.push(...imported.problems);
  const match = matchRows(imported.rows, scoped);
  const cameras = match.matched.map((pair) => withId(pair.device, pair.row)).filter((c): c is ScopedCamera => c !== null);
  // Two rows whose `id` override collide would make one channel for two cameras: the later row is refused.
  const seen = new Map<string, number>();
  const unique = cameras.filter((camera) => {
    const earlier = seen.get(camera.cameraId);
    if (earlier === undefined) {
      seen.set(camera.cameraId, camera.row?.line ?? 0);
      return true;
    }
    problems.push({
      line: camera.row?.line ?? null,
      column: 'id',
      message: `Line ${camera.row?.line ?? '?'}: camera ID ${camera.cameraId} is already used by line ${earlier}; each camera needs its own ID.`,
    });
    return false;
  });
  return {
    problems,
    cameras: unique,
    rowsWithoutCamera: match.rowsWithoutCamera,
    camerasWithoutRow: match.camerasWithoutRow,
    rows: imported.rows,
    hasCsv: true,
  };
}

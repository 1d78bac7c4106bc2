import type { Device } from '../../../shared/device.js';
import { ipv4ToInt } from '../../../shared/net.js';

export type SortKey = 'ip' | 'mac';
export type SortDirection = 'asc' | 'desc';
export type SortOrder = { key: SortKey; direction: SortDirection };
export type ViewOptions = { showNonCameras: boolean; query: string; sort: SortOrder };

export const defaultSort: SortOrder = { key: 'ip', direction: 'asc' };

/** The vendor column: the IEEE registrant of the MAC, else what the device calls its maker. */
export const displayVendor = (device: Device): string | null => device.vendor ?? device.manufacturer;

const hexOnly = (text: string) => text.toLowerCase().replace(/[^0-9a-f]/g, '');

/**
 * Case-insensitive substring match over what a technician reads off a label or a sticker. A MAC matches
 * whatever separators were typed ("00408C", "00-40-8c", "00:40:8c").
 */
export function matchesFilter(device: Device, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const fields = [device.ip, device.vendor, device.manufacturer, device.model, device.name, device.serial, device.mac];
  if (fields.some((field) => field?.toLowerCase().includes(q))) return true;
  if (!device.mac || !/^[0-9a-f:.\s-]+$/.test(q)) return false;
  const hex = hexOnly(q);
  return hex.length >= 2 && hexOnly(device.mac).includes(hex);
}

function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number | null {
  if (a === null && b === null) return null;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}

const ipKey = (device: Device): number | null => (device.ip === null ? null : (ipv4ToInt(device.ip) ?? 2 ** 32));

/** Orders devices; devices without the key always go last, whichever the direction. */
export function compareDevices(a: Device, b: Device, sort: SortOrder): number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const primary =
    sort.key === 'ip'
      ? compareNullable(ipKey(a), ipKey(b), (x, y) => sign * (x - y) || sign * (a.ip ?? '').localeCompare(b.ip ?? ''))
      : compareNullable(a.mac, b.mac, (x, y) => sign * x.localeCompare(y));
  if (primary) return primary;
  return a.id.localeCompare(b.id);
}

/** The rows the table shows, in order: cameras only unless asked, filtered, sorted. */
export function visibleDevices(devices: Iterable<Device>, options: ViewOptions): Device[] {
  const rows: Device[] = [];
  for (const device of devices) {
    if (!options.showNonCameras && !device.isCamera) continue;
    if (!matchesFilter(device, options.query)) continue;
    rows.push(device);
  }
  return rows.sort((a, b) => compareDevices(a, b, options.sort));
}

/** Flips direction when the same column is clicked again; a new column starts ascending. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

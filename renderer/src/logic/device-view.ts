import type { Device } from '../../../shared/device.js';
import { ipv4ToInt } from '../../../shared/net.js';
import { displayVendor, passesFilters, type DeviceFilters, type SubnetSource } from './device-filters.js';

/** Every sortable column; text columns sort case-insensitively, sources by how many protocols saw the device. */
export type SortKey = 'ip' | 'mac' | 'vendor' | 'model' | 'name' | 'serial' | 'firmware' | 'sources' | 'lastSeen';
export type SortDirection = 'asc' | 'desc';
export type SortOrder = { key: SortKey; direction: SortDirection };
export type ViewOptions = {
  showNonCameras: boolean;
  query: string;
  sort: SortOrder;
  /** Vendor, subnet and source filters (none when absent); subnets are read against `interfaces`. */
  filters?: DeviceFilters;
  interfaces?: readonly SubnetSource[];
};

export const defaultSort: SortOrder = { key: 'ip', direction: 'asc' };

export { displayVendor };

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

const textKey: Record<Exclude<SortKey, 'ip' | 'sources'>, (device: Device) => string | null> = {
  mac: (device) => device.mac,
  vendor: displayVendor,
  model: (device) => device.model,
  name: (device) => device.name,
  serial: (device) => device.serial,
  firmware: (device) => device.firmware,
  lastSeen: (device) => device.lastSeen,
};

const compareText = (x: string, y: string) => x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true });

/** Orders devices; devices without the key always go last, whichever the direction. */
export function compareDevices(a: Device, b: Device, sort: SortOrder): number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  let primary: number | null;
  if (sort.key === 'ip') {
    primary = compareNullable(ipKey(a), ipKey(b), (x, y) => sign * (x - y) || sign * (a.ip ?? '').localeCompare(b.ip ?? ''));
  } else if (sort.key === 'sources') {
    primary = sign * (a.sources.length - b.sources.length) || sign * a.sources.join(',').localeCompare(b.sources.join(','));
  } else {
    const key = textKey[sort.key];
    const empty = (text: string | null) => (text === null || text === '' ? null : text);
    primary = compareNullable(empty(key(a)), empty(key(b)), (x, y) => sign * compareText(x, y));
  }
  if (primary) return primary;
  // Equal keys fall back to the address so the order is stable while rows arrive.
  return compareNullable(ipKey(a), ipKey(b), (x, y) => x - y) || a.id.localeCompare(b.id);
}

/** The rows the table shows, in order: cameras only unless asked, filtered, sorted. */
export function visibleDevices(devices: Iterable<Device>, options: ViewOptions): Device[] {
  const rows: Device[] = [];
  for (const device of devices) {
    if (!options.showNonCameras && !device.isCamera) continue;
    if (!matchesFilter(device, options.query)) continue;
    if (options.filters && !passesFilters(device, options.filters, options.interfaces ?? [])) continue;
    rows.push(device);
  }
  return rows.sort((a, b) => compareDevices(a, b, options.sort));
}

/** Flips direction when the same column is clicked again; a new column starts ascending. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

import type { DiscoverySourceName } from '../../../shared/device.js';
import { discoverySources, type Device } from '../../../shared/device.js';
import { intToIpv4, parseCidr } from '../../../shared/cidr.js';
import { ipv4ToInt } from '../../../shared/net.js';

/**
 * The table's filters besides the search box: one vendor, one subnet, one discovery source (null = any).
 * Vendor and subnet values are what `filterChoices` offers, so a choice always matches at least one device
 * when it is offered.
 */
export type DeviceFilters = { vendor: string | null; subnet: string | null; source: DiscoverySourceName | null };
export const noFilters: DeviceFilters = { vendor: null, subnet: null, source: null };

/** The vendor column: the IEEE registrant of the MAC, else what the device calls its maker. */
export const displayVendor = (device: Device): string | null => device.vendor ?? device.manufacturer;

/** An interface's subnet as the renderer knows it ("198.18.0.2/16"). */
export type SubnetSource = { cidr: string };

/** Choices listed in a drop-down; vendor names come from the LAN, so the list is bounded. */
export const MAX_CHOICES = 200;

/**
 * The subnet a device is on: the network of the laptop interface it shares a subnet with, else its /24
 * (a routed subnet found by the sweep). Null without an IPv4 address.
 */
export function subnetOf(ip: string | null, interfaces: readonly SubnetSource[]): string | null {
  const address = ip === null ? null : ipv4ToInt(ip);
  if (address === null) return null;
  for (const nic of interfaces) {
    const parsed = parseCidr(nic.cidr, { confirmLarge: true });
    if (!parsed.ok || parsed.range.prefix >= 31 || parsed.range.prefix === 0) continue;
    const mask = (0xffffffff << (32 - parsed.range.prefix)) >>> 0;
    const network = ipv4ToInt(parsed.range.cidr.split('/')[0] ?? '');
    if (network !== null && (address & mask) >>> 0 === network) return parsed.range.cidr;
  }
  return `${intToIpv4((address & 0xffffff00) >>> 0)}/24`;
}

export type FilterChoices = { vendors: string[]; subnets: string[]; sources: DiscoverySourceName[] };

const bySubnet = (a: string, b: string) =>
  (ipv4ToInt(a.split('/')[0] ?? '') ?? 0) - (ipv4ToInt(b.split('/')[0] ?? '') ?? 0) || a.localeCompare(b);

/** What the drop-downs offer: the vendors, subnets and sources present among `devices`, sorted. */
export function filterChoices(devices: Iterable<Device>, interfaces: readonly SubnetSource[]): FilterChoices {
  const vendors = new Set<string>();
  const subnets = new Set<string>();
  const sources = new Set<DiscoverySourceName>();
  for (const device of devices) {
    const vendor = displayVendor(device);
    if (vendor && vendors.size < MAX_CHOICES) vendors.add(vendor);
    const subnet = subnetOf(device.ip, interfaces);
    if (subnet && subnets.size < MAX_CHOICES) subnets.add(subnet);
    for (const source of device.sources) sources.add(source);
  }
  return {
    vendors: [...vendors].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    subnets: [...subnets].sort(bySubnet),
    sources: discoverySources.filter((source) => sources.has(source)),
  };
}

/** True when the device passes every filter that is set. */
export function passesFilters(device: Device, filters: DeviceFilters, interfaces: readonly SubnetSource[]): boolean {
  if (filters.vendor !== null && displayVendor(device) !== filters.vendor) return false;
  if (filters.source !== null && !device.sources.includes(filters.source)) return false;
  if (filters.subnet !== null && subnetOf(device.ip, interfaces) !== filters.subnet) return false;
  return true;
}

/** How many filters are set, for the "Clear filters" button. */
export const activeFilterCount = (filters: DeviceFilters): number => Object.values(filters).filter((value) => value !== null).length;

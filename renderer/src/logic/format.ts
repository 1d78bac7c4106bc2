import type { DiscoverySourceName, FactName, FactSource } from '../../../shared/device.js';

const SOURCE_LABELS: Record<FactSource, string> = {
  arp: 'ARP (neighbour table)',
  onvif: 'ONVIF device service',
  wsd: 'WS-Discovery',
  'wsd-scope': 'WS-Discovery scope',
  'mdns-txt': 'mDNS TXT record',
  upnp: 'UPnP description',
  'uuid-suffix': 'endpoint UUID suffix',
  'ipv6-eui64': 'IPv6 EUI-64 address',
  oui: 'IEEE OUI registry',
  sweep: 'network sweep',
  vapix: 'Axis VAPIX',
  manual: 'entered by hand',
  ssdp: 'SSDP',
  mdns: 'mDNS',
};

const FACT_LABELS: Record<FactName, string> = {
  mac: 'MAC',
  ip: 'IP',
  vendor: 'Vendor',
  manufacturer: 'Manufacturer',
  model: 'Model',
  name: 'Name',
  serial: 'Serial',
  firmware: 'Firmware',
  hardware: 'Hardware',
  location: 'Location',
};

const DISCOVERY_LABELS: Record<DiscoverySourceName, string> = {
  wsd: 'WS-Discovery',
  ssdp: 'SSDP',
  mdns: 'mDNS',
  sweep: 'Sweep',
};

/** "ARP (neighbour table)": where a fact came from, in words a technician knows. */
export const sourceLabel = (source: FactSource): string => SOURCE_LABELS[source] ?? source;

export const factLabel = (name: FactName): string => FACT_LABELS[name] ?? name;

export const discoveryLabel = (source: DiscoverySourceName): string => DISCOVERY_LABELS[source] ?? source;

const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time "10:02:03"; the raw text (bounded) when it is not a timestamp. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 40);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "3.2 s" */
export function formatSeconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/** "MAC 00:40:8c:12:34:56 — from ARP (neighbour table) at 10:02:03" */
export function describeFact(name: FactName, fact: { value: string; source: FactSource; at: string }): string {
  return `${factLabel(name)} ${fact.value} — from ${sourceLabel(fact.source)} at ${formatClock(fact.at)}`;
}

/** "1 camera" / "3 cameras" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Local "2026-11-25 10:02:03"; the raw text (bounded) when it is not a timestamp. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 40);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatClock(iso)}`;
}

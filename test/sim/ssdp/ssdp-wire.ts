/**
 * The simulator's SSDP wire format (UPnP Device Architecture 1.1 §1): read an M-SEARCH, decide which of a
 * device's targets it asks for, write the unicast answer and the NOTIFY alive/byebye. Pure; sockets live in
 * ssdp-responder.ts. Requests come from the LAN, so reading is bounded (size, header count) and lenient about
 * CRLF vs LF and header case, as real stacks are.
 */

export const SSDP_GROUP = '239.255.255.250';
export const SSDP_PORT = 1900;
const MAX_REQUEST = 8192;
const MAX_HEADERS = 32;

export type MSearch = { st: string; mx: number | null; man: string };

/** An M-SEARCH request, or null for anything else (responses, NOTIFY, junk, a multicast search without MX). */
export function parseMSearch(data: Buffer, multicast: boolean): MSearch | null {
  if (data.length > MAX_REQUEST) return null;
  const lines = data.toString('latin1').split(/\r?\n/);
  if (!/^M-SEARCH \* HTTP\/1\.[01]$/i.test((lines[0] ?? '').trim())) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1, 1 + MAX_HEADERS)) {
    if (line.trim() === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toUpperCase(), line.slice(colon + 1).trim());
  }
  const man = headers.get('MAN') ?? '';
  const st = headers.get('ST') ?? '';
  if (man !== '"ssdp:discover"' || st === '') return null;
  const mxText = headers.get('MX');
  const mx = mxText !== undefined && /^\d{1,3}$/.test(mxText) ? Number(mxText) : null;
  // UDA 1.1: a multicast search without a valid MX is dropped; MX above 5 counts as 5.
  if (multicast && mx === null) return null;
  return { st, mx: mx === null ? null : Math.min(mx, 5), man };
}

/** What a device advertises: its UDN and the types it answers for (root device type first, then services). */
export type SsdpTargets = { udn: string; deviceType: string; services: string[] };

/** The (ST, USN) pairs a device answers a search with; empty when the search is not for it. */
export function matchSearch(st: string, t: SsdpTargets): { st: string; usn: string }[] {
  const all = [
    { st: 'upnp:rootdevice', usn: `${t.udn}::upnp:rootdevice` },
    { st: t.udn, usn: t.udn },
    { st: t.deviceType, usn: `${t.udn}::${t.deviceType}` },
    ...t.services.map((s) => ({ st: s, usn: `${t.udn}::${s}` })),
  ];
  if (st === 'ssdp:all') return all;
  return all.filter((x) => x.st.toLowerCase() === st.toLowerCase());
}

export type SsdpHeaders = { location: string; server: string; extra?: string[] };

const crlf = (lines: string[]): Buffer => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');

/** The unicast `HTTP/1.1 200 OK` answer to an M-SEARCH. */
export function searchResponse(h: SsdpHeaders, target: { st: string; usn: string }, date = new Date()): Buffer {
  return crlf([
    'HTTP/1.1 200 OK',
    'CACHE-CONTROL: max-age=1800',
    `DATE: ${date.toUTCString()}`,
    'EXT:',
    `LOCATION: ${h.location}`,
    `SERVER: ${h.server}`,
    `ST: ${target.st}`,
    `USN: ${target.usn}`,
    ...(h.extra ?? []),
  ]);
}

/** NOTIFY ssdp:alive (with LOCATION) or ssdp:byebye for one (NT, USN) pair, multicast to 239.255.255.250:1900. */
export function notify(h: SsdpHeaders, target: { st: string; usn: string }, nts: 'ssdp:alive' | 'ssdp:byebye'): Buffer {
  return crlf([
    'NOTIFY * HTTP/1.1',
    `HOST: ${SSDP_GROUP}:${SSDP_PORT}`,
    ...(nts === 'ssdp:alive' ? ['CACHE-CONTROL: max-age=1800', `LOCATION: ${h.location}`, `SERVER: ${h.server}`] : []),
    `NT: ${target.st}`,
    `NTS: ${nts}`,
    `USN: ${target.usn}`,
    ...(nts === 'ssdp:alive' ? (h.extra ?? []) : []),
  ]);
}

export type DescriptionFields = {
  deviceType: string;
  friendlyName: string;
  manufacturer: string;
  manufacturerURL?: string;
  modelDescription?: string;
  modelName: string;
  modelNumber: string;
  modelURL?: string;
  serialNumber: string;
  udn: string;
  presentationURL: string;
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The device description XML (`urn:schemas-upnp-org:device-1-0`) served at LOCATION. */
export function descriptionXml(f: DescriptionFields): string {
  const el = (name: string, v: string | undefined): string => (v === undefined ? '' : `    <${name}>${esc(v)}</${name}>\n`);
  return (
    '<?xml version="1.0"?>\n<root xmlns="urn:schemas-upnp-org:device-1-0">\n' +
    '  <specVersion>\n    <major>1</major>\n    <minor>0</minor>\n  </specVersion>\n  <device>\n' +
    el('deviceType', f.deviceType) +
    el('friendlyName', f.friendlyName) +
    el('manufacturer', f.manufacturer) +
    el('manufacturerURL', f.manufacturerURL) +
    el('modelDescription', f.modelDescription) +
    el('modelName', f.modelName) +
    el('modelNumber', f.modelNumber) +
    el('modelURL', f.modelURL) +
    el('serialNumber', f.serialNumber) +
    el('UDN', f.udn) +
    el('presentationURL', f.presentationURL) +
    '  </device>\n</root>\n'
  );
}

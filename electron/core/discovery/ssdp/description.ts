/**
 * UPnP device description XML (the document SSDP's LOCATION points at) → the root device's identity fields.
 * Pure; never throws. Hazard: the document is untrusted: a DOCTYPE (entity expansion), more than 64 KiB, deep
 * nesting or a flood of tags is refused by the shared XML reader; every field is cut to MAX_UPNP_FIELD_CHARS and
 * control characters become spaces (a friendlyName is free text a user or attacker typed; the UI renders text).
 */
import { child, parseXml, text, type XmlNode } from '../wsd/xml-tree.js';
import { MAX_DESCRIPTION_BYTES } from './location.js';

export const MAX_UPNP_FIELD_CHARS = 256;

export interface UpnpDescription {
  deviceType: string | null;
  friendlyName: string | null;
  manufacturer: string | null;
  modelName: string | null;
  modelNumber: string | null;
  modelDescription: string | null;
  serialNumber: string | null;
  /** `uuid:…` as sent. */
  udn: string | null;
  presentationUrl: string | null;
  urlBase: string | null;
}

export type DescriptionError = 'too-large' | 'not-xml' | 'no-device';
export type DescriptionResult = { ok: true; description: UpnpDescription } | { ok: false; error: DescriptionError };

const FIELDS: [keyof UpnpDescription, string][] = [
  ['deviceType', 'deviceType'],
  ['friendlyName', 'friendlyName'],
  ['manufacturer', 'manufacturer'],
  ['modelName', 'modelName'],
  ['modelNumber', 'modelNumber'],
  ['modelDescription', 'modelDescription'],
  ['serialNumber', 'serialNumber'],
  ['udn', 'UDN'],
  ['presentationUrl', 'presentationURL'],
];

/** Parses a description document (text as fetched). */
export function parseUpnpDescription(xml: unknown): DescriptionResult {
  if (typeof xml !== 'string') return { ok: false, error: 'not-xml' };
  if (xml.length > MAX_DESCRIPTION_BYTES || Buffer.byteLength(xml, 'utf8') > MAX_DESCRIPTION_BYTES) {
    return { ok: false, error: 'too-large' };
  }
  const body = xml.replace(/^\uFEFF/, '');
  if (!body.trimStart().startsWith('<')) return { ok: false, error: 'not-xml' };
  const tree = parseXml(body);
  if (tree === null) return { ok: false, error: 'not-xml' };
  const root = child(tree, 'root');
  const device = child(root, 'device');
  if (device === undefined || typeof device !== 'object' || device === null) return { ok: false, error: 'no-device' };
  const description = Object.fromEntries(FIELDS.map(([key, name]) => [key, field(device, name)])) as Record<
    keyof UpnpDescription,
    string | null
  >;
  description.urlBase = field(root, 'URLBase');
  return { ok: true, description };
}

/** Element text with control characters made spaces, whitespace collapsed, cut; null when empty. */
function field(node: XmlNode, name: string): string | null {
  const value = text(child(node, name))
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_UPNP_FIELD_CHARS);
  return value === '' ? null : value;
}

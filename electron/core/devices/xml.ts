/**
 * XML from cameras (ONVIF SOAP replies, VAPIX list.cgi) as a fast-xml-parser tree, read by local name.
 * Hazards handled here — the text is untrusted: a DOCTYPE/ENTITY is refused before parsing (no entity
 * expansion), markup and nesting are bounded, every value stays a string (parseTagValue off: an 18-digit
 * serial must not become a float), and helpers read only a node's own keys, so an element named `__proto__`
 * or `constructor` never resolves to something inherited.
 * (discovery/wsd/xml-tree.ts has the same manner; capabilities may not import each other, so this is a copy
 * tuned for replies: larger caps. The lead may move both into platform/.)
 */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = unknown;

/** A GetNetworkInterfaces reply with IPv6 and vendor extensions nests ~12 deep. */
export const MAX_DEPTH = 40;
/** Real replies hold a few hundred tags; 64 KiB of `<x/>` holds 16,000 and costs ~100 ms to parse. */
export const MAX_TAGS = 4096;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  maxNestedTags: MAX_DEPTH - 1,
});

const DOCTYPE = /<!(DOCTYPE|ENTITY)/i;

function tooMuchMarkup(text: string): boolean {
  let tags = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x3c && ++tags > MAX_TAGS) return true;
  return false;
}

export type XmlParse = { ok: true; tree: XmlNode } | { ok: false; reason: 'doctype' | 'too-much-markup' | 'malformed' };

/** The parsed tree, or why not. Never throws. */
export function parseXml(text: string): XmlParse {
  if (DOCTYPE.test(text)) return { ok: false, reason: 'doctype' };
  if (tooMuchMarkup(text)) return { ok: false, reason: 'too-much-markup' };
  try {
    const tree = parser.parse(text, true) as XmlNode;
    return typeof tree === 'object' && tree !== null ? { ok: true, tree } : { ok: false, reason: 'malformed' };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

const isRecord = (node: XmlNode): node is Record<string, unknown> => typeof node === 'object' && node !== null && !Array.isArray(node);

/** All children with this local name, case-insensitive (a repeated element parses as an array). */
export function children(node: XmlNode, name: string): XmlNode[] {
  if (!isRecord(node)) return [];
  const wanted = name.toLowerCase();
  const found: XmlNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text' || key.toLowerCase() !== wanted) continue;
    if (Array.isArray(value)) for (const item of value as XmlNode[]) found.push(item);
    else found.push(value);
  }
  return found;
}

/** The first child along a path of local names. */
export function child(node: XmlNode, ...path: string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const name of path) {
    current = children(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const ENTITY = /&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, ref: string) => {
    if (!ref.startsWith('#')) return ENTITIES.get(ref.toLowerCase()) ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An element's text, exactly as sent apart from surrounding whitespace (an element with attributes has '#text'). */
export function text(node: XmlNode | undefined): string {
  if (typeof node === 'string') return decodeEntities(node).trim();
  if (isRecord(node)) return Object.hasOwn(node, '#text') ? text(node['#text']) : '';
  return '';
}

/** An attribute by local name, case-insensitive. */
export function attribute(node: XmlNode | undefined, name: string): string | null {
  if (!isRecord(node)) return null;
  const wanted = `@_${name}`.toLowerCase();
  const key = Object.keys(node).find((k) => k.toLowerCase() === wanted);
  const value = key === undefined ? undefined : node[key];
  return typeof value === 'string' ? decodeEntities(value).trim() : null;
}

/**
 * Small helpers over fast-xml-parser's object tree, matching element names by local name, case-insensitively,
 * whatever prefix a device used (d:, wsdd:, wsadis:, tdn:, none).
 * Hazard: the tree comes from untrusted LAN packets; every helper tolerates any shape, reads only the node's
 * own keys (an element called `constructor` or `__proto__` never resolves to something inherited), and
 * lookups keyed by LAN text use Maps. fast-xml-parser 5 refuses such element names today; we do not rely on it.
 */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = unknown;

/**
 * SOAP forbids a DTD, so a DOCTYPE is refused before parsing (no entity expansion, no billion laughs);
 * processEntities is off as a second guard and the five XML entities are decoded by hand in text().
 * Nesting is bounded (MAX_DEPTH elements deep): a real WS-Discovery message nests about 6 deep.
 */
export const MAX_DEPTH = 32;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  // fast-xml-parser counts nesting below the root element: 31 here accepts exactly MAX_DEPTH levels.
  maxNestedTags: MAX_DEPTH - 1,
});

const DOCTYPE = /<!(DOCTYPE|ENTITY)/i;

/**
 * Most tags (`<`) and attributes (`=`) a message may hold. A real WS-Discovery message has under 100 of each;
 * 64 KiB of `<x/>` siblings holds 16,000 and costs fast-xml-parser ~100 ms, so such text is refused unparsed.
 */
export const MAX_TAGS = 1024;
export const MAX_ATTRIBUTES = 1024;

/** True when the text has more `<` or `=` than the caps allow; a single pass, no allocation. */
function tooMuchMarkup(text: string): boolean {
  let tags = 0;
  let equals = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3c && ++tags > MAX_TAGS) return true;
    if (code === 0x3d && ++equals > MAX_ATTRIBUTES) return true;
  }
  return false;
}

/** The parsed tree, or null when the text is not XML we are willing to read. Never throws. */
export function parseXml(text: string): XmlNode | null {
  if (DOCTYPE.test(text) || tooMuchMarkup(text)) return null;
  try {
    return parser.parse(text) as XmlNode;
  } catch {
    return null;
  }
}

const isRecord = (node: XmlNode): node is Record<string, unknown> => typeof node === 'object' && node !== null && !Array.isArray(node);

/** All children with this local name (a repeated element parses as an array). */
export function children(node: XmlNode, name: string): XmlNode[] {
  if (!isRecord(node)) return [];
  const wanted = name.toLowerCase();
  const found: XmlNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text' || key.toLowerCase() !== wanted) continue;
    // A loop, not push(...value): a packet of tens of thousands of siblings must not overflow the stack.
    if (Array.isArray(value)) for (const item of value as XmlNode[]) found.push(item);
    else found.push(value);
  }
  return found;
}

/** The first child with this local name, following a path of names. */
export function child(node: XmlNode, ...path: string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const name of path) {
    current = children(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** The name of the first element child (e.g. the Body's payload), without prefix. */
export function firstElementName(node: XmlNode): string | null {
  if (!isRecord(node)) return null;
  return Object.keys(node).find((key) => !key.startsWith('@_') && key !== '#text') ?? null;
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

/** An element's text content (an element with attributes parses as an object with '#text'). */
export function text(node: XmlNode | undefined): string {
  if (typeof node === 'string') return decodeEntities(node).trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isRecord(node)) return Object.hasOwn(node, '#text') ? text(node['#text']) : '';
  return '';
}

/** An attribute by local name (the parser already dropped its prefix). */
export function attribute(node: XmlNode | undefined, name: string): string | null {
  if (!isRecord(node)) return null;
  const wanted = `@_${name}`.toLowerCase();
  const key = Object.keys(node).find((k) => k.toLowerCase() === wanted);
  const value = key === undefined ? undefined : node[key];
  return typeof value === 'string' ? decodeEntities(value).trim() : null;
}

/**
 * Untrusted XML (WS-Discovery packets, SOAP replies, UPnP descriptions, VAPIX lists) as a fast-xml-parser tree,
 * read by local name, case-insensitively, whatever prefix the sender used.
 * Hazards handled here, once for every capability: a DOCTYPE/ENTITY is refused before parsing (no entity
 * expansion, no billion laughs; processEntities is off as a second guard and the five XML entities are decoded by
 * hand), markup and nesting are bounded per reader, every value stays a string (parseTagValue off: an 18-digit
 * serial must not become a float), and the helpers read only a node's own keys, so an element called
 * `__proto__` or `constructor` never resolves to something inherited.
 */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = unknown;

export interface XmlLimits {
  /** Elements deep, counting the root. */
  maxDepth: number;
  /** Most `<` the text may hold: 64 KiB of `<x/>` siblings costs fast-xml-parser ~100 ms, so it is refused unparsed. */
  maxTags: number;
  /** Most `=` (attributes) the text may hold. */
  maxAttributes: number;
  /** Run fast-xml-parser's validator first (stricter; replies from devices), or parse leniently (LAN packets). */
  validate: boolean;
}

export type XmlParse = { ok: true; tree: XmlNode } | { ok: false; reason: 'doctype' | 'too-much-markup' | 'malformed' };

const DOCTYPE = /<!(DOCTYPE|ENTITY)/i;

/** True when the text has more `<` or `=` than the limits allow; a single pass, no allocation. */
function tooMuchMarkup(text: string, limits: XmlLimits): boolean {
  let tags = 0;
  let equals = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3c && ++tags > limits.maxTags) return true;
    if (code === 0x3d && ++equals > limits.maxAttributes) return true;
  }
  return false;
}

/**
 * True when a `<?` is not closed by `?>` before the next `<`. fast-xml-parser's validator reads such an
 * instruction to the end of the text, copying it once per space or `?` (quadratic: 16 KiB took 60 ms, found by the
 * fuzz suite's work meter); no reply needs one. Linear: each instruction is scanned once.
 */
function unclosedInstruction(text: string): boolean {
  for (let at = text.indexOf('<?'); at >= 0; at = text.indexOf('<?', at)) {
    const close = text.indexOf('?>', at + 2);
    const next = text.indexOf('<', at + 2);
    if (close < 0 || (next >= 0 && next < close)) return true;
    at = close + 2;
  }
  return false;
}

/** A reader with these limits: the parsed tree, or why not. Never throws. */
export function xmlReader(limits: XmlLimits): (text: string) => XmlParse {
  const parser = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    trimValues: true,
    // fast-xml-parser counts nesting below the root element: maxDepth - 1 accepts exactly maxDepth levels.
    maxNestedTags: limits.maxDepth - 1,
  });
  return (text) => {
    if (DOCTYPE.test(text)) return { ok: false, reason: 'doctype' };
    if (tooMuchMarkup(text, limits)) return { ok: false, reason: 'too-much-markup' };
    if (unclosedInstruction(text)) return { ok: false, reason: 'malformed' };
    try {
      const tree = parser.parse(text, limits.validate) as XmlNode;
      return limits.validate && (typeof tree !== 'object' || tree === null) ? { ok: false, reason: 'malformed' } : { ok: true, tree };
    } catch {
      return { ok: false, reason: 'malformed' };
    }
  };
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

/** An element's text, exactly as sent apart from surrounding whitespace (an element with attributes has '#text'). */
export function text(node: XmlNode | undefined): string {
  if (typeof node === 'string') return decodeEntities(node).trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isRecord(node)) return Object.hasOwn(node, '#text') ? text(node['#text']) : '';
  return '';
}

/** An attribute by local name (the parser already dropped its prefix), case-insensitive. */
export function attribute(node: XmlNode | undefined, name: string): string | null {
  if (!isRecord(node)) return null;
  const wanted = `@_${name}`.toLowerCase();
  const key = Object.keys(node).find((k) => k.toLowerCase() === wanted);
  const value = key === undefined ? undefined : node[key];
  return typeof value === 'string' ? decodeEntities(value).trim() : null;
}

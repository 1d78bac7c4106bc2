/**
 * The XML reader for discovery packets (WS-Discovery, and the SSDP/sweep parsers beside it), over the shared
 * hardened tree in platform/xml-tree.ts. SOAP forbids a DTD; a real WS-Discovery message nests about 6 deep and
 * holds under 100 tags and attributes, so the caps are tight.
 */
import { xmlReader, type XmlNode } from '../../../platform/xml-tree.js';

export { attribute, child, children, firstElementName, text, type XmlNode } from '../../../platform/xml-tree.js';

export const MAX_DEPTH = 32;
export const MAX_TAGS = 1024;
export const MAX_ATTRIBUTES = 1024;

const read = xmlReader({ maxDepth: MAX_DEPTH, maxTags: MAX_TAGS, maxAttributes: MAX_ATTRIBUTES, validate: false });

/** The parsed tree, or null when the text is not XML we are willing to read. Never throws. */
export function parseXml(text: string): XmlNode | null {
  const parsed = read(text);
  return parsed.ok ? parsed.tree : null;
}

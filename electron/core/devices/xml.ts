/**
 * The XML reader for replies from cameras (ONVIF SOAP, VAPIX list.cgi), over the shared hardened tree in
 * platform/xml-tree.ts, with caps sized for replies rather than discovery packets.
 */
import { xmlReader } from '../../platform/xml-tree.js';

export { attribute, child, children, text, type XmlNode, type XmlParse } from '../../platform/xml-tree.js';

/** A GetNetworkInterfaces reply with IPv6 and vendor extensions nests ~12 deep. */
export const MAX_DEPTH = 40;
/** Real replies hold a few hundred tags; 64 KiB of `<x/>` holds 16,000 and costs ~100 ms to parse. */
export const MAX_TAGS = 4096;

/** The parsed tree, or why not. Never throws. */
export const parseXml = xmlReader({ maxDepth: MAX_DEPTH, maxTags: MAX_TAGS, maxAttributes: Number.POSITIVE_INFINITY, validate: true });

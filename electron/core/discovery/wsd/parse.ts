/**
 * Parser for WS-Discovery datagrams (ProbeMatches, Hello, Bye, Probe, Fault). Pure: bytes in, typed value or
 * null out; never throws. Hazard: every byte comes from the LAN, from cameras, PCs, printers or anything else
 * that talks on 3702; oversized packets, DTDs and unparsable junk are dropped.
 */
import { attribute, child, children, firstElementName, parseXml, text, type XmlNode } from './xml-tree.js';

/** Larger than any real WS-Discovery datagram; bigger ones are junk or an attack. */
export const MAX_WSD_BYTES = 64 * 1024;

export type WsdKind = 'probe-matches' | 'hello' | 'bye' | 'probe' | 'fault';

/**
 * Caps on what one message can hand on (the packet is ≤ 64 KiB, but its text must not be amplified into
 * per-scan structures): lists and matches hold ≤ MAX_LIST items; a list item longer than MAX_ITEM_CHARS or
 * holding a control character is dropped (no real URI or QName has one); header, fault and namespace strings
 * are cut to MAX_FIELD_CHARS; at most MAX_LIST namespace prefixes are kept.
 */
export const MAX_LIST = 64;
export const MAX_ITEM_CHARS = 1024;
export const MAX_FIELD_CHARS = 256;

/** One device description: a ProbeMatch, or the body of a Hello or Bye. */
export interface WsdMatch {
  /** EndpointReference Address, `urn:uuid:`/`uuid:` stripped, lower-case; null when missing or empty. */
  endpoint: string | null;
  /** QNames as sent (`tds:Device`, `dn:NetworkVideoTransmitter`); resolve prefixes with WsdMessage.namespaces. */
  types: string[];
  scopes: string[];
  xaddrs: string[];
  metadataVersion: number | null;
}

export interface WsdMessage {
  kind: WsdKind;
  soapVersion: '1.1' | '1.2' | null;
  action: string | null;
  messageId: string | null;
  /** Should equal the MessageID of our Probe; devices send empty or wrong ones (DoorBird). */
  relatesTo: string | null;
  appSequence: { instanceId: number; messageNumber: number; sequenceId: string | null } | null;
  /** Several per ProbeMatches; one for Hello/Bye; none for Probe and Fault. */
  matches: WsdMatch[];
  /** Types a Probe asked for (our own probes echoed back, or another client's). */
  probeTypes: string[];
  fault: { code: string | null; subcode: string | null; reason: string | null } | null;
  /** Prefix → namespace URI declared anywhere in the message ('' = default namespace). */
  namespaces: Record<string, string>;
}

// A Map, not an object literal: a body element named `constructor` or `__proto__` must not resolve to Object's.
const BODY_KINDS = new Map<string, WsdKind>([
  ['probematches', 'probe-matches'],
  ['hello', 'hello'],
  ['bye', 'bye'],
  ['probe', 'probe'],
  ['fault', 'fault'],
]);

/** The message kind a Body element's local name stands for (any case); null for any other name. */
export const wsdKindOf = (name: string): WsdKind | null => BODY_KINDS.get(name.toLowerCase()) ?? null;

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Reads one datagram; null for anything that is not a WS-Discovery message we understand. */
export function parseWsdMessage(data: Uint8Array): WsdMessage | null {
  if (!(data instanceof Uint8Array) || data.byteLength === 0 || data.byteLength > MAX_WSD_BYTES) return null;
  const xml = decoder.decode(data).replace(/^\uFEFF/, '');
  if (!xml.trimStart().startsWith('<')) return null;
  const envelope = child(parseXml(xml), 'Envelope');
  const body = child(envelope, 'Body');
  const bodyName = firstElementName(body);
  const kind = bodyName === null ? null : wsdKindOf(bodyName);
  if (!kind || !bodyName) return null;
  const payload = child(body, bodyName);
  const header = child(envelope, 'Header');
  return {
    kind,
    soapVersion: soapVersion(xml),
    action: field(child(header, 'Action')),
    messageId: field(child(header, 'MessageID')),
    relatesTo: field(child(header, 'RelatesTo')),
    appSequence: appSequence(child(header, 'AppSequence')),
    matches: matchesOf(kind, payload),
    probeTypes: kind === 'probe' ? list(child(payload, 'Types')) : [],
    fault: kind === 'fault' ? faultOf(payload) : null,
    namespaces: namespacesOf(xml),
  };
}

function matchesOf(kind: WsdKind, payload: XmlNode): WsdMatch[] {
  if (kind === 'hello' || kind === 'bye') return [matchOf(payload)];
  if (kind !== 'probe-matches') return [];
  return children(payload, 'ProbeMatch').slice(0, MAX_LIST).map(matchOf);
}

function matchOf(node: XmlNode): WsdMatch {
  const version = text(child(node, 'MetadataVersion'));
  return {
    endpoint: endpointOf(text(child(node, 'EndpointReference', 'Address'))),
    types: list(child(node, 'Types')),
    scopes: list(child(node, 'Scopes')),
    xaddrs: list(child(node, 'XAddrs')),
    metadataVersion: /^\d{1,15}$/.test(version) ? Number(version) : null,
  };
}

/** `urn:uuid:ABC…` and bare `uuid:abc…` both become `abc…`; an empty `uuid:` becomes null. */
export function endpointOf(address: string): string | null {
  const id = address
    .trim()
    .replace(/^urn:/i, '')
    .replace(/^uuid:/i, '')
    .trim()
    .toLowerCase();
  // An address with control characters is junk, not an identity (it would also be unreadable in the UI).
  return id === '' || CONTROL.test(id) ? null : id.slice(0, MAX_FIELD_CHARS);
}

const CONTROL = /\p{Cc}/u;

/** Whitespace-separated lists (space, tab, newline; devices leave trailing spaces). Junk items are dropped. */
function list(node: XmlNode | undefined): string[] {
  const items: string[] = [];
  for (const item of text(node).split(/\s+/)) {
    if (items.length >= MAX_LIST) break;
    if (item !== '' && item.length <= MAX_ITEM_CHARS && !CONTROL.test(item)) items.push(item);
  }
  return items;
}

function appSequence(node: XmlNode | undefined): WsdMessage['appSequence'] {
  const instanceId = Number(attribute(node, 'InstanceId') ?? NaN);
  const messageNumber = Number(attribute(node, 'MessageNumber') ?? NaN);
  if (!Number.isSafeInteger(instanceId) || !Number.isSafeInteger(messageNumber)) return null;
  const sequenceId = attribute(node, 'SequenceId');
  return { instanceId, messageNumber, sequenceId: sequenceId === null ? null : sequenceId.slice(0, MAX_FIELD_CHARS) };
}

function faultOf(fault: XmlNode): WsdMessage['fault'] {
  // SOAP 1.2: Code/Value, Code/Subcode/Value, Reason/Text. SOAP 1.1: faultcode, faultstring.
  return {
    code: field(child(fault, 'Code', 'Value')) ?? field(child(fault, 'faultcode')),
    subcode: field(child(fault, 'Code', 'Subcode', 'Value')),
    reason: field(child(fault, 'Reason', 'Text')) ?? field(child(fault, 'faultstring')),
  };
}

function soapVersion(xml: string): WsdMessage['soapVersion'] {
  if (xml.includes('http://www.w3.org/2003/05/soap-envelope')) return '1.2';
  if (xml.includes('http://schemas.xmlsoap.org/soap/envelope')) return '1.1';
  return null;
}

const XMLNS = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function namespacesOf(xml: string): Record<string, string> {
  const namespaces: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const match of xml.matchAll(XMLNS)) {
    const prefix = (match[1] ?? '').slice(0, MAX_FIELD_CHARS);
    if (Object.hasOwn(namespaces, prefix)) continue;
    namespaces[prefix] = (match[2] ?? match[3] ?? '').trim().slice(0, MAX_FIELD_CHARS);
    if (++count >= MAX_LIST) break;
  }
  return namespaces;
}

/** An element's text, cut to MAX_FIELD_CHARS; null when empty. */
function field(node: XmlNode | undefined): string | null {
  const value = text(node).slice(0, MAX_FIELD_CHARS);
  return value === '' ? null : value;
}

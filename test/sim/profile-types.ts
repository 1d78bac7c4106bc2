import { createHash, randomUUID } from 'node:crypto';
import type { ServiceInstance } from './mdns/mdns-answers.js';
import type { DescriptionFields, SsdpTargets } from './ssdp/ssdp-wire.js';

/** XML namespaces a WS-Discovery device writes; the simulator spells them out itself (no app code shared). */
export const NS = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsd: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
  dn: 'http://www.onvif.org/ver10/network/wsdl',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  pub: 'http://schemas.microsoft.com/windows/pub/2005/07',
  wsdp: 'http://schemas.xmlsoap.org/ws/2006/02/devprof',
} as const;

export const ANONYMOUS = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous';
export const WSD_TO = 'urn:schemas-xmlsoap-org:ws:2005:04:discovery';
export const action = (name: 'ProbeMatches' | 'Hello' | 'Bye'): string => `${NS.wsd}/${name}`;

export type ProfileName = 'axis' | 'hikvision' | 'dahua' | 'reolink' | 'soap11-oem' | 'windows-pc' | 'garbage';

/** One simulated device as its profile templates see it. */
export type SimCamera = {
  id: string;
  ip: string;
  /** lower-case aa:bb:cc:dd:ee:ff, as the kernel reports the camera's interface */
  mac: string;
  model: string;
  /** raw (not yet percent-encoded) value of the name scope; undefined → the vendor's usual name */
  name?: string;
  /** lower-case UUID without prefix; the EPR address is built from it by the profile */
  uuid: string;
  /** DoorBird-like: RelatesTo carries an empty `uuid:` instead of the probe's MessageID */
  emptyRelatesTo?: boolean;
};

export type QName = { ns: string; local: string };

/** What a reply needs from the conversation: the probe it answers and the device's AppSequence counter. */
export type MessageContext = { relatesTo: string; instanceId: number; messageNumber: number };

/**
 * How a vendor speaks SSDP/UPnP (discovery.md §3): the port and path of its description XML, its SERVER header,
 * the targets it answers and the description fields. `serial` is the camera's serial (camera-serial.ts).
 */
export type SsdpShape = {
  port: number;
  path: string;
  server: string;
  /** further response/NOTIFY headers the vendor adds (Dahua's `X-User-Agent: redsonic`) */
  extra?: string[];
  targets(cam: SimCamera, serial: string): SsdpTargets;
  description(cam: SimCamera, serial: string): DescriptionFields;
};

/** The DNS-SD services a vendor announces over mDNS (discovery.md §4). */
export type MdnsShape = (cam: SimCamera, serial: string) => ServiceInstance[];

export type Profile = {
  name: ProfileName;
  /** vendor OUIs (lower-case, colon-separated) the lab picks MACs from */
  ouis: readonly string[];
  defaultModel: string;
  /** the Types the device advertises; probes are matched against these */
  types: readonly QName[];
  /** a broken responder answers every probe, whatever its Types */
  answersAnyProbe?: boolean;
  uuidFor(seed: string, mac: string): string;
  epr(cam: SimCamera): string;
  probeMatches(cam: SimCamera, ctx: MessageContext): Buffer;
  hello(cam: SimCamera, ctx: MessageContext): Buffer;
  bye(cam: SimCamera, ctx: MessageContext): Buffer;
  /** Answers SSDP M-SEARCH and sends NOTIFY the vendor's way; absent: the vendor's devices do not speak SSDP. */
  ssdp?: SsdpShape;
  /** Announces these DNS-SD services over mDNS; absent: the vendor's devices do not speak mDNS. */
  mdns?: MdnsShape;
};

export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Scope values are URI path segments: a real device percent-encodes spaces and markup (`AXIS%20M1065-L`). */
export const scope = (path: string, value?: string): string =>
  xmlEscape(`onvif://www.onvif.org/${path}${value === undefined ? '' : encodeURIComponent(value)}`);

export const messageId = (): string => `urn:uuid:${randomUUID()}`;

/** Deterministic UUID-shaped string from a seed, so a camera keeps its EPR across lab runs. */
export function hashUuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Hikvision/Reolink style: the EPR UUID's last group is the MAC's 12 hex digits. */
export function macSuffixedUuid(seed: string, mac: string): string {
  return `${hashUuid(seed).slice(0, 24)}${mac.replace(/:/g, '').toLowerCase()}`;
}

/** IPv6 link-local address derived from the MAC (EUI-64), as cameras list in XAddrs. */
export function eui64LinkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const g = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
  return `fe80::${g((b[0] ?? 0) ^ 2, b[1] ?? 0)}:${g(b[2] ?? 0, 0xff)}:${g(0xfe, b[3] ?? 0)}:${g(b[4] ?? 0, b[5] ?? 0)}`;
}

export const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** The RelatesTo a device writes: the probe's MessageID, or DoorBird's empty `uuid:`. */
export const relatesTo = (cam: SimCamera, ctx: MessageContext): string => xmlEscape(cam.emptyRelatesTo ? 'uuid:' : ctx.relatesTo);

/**
 * Parsed WS-Discovery messages → Observations for the core. Hazard: the message is untrusted; the packet's
 * source address is the only thing the LAN cannot easily fake for us, so XAddrs on that host come first.
 */
import type { Observation } from '../../inventory/observation.js';
import type { WsdMatch, WsdMessage } from './parse.js';
import { scopeFacts } from './scopes.js';

/** DPWS (Windows PCs, printers, scanners) also advertises a type called `Device`; it is not ONVIF's. */
const DPWS_NAMESPACES = ['http://schemas.xmlsoap.org/ws/2006/02/devprof', 'http://docs.oasis-open.org/ws-dd/ns/dpws/2009/01'];
const NOT_CAMERA = ['Computer', 'PrintDeviceType', 'ScanDeviceType'];

/**
 * True when Types name an ONVIF camera: local name NetworkVideoTransmitter, or Device (any prefix: dn:, tdn:,
 * dp0:), unless that Device resolves to the DPWS namespace that Windows PCs (`wsdp:Device pub:Computer`) and
 * printers use.
 */
export function isCameraTypes(types: readonly string[], namespaces: Record<string, string> = {}): boolean {
  const names = types.map((qname) => {
    const colon = qname.lastIndexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    return { local: qname.slice(colon + 1), namespace: Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : '' };
  });
  if (names.some(({ local }) => local === 'NetworkVideoTransmitter')) return true;
  // Belt and braces for a PC or printer whose prefixes we could not resolve.
  if (names.some(({ local }) => NOT_CAMERA.includes(local))) return false;
  return names.some(({ local, namespace }) => local === 'Device' && !DPWS_NAMESPACES.includes(namespace ?? ''));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

/** XAddrs with those whose host is the packet's source IP first (agsh matchXAddr); order otherwise kept. */
export function orderXAddrs(xaddrs: readonly string[], sourceIp: string | null): string[] {
  const onSource = xaddrs.filter((url) => sourceIp !== null && hostOf(url) === sourceIp);
  return [...onSource, ...xaddrs.filter((url) => !onSource.includes(url))];
}

export interface Arrival {
  ip: string | null;
  interface: string | null;
  /** Epoch ms. */
  at: number;
}

/**
 * One Observation per ProbeMatch, Hello or Bye body. Probes (ours echoed back) and Faults describe no device
 * and yield nothing. A Bye usually carries no Types: its isCamera is false then, and the core should match it
 * to a known device by endpoint.
 */
export function toObservations(message: WsdMessage, arrival: Arrival): Observation[] {
  if (message.kind === 'probe' || message.kind === 'fault') return [];
  const kind = message.kind === 'bye' ? 'bye' : 'alive';
  return message.matches.map((match: WsdMatch) => ({
    source: 'wsd',
    kind,
    at: arrival.at,
    ip: arrival.ip,
    interface: arrival.interface,
    endpoint: match.endpoint,
    isCamera: isCameraTypes(match.types, message.namespaces),
    facts: scopeFacts(match.scopes),
    onvif: {
      endpoint: match.endpoint,
      xaddrs: orderXAddrs(match.xaddrs, arrival.ip),
      scopes: match.scopes,
      types: match.types,
      metadataVersion: match.metadataVersion,
    },
    ...(message.kind === 'hello' ? { announced: true } : {}),
  }));
}

/**
 * SSDP messages (and, when fetched, the UPnP description) → Observations for the inventory. Facts are sourced
 * `upnp`. Axis writes its MAC as serialNumber and in the UDN (`uuid:Upnp-BasicDevice-1_0-<MAC>`): that MAC is a
 * hint (a device's word about itself). A MAC-looking UDN from anyone else is not trusted (reference §3.3).
 */
import { normaliseMac } from '../../../../shared/mac.js';
import type { Observation, ObservedFact } from '../../inventory/observation.js';
import { isCameraDescription, isCameraHeaders } from './camera-rules.js';
import type { UpnpDescription } from './description.js';
import type { SsdpMessage } from './headers.js';

export interface Arrival {
  ip: string;
  interface: string | null;
  at: number;
}

const isAxis = (d: UpnpDescription): boolean => /^axis\b/i.test(d.manufacturer ?? '');
const AXIS_UDN = /^uuid:Upnp-BasicDevice-1_0-([0-9a-f]{12})$/i;

/** The MAC an Axis description states (serialNumber first, then the UDN suffix); null for other vendors. */
export function axisMac(d: UpnpDescription): string | null {
  if (!isAxis(d)) return null;
  const fromSerial = normaliseMac(d.serialNumber ?? '');
  if (fromSerial) return fromSerial;
  const suffix = AXIS_UDN.exec(d.udn ?? '')?.[1];
  return suffix ? normaliseMac(suffix) : null;
}

export function descriptionFacts(d: UpnpDescription): ObservedFact[] {
  const facts: ObservedFact[] = [];
  const add = (name: ObservedFact['name'], value: string | null, hint = false): void => {
    if (value) facts.push({ name, value, source: 'upnp', hint });
  };
  add('name', d.friendlyName);
  add('manufacturer', d.manufacturer);
  add('model', d.modelName ?? d.modelNumber);
  if (d.modelNumber && d.modelNumber !== d.modelName) add('hardware', d.modelNumber);
  add('serial', d.serialNumber);
  add('mac', axisMac(d), true);
  return facts;
}

/**
 * One Observation for an SSDP answer or alive/byebye NOTIFY. With a description, facts and the camera decision
 * come from it; without one (refused or failed LOCATION), from the headers alone.
 */
export function toSsdpObservation(message: SsdpMessage, arrival: Arrival, description: UpnpDescription | null): Observation {
  const bye = message.kind === 'notify' && (message.headers.get('nts') ?? '').toLowerCase() === 'ssdp:byebye';
  return {
    source: 'ssdp',
    kind: bye ? 'bye' : 'alive',
    at: arrival.at,
    ip: arrival.ip,
    interface: arrival.interface,
    endpoint: null,
    isCamera: description ? isCameraDescription(description) : isCameraHeaders(message.headers),
    facts: description ? descriptionFacts(description) : [],
    onvif: null,
  };
}

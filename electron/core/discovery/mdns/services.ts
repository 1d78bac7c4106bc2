/**
 * The DNS-SD service types we browse and what each says about a device (discovery reference §4). A table, so a
 * new camera service is one entry. Hazard: instance labels and TXT values are free text from the LAN; they
 * become fact values (bounded, rendered as text), never keys or code.
 */
import { normaliseMac } from '../../../../shared/mac.js';
import type { ObservedFact } from '../../inventory/observation.js';

export interface ServiceInstance {
  /** The instance label as sent (`AXIS M1065-LW - 00408C1A2B3C`). */
  label: string;
  txt: ReadonlyMap<string, string>;
  /** SRV target host name (`axis-00408c1a2b3c.local`), when the packet carried it. */
  host: string | null;
}

export interface ServiceRule {
  /** Lower-case service name under `.local` (`_axis-video._tcp`). */
  type: string;
  isCamera(instance: ServiceInstance): boolean;
  facts(instance: ServiceInstance): ObservedFact[];
}

const fact = (name: ObservedFact['name'], value: string | null | undefined, hint = false): ObservedFact[] =>
  value ? [{ name, value, source: 'mdns-txt', hint }] : [];

/** `AXIS M1065-LW - 00408C1A2B3C` / `HIKVISION DS-2CD2722FWD-IZS - 20181015AACH123` → vendor and model. */
function vendorLabel(label: string, vendor: RegExp): { vendor: string; model: string } | null {
  const match = new RegExp(`^(${vendor.source})\\s+(\\S.*?)\\s+-\\s+\\S+$`, 'i').exec(label);
  return match?.[1] && match[2] ? { vendor: match[1], model: match[2] } : null;
}

const HAP_CAMERA_CATEGORIES = new Set(['17', '18']); // HAP-NodeJS Categories: IP_CAMERA, VIDEO_DOORBELL

const always = () => true;
const labelOnly = (i: ServiceInstance) => fact('name', i.label);

export const SERVICE_RULES: readonly ServiceRule[] = [
  {
    // Axis (and DoorBird): TXT macaddress is the MAC; the label reads `AXIS <model> - <MAC>`.
    type: '_axis-video._tcp',
    isCamera: always,
    facts: (i) => {
      const axis = vendorLabel(i.label, /AXIS/);
      return [
        ...fact('name', i.label),
        ...fact('manufacturer', axis ? 'AXIS' : null),
        ...fact('model', axis ? `AXIS ${axis.model}` : null),
        ...fact('mac', normaliseMac(i.txt.get('macaddress') ?? ''), true),
      ];
    },
  },
  {
    // Hikvision: label `HIKVISION <model> - <serial tail>`, SRV target `<full serial>.local`.
    type: '_cgi._tcp',
    isCamera: always,
    facts: (i) => {
      const hik = vendorLabel(i.label, /HIKVISION/);
      const serial = /^([A-Za-z0-9]{9,48})\.local$/.exec(i.host ?? '')?.[1];
      return [
        ...fact('name', i.label),
        ...fact('manufacturer', hik ? 'HIKVISION' : null),
        ...fact('model', hik?.model),
        ...fact('serial', hik ? serial : null, true),
      ];
    },
  },
  { type: '_psia._tcp', isCamera: always, facts: labelOnly },
  { type: '_onvif._tcp', isCamera: always, facts: labelOnly },
  { type: '_rtsp._tcp', isCamera: always, facts: labelOnly },
  {
    // HomeKit: `ci` is the accessory category; `id` is a pairing id, not the MAC.
    type: '_hap._tcp',
    isCamera: (i) => HAP_CAMERA_CATEGORIES.has(i.txt.get('ci') ?? ''),
    facts: (i) => [...fact('name', i.label), ...fact('model', i.txt.get('md'))],
  },
  // Anything with a web page: kept as a device, a camera only if another source says so (the inventory merges).
  { type: '_http._tcp', isCamera: () => false, facts: labelOnly },
];

const BY_TYPE = new Map(SERVICE_RULES.map((rule) => [`${rule.type}.local`, rule]));

/** The rule for a full service name (`_axis-video._tcp.local`, any case); undefined for others. */
export const ruleFor = (serviceName: string): ServiceRule | undefined => BY_TYPE.get(serviceName.toLowerCase());

/** Full names we ask for (`_axis-video._tcp.local`). */
export const BROWSED_SERVICES = SERVICE_RULES.map((rule) => `${rule.type}.local`);

/**
 * MAC hints: MACs read off indirect evidence in a discovery reply. They are stored with `hint: true` so that
 * an ARP or ONVIF reading always outranks them. All input here is untrusted LAN data.
 */
import { isLinkLocalIpv6 } from '../../../shared/ipv6.js';
import { macFromEui64, macFromUuidSuffix, normaliseMac } from '../../../shared/mac.js';
import type { ObservedFact } from '../inventory/observation.js';
import { vendorForMac } from './oui.js';

export interface MacHintInput {
  /** WS-Discovery EndpointReference (with or without `urn:uuid:`). */
  endpoint: string | null;
  xaddrs: string[];
  /** The packet's source address. */
  ip: string | null;
  /** What the device calls itself: name, hardware, manufacturer, model scopes. */
  vendorNames: string[];
  /** MAC from a `/MAC/` or `/MacAddress/` scope, any format. */
  scopeMac: string | null;
}

const MAX_ITEMS = 16;
const MAX_TEXT = 512;
const BRACKETED_HOST = /^[a-z][a-z0-9+.-]*:\/\/\[([^\]/]+)\]/i;

/** Words too common in registrant and product names to show that two names are the same company. */
const GENERIC_WORDS = new Set(
  (
    'technology technologies digital communication communications electronic electronics system systems ' +
    'corporation corp company limited group international industrial industries solutions products innovation ' +
    'network networks camera cameras video security intelligent smart science device devices ' +
    'hangzhou zhejiang shenzhen guangzhou guangdong beijing shanghai xiamen dongguan china taiwan'
  ).split(' '),
);

function words(text: unknown): Set<string> {
  if (typeof text !== 'string') return new Set();
  const found = text
    .slice(0, MAX_TEXT)
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  return new Set(found.filter((word) => word.length >= 4 && !GENERIC_WORDS.has(word)));
}

/** True when the registrant and one of the device's own names share a distinctive word (≥ 4 letters). */
function sameCompany(registrant: string, vendorNames: string[]): boolean {
  const registrantWords = words(registrant);
  return vendorNames.slice(0, MAX_ITEMS).some((name) => [...words(name)].some((word) => registrantWords.has(word)));
}

function eui64Hints(xaddrs: string[], ip: string | null): string[] {
  const hosts = xaddrs
    .slice(0, MAX_ITEMS)
    .map((xaddr) => (typeof xaddr === 'string' ? (BRACKETED_HOST.exec(xaddr.slice(0, MAX_TEXT))?.[1] ?? null) : null));
  // Only link-local hosts: that is where cameras put their EUI-64 address, and what we verified.
  return [...hosts, ip]
    .filter((host): host is string => typeof host === 'string' && isLinkLocalIpv6(host))
    .map((host) => macFromEui64(host))
    .filter((mac): mac is string => mac !== null);
}

/**
 * Trusted only when the suffix's OUI is registered and the device backs it up — its MAC scope says the same
 * MAC, or its own names share a word with the registrant ("HIKVISION DS-2CD2…" vs "Hangzhou Hikvision Digital
 * Technology"). Many vendors (Axis, Bosch) use random or time-based EPR UUIDs whose tail only looks like a MAC;
 * showing such a tail as the camera's MAC would be wrong and could merge unrelated cameras.
 */
function uuidSuffixHint(input: MacHintInput): string | null {
  const mac = input.endpoint ? macFromUuidSuffix(input.endpoint) : null;
  if (!mac) return null;
  const registrant = vendorForMac(mac);
  if (!registrant) return null;
  const scopeMac = input.scopeMac ? normaliseMac(input.scopeMac) : null;
  return scopeMac === mac || sameCompany(registrant, input.vendorNames) ? mac : null;
}

/** MAC facts (all `hint: true`) from EUI-64 link-local addresses and a MAC-suffixed endpoint UUID. */
export function macHints(input: MacHintInput): ObservedFact[] {
  const facts: ObservedFact[] = [];
  for (const mac of new Set(eui64Hints(input.xaddrs, input.ip))) {
    facts.push({ name: 'mac', value: mac, source: 'ipv6-eui64', hint: true });
  }
  const suffix = uuidSuffixHint(input);
  if (suffix) facts.push({ name: 'mac', value: suffix, source: 'uuid-suffix', hint: true });
  return facts;
}

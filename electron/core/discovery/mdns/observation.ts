/**
 * One mDNS response → an Observation per service instance it describes (PTR, SRV, TXT, A/AAAA in the same
 * packet, as responders send them). A PTR with TTL 0 is a goodbye: the service is gone (`kind: 'bye'`).
 * Facts are sourced `mdns-txt` (and `ipv6-eui64` for a MAC read from a link-local AAAA).
 */
import { macFromEui64 } from '../../../../shared/mac.js';
import type { Observation } from '../../inventory/observation.js';
import type { DnsRecord, DnsResponse } from './dns-wire.js';
import { ruleFor, type ServiceRule } from './services.js';
import { parseTxt } from './txt.js';

export interface Arrival {
  ip: string;
  interface: string | null;
  at: number;
}

/** Instances reported per packet; a responder has a handful of services. */
export const MAX_INSTANCES_PER_PACKET = 32;

interface Found {
  name: string;
  rule: ServiceRule;
  label: string;
  goodbye: boolean;
}

/** `<label>.<_svc._tcp.local>` → the rule and label, when the service is one we browse. */
function splitInstance(name: string): { rule: ServiceRule; label: string } | null {
  const match = /^(.+)\.(_[^.]+\._(?:tcp|udp)\.local)$/i.exec(name);
  const rule = match?.[2] ? ruleFor(match[2]) : undefined;
  return rule && match?.[1] ? { rule, label: match[1] } : null;
}

export function toMdnsObservations(response: DnsResponse, arrival: Arrival): Observation[] {
  const byName = (type: DnsRecord['type'], name: string) =>
    response.records.find((r) => r.type === type && r.name.toLowerCase() === name.toLowerCase());
  const found = new Map<string, Found>();
  const add = (name: string, goodbye: boolean): void => {
    const key = name.toLowerCase();
    const split = splitInstance(name);
    if (!split || found.size >= MAX_INSTANCES_PER_PACKET) return;
    const known = found.get(key);
    if (known) known.goodbye ||= goodbye;
    else found.set(key, { name, ...split, goodbye });
  };
  for (const record of response.records) {
    if (record.type === 'PTR' && ruleFor(record.name)) add(record.target, record.ttl === 0);
    if (record.type === 'SRV' || record.type === 'TXT') add(record.name, false);
  }
  return [...found.values()].map(({ name, rule, label, goodbye }) => {
    const srv = byName('SRV', name);
    const txt = byName('TXT', name);
    const host = srv?.type === 'SRV' ? srv.target : null;
    const instance = { label, txt: parseTxt(txt?.type === 'TXT' ? txt.strings : []), host };
    const eui64 = host ? eui64Mac(response, host) : null;
    return {
      source: 'mdns',
      kind: goodbye ? 'bye' : 'alive',
      at: arrival.at,
      ip: arrival.ip,
      interface: arrival.interface,
      endpoint: null,
      isCamera: rule.isCamera(instance),
      facts: [
        ...rule.facts(instance),
        ...(eui64 ? [{ name: 'mac' as const, value: eui64, source: 'ipv6-eui64' as const, hint: true }] : []),
      ],
      onvif: null,
    } satisfies Observation;
  });
}

/** The MAC inside the host's link-local EUI-64 AAAA (Hikvision sends one), if any. */
function eui64Mac(response: DnsResponse, host: string): string | null {
  for (const record of response.records) {
    if (record.type !== 'AAAA' || record.name.toLowerCase() !== host.toLowerCase()) continue;
    if (!record.address.toLowerCase().startsWith('fe80:')) continue;
    const mac = macFromEui64(record.address);
    if (mac) return mac;
  }
  return null;
}

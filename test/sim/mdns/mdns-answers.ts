/**
 * What a camera's mDNS responder says (RFC 6762/6763): the records for one DNS-SD service instance, and which of
 * a camera's services a query asks for. Pure: the socket side is mdns-responder.ts.
 */
import { TYPE, type DnsRecord, type Query } from './dns-wire.js';

/** One DNS-SD service instance as a vendor announces it (profile-types.ts `MdnsService`). */
export type ServiceInstance = {
  /** `_axis-video._tcp` */
  type: string;
  /** `AXIS M1065-L - 00408C123456` */
  instance: string;
  /** `axis-00408c123456.local` */
  host: string;
  port: number;
  /** `key=value` strings */
  txt: string[];
  ipv4: string;
  /** e.g. the EUI-64 link-local address Hikvision announces beside its IPv4 */
  ipv6?: string;
};

/** RFC 6762 §10: 120 s for records naming a host, 4500 s for the rest. */
const HOST_TTL = 120;
const OTHER_TTL = 4500;
const SERVICES = '_services._dns-sd._udp.local';

const fqType = (s: ServiceInstance): string => `${s.type}.local`;
const fqInstance = (s: ServiceInstance): string => `${s.instance}.${s.type}.local`;
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const hostRecords = (s: ServiceInstance, ttl: number): DnsRecord[] => [
  { name: s.host, type: TYPE.A, data: s.ipv4, ttl: ttl && HOST_TTL, flush: true },
  ...(s.ipv6 ? [{ name: s.host, type: TYPE.AAAA, data: s.ipv6, ttl: ttl && HOST_TTL, flush: true } as DnsRecord] : []),
];
const srvTxt = (s: ServiceInstance, ttl: number): DnsRecord[] => [
  { name: fqInstance(s), type: TYPE.SRV, data: { port: s.port, target: s.host }, ttl: ttl && HOST_TTL, flush: true },
  { name: fqInstance(s), type: TYPE.TXT, data: s.txt, ttl: ttl && OTHER_TTL, flush: true },
];
const ptr = (s: ServiceInstance, ttl: number): DnsRecord => ({
  name: fqType(s),
  type: TYPE.PTR,
  data: fqInstance(s),
  ttl: ttl && OTHER_TTL,
});

/** The full announcement of one instance (answers: PTR, SRV, TXT; additionals: A/AAAA); ttl 0 is the goodbye. */
export function announcement(s: ServiceInstance, goodbye = false): { answers: DnsRecord[]; additionals: DnsRecord[] } {
  const ttl = goodbye ? 0 : 1;
  return { answers: [ptr(s, ttl), ...srvTxt(s, ttl)], additionals: goodbye ? [] : hostRecords(s, ttl) };
}

const wants = (qtype: number, type: number): boolean => qtype === type || qtype === TYPE.ANY;

/**
 * The records one camera answers to a query, everything in one packet (answers + additionals) because some
 * browsers build a service only from a single packet; null when the query asks for none of its services.
 */
export function answerFor(query: Query, services: ServiceInstance[]): { answers: DnsRecord[]; additionals: DnsRecord[] } | null {
  const answers: DnsRecord[] = [];
  const additionals: DnsRecord[] = [];
  const add = (list: DnsRecord[], recs: DnsRecord[]): void => {
    for (const r of recs) if (!answers.includes(r) && !additionals.some((x) => x.name === r.name && x.type === r.type)) list.push(r);
  };
  for (const q of query.questions) {
    for (const s of services) {
      if (same(q.name, SERVICES) && wants(q.type, TYPE.PTR)) {
        if (!answers.some((a) => a.type === TYPE.PTR && same(String(a.data), fqType(s))))
          answers.push({ name: SERVICES, type: TYPE.PTR, data: fqType(s), ttl: OTHER_TTL });
      } else if (same(q.name, fqType(s)) && wants(q.type, TYPE.PTR)) {
        answers.push(ptr(s, 1));
        add(additionals, [...srvTxt(s, 1), ...hostRecords(s, 1)]);
      } else if (same(q.name, fqInstance(s))) {
        const recs = srvTxt(s, 1).filter((r) => wants(q.type, r.type));
        answers.push(...recs);
        if (recs.length > 0) add(additionals, hostRecords(s, 1));
      } else if (same(q.name, s.host)) {
        answers.push(...hostRecords(s, 1).filter((r) => wants(q.type, r.type)));
      }
    }
  }
  return answers.length === 0 ? null : { answers, additionals };
}

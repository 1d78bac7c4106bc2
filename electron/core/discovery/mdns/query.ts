/**
 * What we ask and when. Queries go from an ephemeral port on each interface, so responders answer by unicast to
 * that socket (RFC 6762 §6.7 "legacy unicast"): no fight over UDP 5353 with avahi, mDNSResponder or Chrome, and
 * each answer is tied to the interface that asked. bonjour-service queries once; we repeat: at 0 and 1 s (packet
 * loss), then every 10 s for long scans (devices that boot meanwhile).
 */
import { buildQuery, TYPE } from './dns-wire.js';
import { BROWSED_SERVICES } from './services.js';

export const MDNS_MULTICAST_ADDRESS = '224.0.0.251';
export const MDNS_PORT = 5353;
export const FIRST_QUERIES_MS = [0, 1000];
export const REQUERY_EVERY_MS = 10_000;

export function querySchedule(durationMs: number): number[] {
  const times = FIRST_QUERIES_MS.filter((at) => at < durationMs);
  for (let at = REQUERY_EVERY_MS; at < durationMs; at += REQUERY_EVERY_MS) times.push(at);
  return times;
}

/** One packet asking PTR for every browsed service type. */
export const browseQuery = (): Uint8Array => buildQuery(BROWSED_SERVICES.map((name) => ({ name, type: TYPE.PTR })));

/** Asks one instance for its SRV and TXT, when a PTR answer came without them (bonjour-service's gap, watson/bonjour#20). */
export const detailsQuery = (instance: string): Uint8Array =>
  buildQuery([
    { name: instance, type: TYPE.SRV },
    { name: instance, type: TYPE.TXT },
  ]);

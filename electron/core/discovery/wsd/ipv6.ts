/**
 * WS-Discovery over IPv6: some cameras (and cameras whose IPv4 is misconfigured) answer only on the link-local
 * group ff02::c. We probe it from each planned interface that has an IPv6 link-local address, scoped to that
 * interface, and report an IPv6 answer only for a device that gave no IPv4 answer in the same scan: a dual-stack
 * camera stays one row with its IPv4 address. Hazard: answers are untrusted; what waits for the end of the scan
 * is capped by count.
 */
import type { NetInterface } from '../../../../shared/net.js';
import { isLinkLocalIpv6 } from '../../../../shared/ipv6.js';
import type { Observation } from '../../inventory/observation.js';

export const WSD_MULTICAST_ADDRESS_V6 = 'ff02::c';

/** IPv6-only answers held until the scan ends; a LAN has a few hundred cameras. */
export const MAX_HELD_IPV6 = 1024;

/** Where to bind, send and multicast from for one interface; null when it has no usable link-local address. */
export interface Ipv6Plan {
  /** `fe80::…%zone`, the socket's own address. */
  bind: string;
  /** `::%zone`: the outgoing multicast interface, as Node's setMulticastInterface wants it for IPv6. */
  multicastInterface: string;
  /** `ff02::c%zone`: the group, on this link only. */
  group: string;
}

const ZONE = /^[\w.-]{1,32}$/;

export function ipv6Plan(iface: NetInterface): Ipv6Plan | null {
  const text = iface.ipv6;
  if (typeof text !== 'string') return null;
  const at = text.indexOf('%');
  const address = at < 0 ? text : text.slice(0, at);
  const zone = at < 0 ? '' : text.slice(at + 1);
  // Without a zone a link-local address is ambiguous on a host with several links: never guess one.
  if (!ZONE.test(zone) || !isLinkLocalIpv6(address)) return null;
  return { bind: `${address}%${zone}`, multicastInterface: `::%${zone}`, group: `${WSD_MULTICAST_ADDRESS_V6}%${zone}` };
}

/**
 * Answers heard over IPv6 wait here; endpoints heard over IPv4 are noted. At the end of the scan, `release()`
 * hands back the IPv6 answers of endpoints that never answered over IPv4. Answers without an endpoint cannot be
 * matched to an IPv4 answer and are not kept.
 */
export class Ipv6Holdback {
  private readonly held = new Map<string, Observation>();
  private readonly onIpv4 = new Set<string>();

  constructor(private readonly limit = MAX_HELD_IPV6) {}

  sawIpv4(endpoint: string | null): void {
    if (endpoint === null) return;
    this.held.delete(endpoint);
    if (this.onIpv4.size < this.limit * 4) this.onIpv4.add(endpoint);
  }

  /** False when the answer is not kept (answered over IPv4 already, no endpoint, or the cap is reached). */
  hold(observation: Observation): boolean {
    const endpoint = observation.endpoint;
    if (endpoint === null || this.onIpv4.has(endpoint)) return false;
    if (!this.held.has(endpoint) && this.held.size >= this.limit) return false;
    this.held.set(endpoint, observation); // the latest answer of this endpoint wins
    return true;
  }

  release(): Observation[] {
    const out = [...this.held.values()].filter((observation) => !this.onIpv4.has(observation.endpoint ?? ''));
    this.held.clear();
    return out;
  }
}

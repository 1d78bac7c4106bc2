import { networkInterfaces } from 'node:os';
import type { NetInterface } from '../../shared/net.js';
import { normaliseMac } from '../../shared/mac.js';
import type { NetworkPort } from './ports.js';

/** IPv4 interfaces that are up and not loopback, as Node reports them. */
export function listIpv4Interfaces(read = networkInterfaces): NetInterface[] {
  const result: NetInterface[] = [];
  for (const [name, addresses] of Object.entries(read())) {
    for (const a of addresses ?? []) {
      if (a.family !== 'IPv4' || a.internal) continue;
      result.push({ name, address: a.address, netmask: a.netmask, cidr: a.cidr ?? a.address, mac: normaliseMac(a.mac) });
    }
  }
  return result;
}

export const systemNetwork: NetworkPort = { interfaces: () => listIpv4Interfaces() };

import { networkInterfaces } from 'node:os';
import type { NetInterface } from '../../shared/net.js';
import { normaliseMac } from '../../shared/mac.js';
import type { NetworkPort } from './ports.js';

type OsAddresses = ReturnType<typeof networkInterfaces>;

/**
 * The adapter's IPv6 link-local address with the zone sockets need: the interface name on Unix, its index on
 * Windows (libuv reads the zone with if_nametoindex on Unix and as a number on Windows).
 */
function linkLocalOf(name: string, addresses: OsAddresses[string], platform: NodeJS.Platform): string | undefined {
  const v6 = addresses?.find((a) => a.family === 'IPv6' && !a.internal && /^fe[89ab]/i.test(a.address));
  if (!v6) return undefined;
  const bare = v6.address.split('%')[0] ?? v6.address;
  return `${bare}%${platform === 'win32' ? String(v6.scopeid ?? 0) : name}`;
}

/** IPv4 interfaces that are up and not loopback, as Node reports them (with the adapter's IPv6 link-local). */
export function listIpv4Interfaces(read = networkInterfaces, platform: NodeJS.Platform = process.platform): NetInterface[] {
  const result: NetInterface[] = [];
  for (const [name, addresses] of Object.entries(read())) {
    const ipv6 = linkLocalOf(name, addresses, platform);
    for (const a of addresses ?? []) {
      if (a.family !== 'IPv4' || a.internal) continue;
      result.push({
        name,
        address: a.address,
        netmask: a.netmask,
        cidr: a.cidr ?? a.address,
        mac: normaliseMac(a.mac),
        ...(ipv6 ? { ipv6 } : {}),
      });
    }
  }
  return result;
}

export const systemNetwork: NetworkPort = { interfaces: () => listIpv4Interfaces() };

/**
 * "The MAC of this camera" from the OS neighbour table — the most direct reading we have, but only valid on
 * the local link: across a router the table holds the router's MAC for every remote IP.
 */
import type { NetInterface } from '../../../shared/net.js';
import { ipv4ToInt } from '../../../shared/net.js';
import { normaliseMac } from '../../../shared/mac.js';
import type { NeighbourEntry } from '../../platform/ports.js';

/** Entry interfaces are names (`eth0`, `en9`, `Ethernet`), or the interface address for Windows `arp -a`. */
function onInterface(entry: NeighbourEntry, iface: NetInterface): boolean {
  return entry.interface === null || entry.interface === iface.name || entry.interface === iface.address;
}

/**
 * The camera's MAC and the local interface it was seen on, or null when the table cannot be trusted for it:
 * - the IP is not inside a local interface's subnet (a routed camera: the entry would be the gateway's MAC);
 * - the table holds different MACs for the IP (an address conflict: we cannot tell which device answered);
 * - the MAC is also held by another IP on that interface. We do not know the gateway's address here, so this
 *   is our sign of a router or proxy-ARP device answering for addresses behind it. It also refuses a camera
 *   whose old DHCP lease is still cached under the same MAC — a MAC hint or ONVIF can still fill that in,
 *   whereas showing a router's MAC as the camera's would merge unrelated cameras into one device.
 */
export function macFromNeighbours(
  ip: string,
  entries: NeighbourEntry[],
  interfaces: NetInterface[],
): { mac: string; interface: string } | null {
  return neighbourIndex(entries, interfaces)(ip);
}

/**
 * The same rule as macFromNeighbours, with the table normalised and indexed once: a refresh looks up every
 * known device, and doing the full scan per device (250 × 250 MACs) blocked the event loop long enough for
 * the kernel to drop probe replies.
 */
export function neighbourIndex(
  entries: NeighbourEntry[],
  interfaces: NetInterface[],
): (ip: string) => { mac: string; interface: string } | null {
  const normalised = entries.flatMap((e) => {
    const mac = normaliseMac(e.mac);
    return mac ? [{ ...e, mac }] : [];
  });
  const perInterface = new Map<string, { byIp: Map<string, Set<string>>; ipsByMac: Map<string, Set<string>> }>();
  for (const iface of interfaces) {
    const byIp = new Map<string, Set<string>>();
    const ipsByMac = new Map<string, Set<string>>();
    for (const entry of normalised) {
      if (!onInterface(entry, iface)) continue;
      byIp.set(entry.ip, (byIp.get(entry.ip) ?? new Set()).add(entry.mac));
      ipsByMac.set(entry.mac, (ipsByMac.get(entry.mac) ?? new Set()).add(entry.ip));
    }
    perInterface.set(iface.name, { byIp, ipsByMac });
  }
  const inSubnet = interfaces.map((iface) => subnetTest([iface]));
  // Hot path: called for every record on every refresh; the map miss comes first, the subnet test after.
  return (ip) => {
    for (const [i, iface] of interfaces.entries()) {
      const index = perInterface.get(iface.name);
      const macs = index?.byIp.get(ip);
      if (!index || !macs || macs.size !== 1) continue;
      if (iface.address === ip || !inSubnet[i]?.(ip)) continue;
      const [mac] = [...macs] as [string];
      if ((index.ipsByMac.get(mac)?.size ?? 0) > 1) return null;
      return { mac, interface: iface.name };
    }
    return null;
  };
}

/** `(ip) => ip lies on one of these interfaces' subnets`, with the interfaces parsed once, not per call. */
export function subnetTest(interfaces: readonly NetInterface[]): (ip: string) => boolean {
  const subnets = interfaces.flatMap((iface) => {
    const base = ipv4ToInt(iface.address);
    const mask = ipv4ToInt(iface.netmask);
    return base === null || mask === null ? [] : [{ net: (base & mask) >>> 0, mask }];
  });
  return (ip) => {
    const n = ipv4ToInt(ip);
    return n !== null && subnets.some(({ net, mask }) => (n & mask) >>> 0 === net);
  };
}

/**
 * "The MAC of this camera" from the OS neighbour table — the most direct reading we have, but only valid on
 * the local link: across a router the table holds the router's MAC for every remote IP.
 */
import type { NetInterface } from '../../shared/net.js';
import { onSubnet } from '../../shared/net.js';
import { normaliseMac } from '../../shared/mac.js';
import type { NeighbourEntry } from '../platform/ports.js';

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
  const local = interfaces.filter((iface) => iface.address !== ip && onSubnet(ip, iface.address, iface.netmask));
  for (const iface of local) {
    const here = entries.filter((entry) => onInterface(entry, iface));
    const macs = new Set(here.filter((entry) => entry.ip === ip).map((entry) => normaliseMac(entry.mac)));
    if (macs.size !== 1) continue;
    const [mac] = [...macs];
    if (!mac) continue;
    const sharedWithOtherIp = here.some((entry) => entry.ip !== ip && normaliseMac(entry.mac) === mac);
    if (sharedWithOtherIp) return null;
    return { mac, interface: iface.name };
  }
  return null;
}

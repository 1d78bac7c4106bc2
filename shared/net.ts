import { z } from 'zod';

export const netInterfaceSchema = z.object({
  name: z.string(),
  address: z.string(),
  netmask: z.string(),
  /** e.g. 198.18.0.2/16 */
  cidr: z.string(),
  mac: z.string().nullable(),
  /** Virtual, VPN or container adapter (tun/tap/wg/docker/veth…): probed, but labelled (issue #10). */
  virtual: z.boolean().optional(),
});
export type NetInterface = z.infer<typeof netInterfaceSchema>;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export const isIpv4 = (text: string): boolean => IPV4.test(text);

/** Dotted quad to unsigned 32-bit integer; null when the text is not an IPv4 address. */
export function ipv4ToInt(text: string): number | null {
  if (!isIpv4(text)) return null;
  return text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** True when `ip` lies inside the subnet of `address`/`netmask` (both dotted quads). */
export function onSubnet(ip: string, address: string, netmask: string): boolean {
  const [a, b, m] = [ipv4ToInt(ip), ipv4ToInt(address), ipv4ToInt(netmask)];
  if (a === null || b === null || m === null) return false;
  // `>>> 0` keeps the result unsigned so equal subnets compare equal.
  return (a & m) >>> 0 === (b & m) >>> 0;
}

/**
 * Virtual, VPN and container adapters by name: Linux/macOS prefixes (tun, tap, wg, ppp, docker, veth, br-,
 * virbr, vmnet, vboxnet, utun, zt, tailscale …) and the words Windows puts in adapter names. They are probed
 * like any other interface but labelled, so a technician knows why a VPN adapter found nothing.
 */
const VIRTUAL_PREFIX = /^(tun|tap|wg|ppp|docker|veth|br-|virbr|vmnet|vboxnet|utun|zt|tailscale|cscotun|gpd|ipsec|nordlynx|llw|awdl)/i;
const VIRTUAL_WORD = /(vpn|virtual|vmware|virtualbox|hyper-v|vethernet|wintun|wireguard|zerotier|tap-windows|openvpn|tailscale)/i;

export const isVirtualInterfaceName = (name: string): boolean => VIRTUAL_PREFIX.test(name) || VIRTUAL_WORD.test(name);

/** The interfaces with `virtual` set from their names (an adapter's own label is kept when it says true). */
export const labelVirtual = (interfaces: NetInterface[]): NetInterface[] =>
  interfaces.map((i) => ({ ...i, virtual: i.virtual === true || isVirtualInterfaceName(i.name) }));

/**
 * MAC address normalisation. Every MAC in the app goes through normaliseMac so that the registry can merge
 * devices by MAC whatever format the LAN, the OS or a camera used to write it.
 * Inputs here come from untrusted LAN packets and OS tool output: parse, never throw.
 */
import { parseIpv6 } from './ipv6.js';

const HEX_PAIR = /^[0-9a-f]{1,2}$/;
const HEX_12 = /^[0-9a-f]{12}$/;
const CISCO = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/;

function octetsOf(text: string): string[] | null {
  if (HEX_12.test(text)) return text.match(/../g);
  const cisco = CISCO.exec(text);
  if (cisco) return cisco.slice(1).join('').match(/../g);
  for (const separator of [':', '-']) {
    const parts = text.split(separator);
    if (parts.length === 6 && parts.every((part) => HEX_PAIR.test(part))) {
      // macOS `arp -an` drops leading zeros (`4:a1:51:1b:12:92`).
      return parts.map((part) => part.padStart(2, '0'));
    }
  }
  return null;
}

/**
 * Lower-case colon form `aa:bb:cc:dd:ee:ff`, or null when the text is not a unicast MAC. Accepts `:` `-` `.`
 * (Cisco `aaaa.bbbb.cccc`) or no separators, any case, unpadded octets. All-zero, broadcast and multicast
 * (I/G bit set, e.g. `01:00:5e:…`) addresses never identify one device, so they are rejected.
 */
export function normaliseMac(text: string): string | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const octets = octetsOf(text.trim().toLowerCase());
  if (!octets || octets.length !== 6) return null;
  const bytes = octets.map((octet) => parseInt(octet, 16));
  if (bytes.every((byte) => byte === 0)) return null;
  if (((bytes[0] ?? 0) & 0x01) !== 0) return null; // multicast, includes broadcast ff:ff:…
  return octets.join(':');
}

/** True for a unicast MAC whose U/L bit is set (second hex digit 2, 6, a, e): random or virtual, no vendor. */
export function isLocallyAdministered(mac: string): boolean {
  const normalised = normaliseMac(mac);
  if (!normalised) return false;
  return (parseInt(normalised.slice(0, 2), 16) & 0x02) !== 0;
}

/**
 * The MAC inside a modified EUI-64 IPv6 interface identifier (`…XXYY:ZZff:feUU:VVWW` → `XX^02:YY:ZZ:UU:VV:WW`).
 * Null unless the `ff:fe` marker is present: privacy and stable-random addresses carry no MAC.
 * Accepts `[fe80::…]`, zone ids (`%eth0`, `%25eth0`) and compressed forms; rejects embedded IPv4 forms.
 */
export function macFromEui64(ipv6: string): string | null {
  const bytes = parseIpv6(ipv6);
  if (!bytes) return null;
  const iid = bytes.slice(8);
  if (iid[3] !== 0xff || iid[4] !== 0xfe) return null;
  const mac = [(iid[0] ?? 0) ^ 0x02, iid[1], iid[2], iid[5], iid[6], iid[7]];
  return normaliseMac(mac.map((byte) => (byte ?? 0).toString(16).padStart(2, '0')).join(':'));
}

const UUID = /^(?:urn:)?(?:uuid:)?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})$/;

/**
 * The last 12 hex digits of a UUID read as a MAC (Hikvision-family and Reolink endpoint UUIDs end in the
 * camera's MAC). Null unless they form a unicast, globally administered MAC — RFC 4122 random node ids set the
 * multicast bit, so most random suffixes are rejected here. A non-null result is still only a guess: callers
 * must confirm it (see electron/core/identity/mac-hints.ts).
 */
export function macFromUuidSuffix(uuid: string): string | null {
  if (typeof uuid !== 'string' || uuid.length > 64) return null;
  const match = UUID.exec(uuid.trim().toLowerCase());
  const suffix = match?.[5];
  if (!suffix) return null;
  const mac = normaliseMac(suffix);
  if (!mac || isLocallyAdministered(mac)) return null;
  return mac;
}

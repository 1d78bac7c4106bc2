/**
 * Minimal IPv6 text parsing for identification (EUI-64 MACs, link-local checks). Input is untrusted (XAddrs,
 * packet sources): parse, never throw.
 */

const GROUP = /^[0-9a-f]{1,4}$/;

/** Strips `[...]` brackets and a zone id (`%eth0`, or `%25eth0` as written inside URLs). */
function bareAddress(text: string): string {
  let address = text.trim().toLowerCase();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const zone = address.indexOf('%');
  return zone >= 0 ? address.slice(0, zone) : address;
}

function groupsOf(part: string): string[] | null {
  if (part === '') return [];
  const groups = part.split(':');
  return groups.every((group) => GROUP.test(group)) ? groups : null;
}

/**
 * The 16 bytes of an IPv6 address, or null. Embedded IPv4 forms (`::ffff:1.2.3.4`) are rejected on purpose:
 * their tail could mimic an EUI-64 `ff:fe` marker.
 */
export function parseIpv6(text: string): number[] | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  const address = bareAddress(text);
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** True for fe80::/10, the addresses a device derives from its own MAC when it uses EUI-64. */
export function isLinkLocalIpv6(text: string): boolean {
  const bytes = parseIpv6(text);
  return bytes !== null && bytes[0] === 0xfe && ((bytes[1] ?? 0) & 0xc0) === 0x80;
}

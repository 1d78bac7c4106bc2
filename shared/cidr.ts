/**
 * CIDR ranges a technician types for the unicast sweep (`198.18.4.0/24`). Pure and total: text in, a range or
 * a typed error out, never a throw. Hazard: the text is user input and drives how many packets we send, so a
 * range larger than MAX_SWEEP_PREFIX needs explicit confirmation, and ranges that are never cameras
 * (loopback, multicast, "this network", broadcast) are refused outright.
 */
import { ipv4ToInt } from './net.js';

/** Largest range swept without `confirmLarge`: a /16 is 65,534 hosts, minutes of probing. */
export const MAX_SWEEP_PREFIX = 16;

export interface CidrRange {
  /** Canonical text, host bits cleared: `198.18.4.0/24`. */
  cidr: string;
  prefix: number;
  /** First and last address swept, as unsigned 32-bit integers (network and broadcast already skipped). */
  first: number;
  last: number;
  /** Addresses swept: 254 for a /24, 2 for a /31 (RFC 3021), 1 for a /32. */
  count: number;
}

export type CidrError = { code: 'invalid' | 'too-large' | 'not-unicast'; message: string };
export type CidrResult = { ok: true; range: CidrRange } | { ok: false; error: CidrError };

const CIDR = /^\s*(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?\s*$/;

/** Ranges no camera lives in: 0/8 "this network", 127/8 loopback, 224/4 multicast, 240/4 reserved + broadcast. */
const REFUSED: { base: number; prefix: number; why: string }[] = [
  { base: 0x00000000, prefix: 8, why: '0.0.0.0/8 is "this network", not hosts' },
  { base: 0x7f000000, prefix: 8, why: '127.0.0.0/8 is this computer (loopback)' },
  { base: 0xe0000000, prefix: 4, why: '224.0.0.0/4 is multicast, not hosts' },
  { base: 0xf0000000, prefix: 4, why: '240.0.0.0/4 is reserved and broadcast' },
];

const maskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/** Dotted quad from an unsigned 32-bit integer. */
export const intToIpv4 = (value: number): string => [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');

const overlaps = (a: number, ap: number, b: number, bp: number): boolean => {
  const p = Math.min(ap, bp);
  return (a & maskOf(p)) >>> 0 === (b & maskOf(p)) >>> 0;
};

/**
 * Parses `a.b.c.d/nn` (a bare address means /32). Host bits are cleared (`198.18.4.7/24` sweeps the /24).
 * Ranges wider than /16 are refused unless `confirmLarge`; so are loopback, multicast and reserved ranges.
 */
export function parseCidr(text: unknown, options: { confirmLarge?: boolean } = {}): CidrResult {
  const fail = (code: CidrError['code'], message: string): CidrResult => ({ ok: false, error: { code, message } });
  if (typeof text !== 'string' || text.length > 64) return fail('invalid', 'Enter a range like 192.168.10.0/24.');
  const match = CIDR.exec(text);
  const address = match?.[1] ? ipv4ToInt(match[1]) : null;
  const prefix = match?.[2] === undefined ? 32 : Number(match[2]);
  const shown = text.trim().slice(0, 40);
  if (address === null || !Number.isInteger(prefix) || prefix > 32) {
    return fail('invalid', `"${shown}" is not a range; enter one like 192.168.10.0/24.`);
  }
  const mask = maskOf(prefix);
  const network = (address & mask) >>> 0;
  const cidr = `${intToIpv4(network)}/${prefix}`;
  for (const refused of REFUSED) {
    if (overlaps(network, prefix, refused.base, refused.prefix)) {
      return fail('not-unicast', `${cidr} cannot be swept: ${refused.why}.`);
    }
  }
  if (prefix < MAX_SWEEP_PREFIX && !options.confirmLarge) {
    const hosts = 2 ** (32 - prefix) - 2;
    return fail(
      'too-large',
      `${cidr} holds ${hosts.toLocaleString('en-US')} addresses; ranges larger than /${MAX_SWEEP_PREFIX} need ` +
        'confirmation. Sweep the subnets the cameras are on, or confirm the large sweep.',
    );
  }
  const broadcast = (network | (~mask >>> 0)) >>> 0;
  // /31 point-to-point links have no network or broadcast address (RFC 3021); /32 is one host.
  const first = prefix >= 31 ? network : network + 1;
  const last = prefix >= 31 ? broadcast : broadcast - 1;
  return { ok: true, range: { cidr, prefix, first, last, count: last - first + 1 } };
}

/** Every address of the range, in order, as dotted quads; lazy so a confirmed /8 costs no memory. */
export function* rangeAddresses(range: CidrRange): Generator<string> {
  for (let value = range.first; value <= range.last; value++) yield intToIpv4(value);
}

import { describe, expect, it } from 'vitest';
import { intToIpv4, parseCidr, rangeAddresses, type CidrRange } from '../../../shared/cidr.js';

const range = (text: string, confirmLarge = false): CidrRange => {
  const result = parseCidr(text, { confirmLarge });
  if (!result.ok) throw new Error(result.error.message);
  return result.range;
};

describe('parseCidr', () => {
  it('sweeps a /24 as its 254 host addresses, skipping network and broadcast', () => {
    const r = range('198.18.4.0/24');
    expect([r.cidr, r.count]).toEqual(['198.18.4.0/24', 254]);
    const all = [...rangeAddresses(r)];
    expect([all[0], all.at(-1), all.length]).toEqual(['198.18.4.1', '198.18.4.254', 254]);
  });

  it('clears host bits, accepts a bare address as /32 and a /31 as two hosts (RFC 3021)', () => {
    expect(range(' 198.18.4.77/24 ').cidr).toBe('198.18.4.0/24');
    expect([...rangeAddresses(range('198.18.4.77'))]).toEqual(['198.18.4.77']);
    expect([...rangeAddresses(range('198.18.4.8/31'))]).toEqual(['198.18.4.8', '198.18.4.9']);
    expect([...rangeAddresses(range('198.18.4.8/30'))]).toEqual(['198.18.4.9', '198.18.4.10']);
  });

  it('sweeps a /16 without confirmation but refuses anything larger unless confirmed', () => {
    expect(range('10.20.0.0/16').count).toBe(65_534);
    const big = parseCidr('10.0.0.0/15');
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.error.code).toBe('too-large');
      expect(big.error.message).toContain('131,070 addresses');
      expect(big.error.message).toContain('confirm');
    }
    expect(range('10.0.0.0/8', true).count).toBe(16_777_214);
  });

  it('refuses loopback, multicast, "this network" and reserved ranges even when confirmed', () => {
    for (const text of ['127.0.0.0/8', '127.0.0.1', '224.0.0.0/24', '239.255.255.250', '0.0.0.0/0', '255.255.255.255', '192.0.0.0/2']) {
      const result = parseCidr(text, { confirmLarge: true });
      expect(result.ok ? 'accepted' : result.error.code, text).toBe('not-unicast');
    }
  });

  it('answers a sentence for text that is not a range', () => {
    for (const text of ['', 'abc', '198.18.4.0/33', '198.18.4.256/24', '198.18.4/24', '198.18.4.0/-1', '1.2.3.4/24/8', 'x'.repeat(100)]) {
      const result = parseCidr(text);
      expect(result.ok ? 'accepted' : result.error.code, text).toBe('invalid');
    }
    expect(parseCidr(42).ok).toBe(false);
  });

  it('is lazy: a confirmed /8 is iterated without building a list', () => {
    const iterator = rangeAddresses(range('10.0.0.0/8', true));
    expect(iterator.next().value).toBe('10.0.0.1');
    expect(intToIpv4(0xc6120401)).toBe('198.18.4.1');
  });
});

import { describe, expect, it } from 'vitest';
import { isLinkLocalIpv6, parseIpv6 } from '../../../shared/ipv6.js';

describe('parseIpv6', () => {
  it('expands compressed addresses to 16 bytes', () => {
    expect(parseIpv6('fe80::1')).toEqual([0xfe, 0x80, ...Array<number>(13).fill(0), 1]);
    expect(parseIpv6('::')).toEqual(Array<number>(16).fill(0));
  });

  it('rejects text that is not an IPv6 address instead of throwing', () => {
    for (const text of ['', '1::2::3', '12345::1', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', 'fe80::g', '10.0.0.1']) {
      expect(parseIpv6(text)).toBeNull();
    }
  });
});

describe('isLinkLocalIpv6', () => {
  it('recognises fe80::/10 with or without zone id', () => {
    expect(isLinkLocalIpv6('fe80::2a57:beff:fe65:7dd5%eth0')).toBe(true);
    expect(isLinkLocalIpv6('[febf::1]')).toBe(true);
    expect(isLinkLocalIpv6('fd00::2a57:beff:fe65:7dd5')).toBe(false);
    expect(isLinkLocalIpv6('2001:db8::1')).toBe(false);
  });
});

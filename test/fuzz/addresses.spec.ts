/**
 * MAC, IPv6 and IPv4 helpers under hostile text (scopes, XAddrs, endpoint UUIDs, tool output): never throw,
 * return null or a canonical value, and agree with an independent model on generated valid input.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isLocallyAdministered, macFromEui64, macFromUuidSuffix, normaliseMac } from '../../shared/mac.js';
import { isLinkLocalIpv6, parseIpv6 } from '../../shared/ipv6.js';
import { ipv4ToInt, isIpv4, onSubnet } from '../../shared/net.js';
import { FUZZ, FUZZ_TIMEOUT_MS, invalidUtf8, nastyText, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const before = prototypeKeys();
const hex = (byte: number, pad = true) => byte.toString(16).padStart(pad ? 2 : 1, '0');
const macBytes = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 });
const isUnicast = (bytes: number[]) => (bytes[0]! & 1) === 0 && bytes.some((b) => b !== 0);
const canonical = (bytes: number[]) => bytes.map((b) => hex(b)).join(':');

/** Hostile text of every length around the helpers' caps (64 and 100 characters), plus decoded junk bytes. */
const hostileText = fc.oneof(
  nastyText,
  fc.string({ unit: 'binary', maxLength: 130 }),
  fc.stringMatching(/^[0-9a-fA-F:.\-[\]%]{0,120}$/),
  fc.tuple(invalidUtf8, fc.string({ maxLength: 20 })).map(([bad, text]) => new TextDecoder().decode(Uint8Array.from(bad)) + text),
  fc.constantFrom('__proto__', 'constructor', 'toString', '0'.repeat(10_000), ':'.repeat(65), 'urn:uuid:'),
);

/** A MAC written the ways devices and OS tools write it. */
const writtenMac = fc.tuple(macBytes, fc.constantFrom('colon', 'dash', 'bare', 'cisco', 'unpadded', 'upper')).map(([bytes, style]) => {
  const pairs = bytes.map((b) => hex(b));
  const text = {
    colon: pairs.join(':'),
    dash: pairs.join('-'),
    bare: pairs.join(''),
    cisco: [0, 2, 4].map((i) => pairs[i]! + pairs[i + 1]!).join('.'),
    unpadded: bytes.map((b) => hex(b, false)).join(':'),
    upper: pairs.join('-').toUpperCase(),
  }[style];
  return { bytes, text };
});

/** An IPv6 address from 8 groups, written with or without `::` compression, brackets and a zone id. */
const writtenIpv6 = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
    fc.nat({ max: 8 }),
    fc.nat({ max: 8 }),
    fc.boolean(),
    fc.constantFrom('', '%eth0', '%25en0'),
  )
  .map(([groups, from, length, bracket, zone]) => {
    const start = Math.min(from, 7);
    const run = Math.min(length, 8 - start);
    const parts = groups.map((g) => g.toString(16));
    const text = run >= 1 ? `${parts.slice(0, start).join(':')}::${parts.slice(start + run).join(':')}` : parts.join(':');
    const zero = run >= 1 ? groups.map((g, i) => (i >= start && i < start + run ? 0 : g)) : groups;
    const address = bracket ? `[${text}${zone}]` : `${text}${zone}`;
    return { bytes: zero.flatMap((g) => [g >> 8, g & 0xff]), text: address };
  });

describe('fuzz: MAC, IPv6 and IPv4 helpers', () => {
  afterAll(() => expect(prototypeKeys()).toEqual(before));

  it(
    `normaliseMac: ${RUNS} hostile strings give null or a canonical unicast MAC that normalises to itself`,
    () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const mac = bounded('normaliseMac', text.length, () => normaliseMac(text));
          if (mac === null) return;
          expect(mac).toMatch(MAC);
          expect(normaliseMac(mac)).toBe(mac);
          expect(parseInt(mac.slice(0, 2), 16) & 1).toBe(0);
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `normaliseMac: ${RUNS} MACs in every notation read back to the same address (or null when not unicast)`,
    () => {
      fc.assert(
        fc.property(writtenMac, ({ bytes, text }) => {
          expect(normaliseMac(text)).toBe(isUnicast(bytes) ? canonical(bytes) : null);
          expect(isLocallyAdministered(text)).toBe(isUnicast(bytes) && (bytes[0]! & 2) !== 0);
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `parseIpv6: ${RUNS} hostile strings give null or 16 bytes; valid addresses parse to their bytes`,
    () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const bytes = bounded('parseIpv6', text.length, () => parseIpv6(text));
          if (bytes !== null) {
            expect(bytes).toHaveLength(16);
            expect(bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)).toBe(true);
          }
          expect(typeof isLinkLocalIpv6(text)).toBe('boolean');
        }),
        FUZZ,
      );
      fc.assert(
        fc.property(writtenIpv6, ({ bytes, text }) => {
          expect(parseIpv6(text)).toEqual(bytes);
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `macFromEui64: ${RUNS} hostile strings give null or a MAC; every unicast MAC survives the EUI-64 round trip`,
    () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const mac = bounded('macFromEui64', text.length, () => macFromEui64(text));
          if (mac !== null) expect(normaliseMac(mac)).toBe(mac);
        }),
        FUZZ,
      );
      fc.assert(
        fc.property(macBytes, fc.constantFrom('fe80::', '2001:db8:1:2:', '[fe80::'), (bytes, prefix) => {
          const iid = [bytes[0]! ^ 2, bytes[1]!, bytes[2]!, 0xff, 0xfe, bytes[3]!, bytes[4]!, bytes[5]!];
          const groups = [0, 2, 4, 6].map((i) => ((iid[i]! << 8) | iid[i + 1]!).toString(16));
          const address = `${prefix}${groups.join(':')}${prefix.startsWith('[') ? '%25eth0]' : ''}`;
          expect(macFromEui64(address)).toBe(isUnicast(bytes) ? canonical(bytes) : null);
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `macFromUuidSuffix: ${RUNS} hostile strings and UUIDs give null or a globally administered unicast MAC`,
    () => {
      const uuid = fc.tuple(fc.uuid(), fc.constantFrom('', 'urn:uuid:', 'uuid:', 'URN:UUID:')).map(([id, prefix]) => prefix + id);
      fc.assert(
        fc.property(fc.oneof(hostileText, uuid), (text) => {
          const mac = bounded('macFromUuidSuffix', text.length, () => macFromUuidSuffix(text));
          if (mac === null) return;
          expect(normaliseMac(mac)).toBe(mac);
          expect(isLocallyAdministered(mac)).toBe(false);
          expect(text.toLowerCase().replace(/-/g, '').endsWith(mac.replace(/:/g, ''))).toBe(true);
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `IPv4 helpers: ${RUNS} hostile strings never throw; valid quads round-trip and lie on their own subnet`,
    () => {
      fc.assert(
        fc.property(hostileText, hostileText, hostileText, (a, b, m) => {
          const value = bounded('ipv4ToInt', a.length, () => ipv4ToInt(a));
          expect(value !== null).toBe(isIpv4(a));
          expect(typeof onSubnet(a, b, m)).toBe('boolean');
        }),
        FUZZ,
      );
      fc.assert(
        fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
          const value = ipv4ToInt(ip);
          expect(value).not.toBeNull();
          expect([24, 16, 8, 0].map((shift) => (value! >>> shift) & 255).join('.')).toBe(ip);
          const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
          const netmask = [24, 16, 8, 0].map((shift) => (mask >>> shift) & 255).join('.');
          expect(onSubnet(ip, ip, netmask)).toBe(true);
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

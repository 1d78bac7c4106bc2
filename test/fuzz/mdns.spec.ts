/**
 * mDNS under hostile datagrams: parseDnsResponse never throws or loops (compression pointers), returns null or at
 * most MAX_RECORDS records; toMdnsObservations stays total and small; parseTxt keeps its caps whatever it is given.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_MDNS_BYTES, MAX_RECORDS, parseDnsResponse } from '../../electron/core/discovery/mdns/dns-wire.js';
import { MAX_INSTANCES_PER_PACKET, toMdnsObservations } from '../../electron/core/discovery/mdns/observation.js';
import { MAX_TXT_STRINGS, MAX_TXT_VALUE_CHARS, parseTxt } from '../../electron/core/discovery/mdns/txt.js';
import { encodeResponse, mdnsFixture, type FixturePacket } from '../unit/electron/core/discovery/mdns/packets.js';
import { FUZZ, FUZZ_TIMEOUT_MS, invalidUtf8, nastyText, PROTOTYPE_NAMES, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const NAMES = readdirSync(new URL('../fixtures/mdns/', import.meta.url)).filter((name) => name.endsWith('.json'));
const FIXTURES = NAMES.sort().map((name) => encodeResponse(mdnsFixture(name)));
const before = prototypeKeys();
const CONTROL = /\p{Cc}/u;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

const mutated = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.array(fc.record({ op: fc.constantFrom('flip', 'insert', 'delete', 'set'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 10,
    }),
  )
  .map(([source, mutations]) => {
    const bytes = Array.from(source);
    for (const { op, at, byte } of mutations) {
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (op === 'flip') bytes[i] = (bytes[i] ?? 0) ^ (1 << (byte % 8));
      else if (op === 'set') bytes[i] = byte;
      else if (op === 'insert') bytes.splice(i, 0, byte);
      else bytes.splice(i, 1);
    }
    return Uint8Array.from(bytes);
  });

/** Well-formed packets whose labels and TXT strings are hostile (HTML, control characters, prototype names). */
const hostilePacket = fc
  .record({
    service: fc.constantFrom('_axis-video._tcp.local', '_CGI._tcp.local', '_hap._tcp.local', '_http._tcp.local', '_x._tcp.local'),
    label: fc.oneof(nastyText, fc.constantFrom(...PROTOTYPE_NAMES)).map((t) => t.replace(/\./g, ' ').slice(0, 60) || 'x'),
    txt: fc.array(fc.oneof(nastyText, fc.constantFrom('macaddress=00408C1A2B3C', 'ci=17', '__proto__=x', 'constructor=y')), {
      maxLength: 8,
    }),
    ttl: fc.constantFrom(0, 120, 4500, 0xffffffff),
    count: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ service, label, txt, ttl, count }) => {
    const packet: FixturePacket = { answers: [], additionals: [] };
    for (let i = 0; i < count; i++) {
      const instance = `${label}${i}.${service}`;
      packet.answers.push({ type: 'PTR', name: service, ttl, target: instance });
      packet.additionals.push({ type: 'TXT', name: instance, ttl, strings: txt.map((t) => t.slice(0, 200)) });
      packet.additionals.push({ type: 'SRV', name: instance, ttl, port: 80, target: `h${i}.local` });
      packet.additionals.push({ type: 'AAAA', name: `h${i}.local`, ttl, address: 'fe80:0:0:0:2a57:beff:fe65:7dd5' });
    }
    return encodeResponse(packet);
  });

/** Compression pointers aimed anywhere, including loops and forward jumps. */
const pointerMaze = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 0, maxLength: 200 })
  .map((tail) => Uint8Array.from([0, 0, 0x84, 0, 0, 0, 0, 8, 0, 0, 0, 0, ...tail.flatMap((b, i) => (i % 3 === 0 ? [0xc0, b] : [b]))]));

const oversize = fc.constantFrom(MAX_MDNS_BYTES, MAX_MDNS_BYTES + 1, 65_000).map((size) => {
  const bytes = new Uint8Array(size);
  bytes.set(FIXTURES[0]!);
  return bytes;
});

const brokenUtf8 = fc.tuple(fc.constantFrom(...FIXTURES), invalidUtf8, fc.nat()).map(([source, bad, at]) => {
  const i = 12 + (at % (source.byteLength - 12));
  return Uint8Array.from([...source.slice(0, i), ...bad, ...source.slice(i)]);
});

const datagram = fc.oneof(
  { arbitrary: mutated, weight: 8 },
  { arbitrary: hostilePacket, weight: 6 },
  { arbitrary: pointerMaze, weight: 3 },
  { arbitrary: oversize, weight: 1 },
  { arbitrary: brokenUtf8, weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 600 }), weight: 2 },
);

describe('fuzz: mDNS', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  it(
    `parseDnsResponse → toMdnsObservations: ${RUNS} hostile datagrams, never a throw, always bounded`,
    () => {
      let observed = 0;
      fc.assert(
        fc.property(datagram, (data) => {
          const response = bounded('parseDnsResponse', data.byteLength, () => parseDnsResponse(data));
          if (data.byteLength > MAX_MDNS_BYTES) expect(response).toBeNull();
          if (response === null) return;
          expect(response.records.length).toBeLessThanOrEqual(MAX_RECORDS);
          for (const record of response.records) expect(record.name.length).toBeLessThanOrEqual(255 * 3);
          const observations = bounded('toMdnsObservations', data.byteLength, () =>
            toMdnsObservations(response, { ip: '198.18.0.9', interface: 'lab0', at: 0 }),
          );
          expect(observations.length).toBeLessThanOrEqual(MAX_INSTANCES_PER_PACKET);
          if (observations.length > 0) observed++;
          for (const observation of observations) {
            expect(['alive', 'bye']).toContain(observation.kind);
            expect(JSON.stringify(observation).length).toBeLessThan(8 * 1024);
            for (const fact of observation.facts) {
              expect(CONTROL.test(fact.value)).toBe(false);
              if (fact.name === 'mac') expect(fact.value).toMatch(MAC);
            }
          }
        }),
        FUZZ,
      );
      expect(observed).toBeGreaterThan(RUNS / 5);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `parseTxt: ${RUNS} hostile string lists, keys lower-case and unique, values within the caps`,
    () => {
      const strings = fc.array(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          nastyText.map((t) => new TextEncoder().encode(t)),
          fc.constantFrom(...PROTOTYPE_NAMES).map((k) => new TextEncoder().encode(`${k}=polluted`)),
        ),
        { maxLength: 200 },
      );
      fc.assert(
        fc.property(strings, (list) => {
          const txt = bounded(
            'parseTxt',
            list.reduce((sum, s) => sum + s.byteLength, 0),
            () => parseTxt(list),
          );
          expect(txt.size).toBeLessThanOrEqual(MAX_TXT_STRINGS);
          for (const [key, value] of txt) {
            expect(key).toBe(key.toLowerCase());
            expect(key.includes('=')).toBe(false);
            expect(value.length).toBeLessThanOrEqual(MAX_TXT_VALUE_CHARS);
            expect(CONTROL.test(value)).toBe(false);
          }
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

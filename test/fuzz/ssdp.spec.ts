/**
 * SSDP headers under hostile datagrams: parseSsdpMessage never throws, returns null or a message within the caps
 * (≤ 8 KiB in, ≤ 64 headers, lower-case token names, values ≤ 1024 characters without control characters), and
 * toSsdpObservation and checkLocation stay total and small on whatever it returns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_HEADER_VALUE_CHARS,
  MAX_HEADERS,
  MAX_SSDP_BYTES,
  parseSsdpMessage,
  udnOfUsn,
} from '../../electron/core/discovery/ssdp/headers.js';
import { checkLocation } from '../../electron/core/discovery/ssdp/location.js';
import { toSsdpObservation } from '../../electron/core/discovery/ssdp/observation.js';
import { FUZZ, FUZZ_TIMEOUT_MS, invalidUtf8, nastyText, PROTOTYPE_NAMES, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const DIR = new URL('../fixtures/ssdp/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => new Uint8Array(readFileSync(new URL(name, DIR))));
const before = prototypeKeys();
const utf8 = (text: string) => new TextEncoder().encode(text);
const CONTROL = /\p{Cc}/u;
const NAME = /^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/;

const mutated = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.array(fc.record({ op: fc.constantFrom('flip', 'insert', 'delete'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 12,
    }),
  )
  .map(([source, mutations]) => {
    const bytes = Array.from(source);
    for (const { op, at, byte } of mutations) {
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (op === 'flip') bytes[i] = (bytes[i] ?? 0) ^ (1 << (byte % 8));
      else if (op === 'insert') bytes.splice(i, 0, byte);
      else bytes.splice(i, 1);
    }
    return Uint8Array.from(bytes);
  });

/** A response or NOTIFY whose header names and values are hostile, with CRLF, LF or mixed line ends. */
const hostileHeaders = fc
  .record({
    start: fc.constantFrom('HTTP/1.1 200 OK', 'NOTIFY * HTTP/1.1', 'M-SEARCH * HTTP/1.1', 'HTTP/1.0 404 Not Found', 'http/1.1 200'),
    headers: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'LOCATION', 'location', 'USN', 'NTS', 'ST', 'SERVER', 'X:Y', ' '), nastyText),
        fc.oneof(
          nastyText,
          fc.constantFrom('ssdp:byebye', 'ssdp:alive', 'http://198.18.0.9/d.xml', 'file:///etc/passwd', 'http://127.0.0.1/'),
          fc.string({ maxLength: 1500 }),
        ),
      ),
      { maxLength: 80 },
    ),
    eol: fc.constantFrom('\r\n', '\n', '\r', '\n\r'),
  })
  .map(({ start, headers, eol }) => utf8([start, ...headers.map(([k, v]) => `${k}: ${v}`), '', ''].join(eol)));

/** A real answer padded to one byte under, at, or over 8 KiB. */
const sizeEdge = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.constantFrom(MAX_SSDP_BYTES - 1, MAX_SSDP_BYTES, MAX_SSDP_BYTES + 1, 64 * 1024 + 1))
  .map(([source, size]) => {
    const padded = new Uint8Array(size).fill(0x41);
    padded.set(source.slice(0, Math.min(source.length, size)));
    return padded;
  });

const brokenUtf8 = fc.tuple(fc.constantFrom(...FIXTURES), invalidUtf8, fc.nat()).map(([source, bad, at]) => {
  const i = at % source.byteLength;
  return Uint8Array.from([...source.slice(0, i), ...bad, ...source.slice(i)]);
});

const datagram = fc.oneof(
  { arbitrary: mutated, weight: 8 },
  { arbitrary: hostileHeaders, weight: 8 },
  { arbitrary: sizeEdge, weight: 1 },
  { arbitrary: brokenUtf8, weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 600 }), weight: 2 },
);

describe('fuzz: SSDP headers', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  it(
    `parseSsdpMessage → toSsdpObservation: ${RUNS} hostile datagrams, never a throw, always bounded`,
    () => {
      let parsed = 0;
      fc.assert(
        fc.property(datagram, (data) => {
          const message = bounded('parseSsdpMessage', data.byteLength, () => parseSsdpMessage(data));
          if (data.byteLength > MAX_SSDP_BYTES) expect(message).toBeNull();
          if (message === null) return;
          parsed++;
          expect(['response', 'notify', 'search']).toContain(message.kind);
          expect(message.headers.size).toBeLessThanOrEqual(MAX_HEADERS);
          for (const [name, value] of message.headers) {
            expect(name).toMatch(NAME);
            expect(value.length).toBeLessThanOrEqual(MAX_HEADER_VALUE_CHARS);
            expect(CONTROL.test(value)).toBe(false);
          }
          const usn = udnOfUsn(message.headers.get('usn'));
          expect(usn === null || usn.length <= 128).toBe(true);
          const observation = toSsdpObservation(message, { ip: '198.18.0.9', interface: 'lab0', at: 0 }, null);
          expect(JSON.stringify(observation).length).toBeLessThan(1024);
          const verdict = checkLocation(message.headers.get('location'), '198.18.0.9');
          if (verdict.ok) expect(new URL(verdict.url).hostname).toBe('198.18.0.9');
        }),
        FUZZ,
      );
      expect(parsed).toBeGreaterThan(RUNS / 5);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `checkLocation: ${RUNS} hostile LOCATION values, only http(s) on the responder itself pass`,
    () => {
      const location = fc.oneof(
        nastyText,
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc
          .tuple(
            fc.constantFrom('http', 'https', 'file', 'ftp', 'gopher', 'javascript', 'HTTP'),
            fc.constantFrom(
              '198.18.0.9',
              '198.18.0.10',
              '127.0.0.1',
              '169.254.169.254',
              '[::1]',
              'localhost',
              '0x7f.1',
              '3323068425',
              'a@198.18.0.9',
            ),
            fc.option(fc.integer({ min: 0, max: 70_000 })),
            fc.string({ maxLength: 40 }),
          )
          .map(([scheme, host, port, path]) => `${scheme}://${host}${port === null ? '' : `:${port}`}/${path}`),
      );
      fc.assert(
        fc.property(location, (text) => {
          const verdict = bounded('checkLocation', text.length, () => checkLocation(text, '198.18.0.9'));
          if (!verdict.ok) return;
          const url = new URL(verdict.url);
          expect(['http:', 'https:']).toContain(url.protocol);
          expect(url.hostname).toBe('198.18.0.9');
          expect(url.username + url.password).toBe('');
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

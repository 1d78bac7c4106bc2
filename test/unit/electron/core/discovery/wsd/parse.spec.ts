import { describe, expect, it } from 'vitest';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';
import { buildProbe } from '../../../../../../electron/core/discovery/wsd/probe.js';
import { fixture, fixtureText } from './fixtures.js';

const OUR_PROBE = 'urn:uuid:0b0e6f3c-1111-4222-8333-944455556666';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (name: string) => {
  const message = parseWsdMessage(fixture(name));
  if (!message) throw new Error(`${name} did not parse`);
  return message;
};

describe('parseWsdMessage: device replies', () => {
  it('reads an Axis reply: %20 scopes, link-local and https XAddrs, Types in Device-first order', () => {
    const message = parse('axis-probe-matches.xml');
    expect(message).toMatchObject({ kind: 'probe-matches', soapVersion: '1.2', relatesTo: OUR_PROBE });
    expect(message.appSequence).toEqual({ instanceId: 1700000001, messageNumber: 12, sequenceId: null });
    expect(message.matches).toHaveLength(1);
    expect(message.matches[0]).toMatchObject({
      endpoint: '1d5e3a00-4c2b-11ee-8000-accc8e0a1b2c',
      types: ['tds:Device', 'dn:NetworkVideoTransmitter'],
      xaddrs: [
        'http://169.254.77.12/onvif/device_service',
        'http://192.168.1.40/onvif/device_service',
        'https://192.168.1.40/onvif/device_service',
      ],
      metadataVersion: 1,
    });
    expect(message.matches[0]?.scopes).toContain('onvif://www.onvif.org/name/AXIS%20M1065-L');
  });

  it('reads both ProbeMatch entries of one Hikvision-family message with the wsadis/wsdd prefixes', () => {
    const message = parse('hikvision-family-two-matches.xml');
    expect(message.messageId).toBe('urn:uuid:8f2e9a10-0f7a-11ef-8b3c-686dbc5c0a11');
    expect(message.matches.map((match) => match.endpoint)).toEqual([
      '3fa1b2c4-1dd2-11b2-a105-686dbc5c0a11',
      '2419d68a-2dd2-21b2-a0b0-50c7bf0e3d21',
    ]);
    expect(message.matches[0]?.scopes).toContain('onvif://www.onvif.org/MAC/68:6d:bc:5c:0a:11');
    expect(message.matches[1]?.xaddrs).toEqual(['http://192.168.1.65:2020/onvif/device_service']);
    expect(message.matches[1]?.metadataVersion).toBe(1);
  });

  it('strips a bare uuid: endpoint prefix (Dahua) and reads a one-line message', () => {
    const message = parse('dahua-probe-matches.xml');
    expect(message.matches[0]?.endpoint).toBe('7e3c1a90-5b2d-4f6e-8a1c-3cef8c0a1b2c');
    expect(message.matches[0]?.types).toEqual(['dn:NetworkVideoTransmitter', 'tds:Device']);
  });

  it('reads a gSOAP reply with tdn: types, many namespaces and a uuid: MessageID (Reolink)', () => {
    const message = parse('reolink-gsoap.xml');
    expect(message.matches[0]?.types).toEqual(['tdn:NetworkVideoTransmitter']);
    expect(message.namespaces.tdn).toBe('http://www.onvif.org/ver10/network/wsdl');
    expect(message.appSequence).toEqual({ instanceId: 0, messageNumber: 3, sequenceId: null });
    expect(message.matches[0]?.xaddrs).toEqual(['http://192.168.1.77:8000/onvif/device_service']);
  });

  it('accepts a SOAP 1.1 envelope with default-namespace discovery elements and tab/newline scopes', () => {
    const message = parse('soap11-oem.xml');
    expect(message.soapVersion).toBe('1.1');
    expect(message.matches[0]).toMatchObject({
      endpoint: 'c0ffee00-aaaa-4bbb-8ccc-00123a4b5c6d',
      types: ['dn:NetworkVideoTransmitter'],
      scopes: [
        'onvif://www.onvif.org/type/NetworkVideoTransmitter',
        'onvif://www.onvif.org/name/IPCAM',
        'onvif://www.onvif.org/hardware/HI3518E',
        'onvif://www.onvif.org/location/country/china',
      ],
      xaddrs: ['http://192.168.1.88:8899/onvif/device_service'],
    });
  });

  it('keeps the empty uuid: RelatesTo a DoorBird sends, so the caller can decide', () => {
    const message = parse('doorbird-empty-relatesto.xml');
    expect(message.relatesTo).toBe('uuid:');
    expect(message.matches[0]?.endpoint).toBe('6d0a4f2e-0000-4000-8000-1ccae3a0b4c5');
  });

  it('reads an EPR that carries PortType and ReferenceProperties next to Address', () => {
    expect(parse('oem-capitalised-scopes.xml').matches[0]?.endpoint).toBe('464a4854-4656-5242-4530-110000ff0631');
  });

  it('reads a Windows PC Hello with no XAddrs', () => {
    const message = parse('windows-pc-hello.xml');
    expect(message.kind).toBe('hello');
    expect(message.matches[0]).toMatchObject({ types: ['wsdp:Device', 'pub:Computer'], xaddrs: [], metadataVersion: 2 });
    expect(message.appSequence?.sequenceId).toBe('urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3');
  });

  it('reads Hello and Bye from a camera', () => {
    expect(parse('camera-hello.xml')).toMatchObject({ kind: 'hello', matches: [{ xaddrs: ['http://192.168.1.41/onvif/device_service'] }] });
    const bye = parse('camera-bye.xml');
    expect(bye.kind).toBe('bye');
    expect(bye.matches).toEqual([
      { endpoint: '1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d', types: [], scopes: [], xaddrs: [], metadataVersion: null },
    ]);
  });

  it('reads a MatchingRuleNotSupported fault as a fault, not a device', () => {
    const message = parse('fault-matching-rule.xml');
    expect(message.kind).toBe('fault');
    expect(message.matches).toEqual([]);
    expect(message.fault).toEqual({
      code: 'env:Sender',
      subcode: 'd:MatchingRuleNotSupported',
      reason: 'the xml format error',
    });
  });

  it('recognises our own Probe echoed back', () => {
    const message = parseWsdMessage(bytes(buildProbe('tds:Device', OUR_PROBE)));
    expect(message).toMatchObject({ kind: 'probe', messageId: OUR_PROBE, probeTypes: ['tds:Device'], matches: [] });
  });

  it('decodes XML character entities in values', () => {
    const text = fixtureText('dahua-probe-matches.xml').replace('name/Dahua', 'name/A&amp;B&#32;C');
    expect(parseWsdMessage(bytes(text))?.matches[0]?.scopes).toContain('onvif://www.onvif.org/name/A&B');
  });

  it('treats an empty EndpointReference address as no endpoint', () => {
    const text = fixtureText('camera-hello.xml').replace('urn:uuid:1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d', 'urn:uuid:');
    expect(parseWsdMessage(bytes(text))?.matches[0]?.endpoint).toBeNull();
  });
});

describe('parseWsdMessage: hostile or foreign input', () => {
  it('returns null for random bytes, plain text, empty input and non-WSD XML', () => {
    const random = Uint8Array.from({ length: 512 }, (_, i) => (i * 73 + 11) % 256);
    for (const input of [random, bytes(''), bytes('hello camera'), bytes('<html><body>hi</body></html>'), bytes('<<<>>&x;')]) {
      expect(parseWsdMessage(input)).toBeNull();
    }
    const resolve = fixtureText('camera-bye.xml').replace(/d:Bye/g, 'd:ResolveMatches');
    expect(parseWsdMessage(bytes(resolve))).toBeNull();
  });

  it('drops a packet over 64 KiB even when it is a valid reply', () => {
    const padding = `<!--${'x'.repeat(64 * 1024)}-->`;
    const big = fixtureText('axis-probe-matches.xml').replace('<SOAP-ENV:Body>', `<SOAP-ENV:Body>${padding}`);
    expect(parseWsdMessage(bytes(big))).toBeNull();
    expect(parseWsdMessage(fixture('axis-probe-matches.xml'))).not.toBeNull();
  });

  it('refuses a DOCTYPE with nested entities (billion laughs) without expanding it', () => {
    const started = performance.now();
    expect(parseWsdMessage(fixture('entity-expansion.xml'))).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('returns null for deeply nested junk instead of recursing', () => {
    const deep = `<s:Envelope><s:Body><d:ProbeMatches>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</d:ProbeMatches></s:Body></s:Envelope>`;
    expect(parseWsdMessage(bytes(deep))).toBeNull();
  });

  it('keeps a hostile __proto__ prefix as plain data', () => {
    const text = fixtureText('dahua-probe-matches.xml').replace('xmlns:sc=', 'xmlns:__proto__=');
    const message = parseWsdMessage(bytes(text));
    expect(message?.namespaces['__proto__']).toBe('http://www.w3.org/2003/05/soap-encoding');
    expect(Object.getPrototypeOf(message?.namespaces ?? {})).toBeNull();
  });

  it('ignores truncated XML mid-element without throwing', () => {
    const text = fixtureText('axis-probe-matches.xml');
    for (let cut = 0; cut < text.length; cut += 97) {
      expect(() => parseWsdMessage(bytes(text.slice(0, cut)))).not.toThrow();
    }
  });
});

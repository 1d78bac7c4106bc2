/** What one WS-Discovery datagram can hand on is bounded, whatever a forger puts in it (issue #6). */
import { describe, expect, it } from 'vitest';
import {
  MAX_FIELD_CHARS,
  MAX_ITEM_CHARS,
  MAX_LIST,
  parseWsdMessage,
  wsdKindOf,
} from '../../../../../../electron/core/discovery/wsd/parse.js';

const envelope = (header: string, body: string) =>
  new TextEncoder().encode(
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
      `xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`,
  );
const match = (inner: string) => `<d:ProbeMatches><d:ProbeMatch>${inner}</d:ProbeMatch></d:ProbeMatches>`;

describe('parseWsdMessage limits', () => {
  it('drops list items holding control characters: a scope list of junk becomes an empty list', () => {
    const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('');
    const message = parseWsdMessage(
      envelope('', match(`<d:Scopes>${junk} onvif://www.onvif.org/name/Cam${junk}x onvif://www.onvif.org/name/Real</d:Scopes>`)),
    );
    expect(message?.matches[0]?.scopes).toEqual(['onvif://www.onvif.org/name/Real']);
  });

  it(`drops items longer than ${MAX_ITEM_CHARS} characters and keeps at most ${MAX_LIST} per list`, () => {
    const long = `http://198.18.0.9/${'a'.repeat(MAX_ITEM_CHARS)}`;
    const many = Array.from({ length: 500 }, (_, i) => `http://198.18.0.${i % 250}/x${i}`).join(' ');
    const message = parseWsdMessage(envelope('', match(`<d:XAddrs>${long} http://198.18.0.9/onvif</d:XAddrs><d:Types>${many}</d:Types>`)));
    expect(message?.matches[0]?.xaddrs).toEqual(['http://198.18.0.9/onvif']);
    expect(message?.matches[0]?.types).toHaveLength(MAX_LIST);
  });

  it(`cuts header and fault strings to ${MAX_FIELD_CHARS} characters and refuses a control-character endpoint`, () => {
    const long = 'x'.repeat(10_000);
    const message = parseWsdMessage(
      envelope(
        `<a:MessageID>${long}</a:MessageID><a:RelatesTo>${long}</a:RelatesTo><a:Action>${long}</a:Action>` +
          `<d:AppSequence InstanceId="1" MessageNumber="2" SequenceId="${long}"/>`,
        match('<a:EndpointReference><a:Address>urn:uuid:\u0001\u0002</a:Address></a:EndpointReference>'),
      ),
    );
    expect([message?.messageId, message?.relatesTo, message?.action, message?.appSequence?.sequenceId].map((v) => v?.length)).toEqual([
      MAX_FIELD_CHARS,
      MAX_FIELD_CHARS,
      MAX_FIELD_CHARS,
      MAX_FIELD_CHARS,
    ]);
    expect(message?.matches[0]?.endpoint).toBeNull();
    const fault = parseWsdMessage(envelope('', `<s:Fault><s:Reason><s:Text>${long}</s:Text></s:Reason></s:Fault>`));
    expect(fault?.fault?.reason).toHaveLength(MAX_FIELD_CHARS);
  });

  it(`keeps at most ${MAX_LIST} namespace prefixes in a null-prototype map`, () => {
    const declarations = Array.from({ length: 1000 }, (_, i) => ` xmlns:p${i}="urn:${i}"`).join('');
    const message = parseWsdMessage(new TextEncoder().encode(`<s:Envelope${declarations}><s:Body><d:Hello/></s:Body></s:Envelope>`));
    expect(Object.keys(message?.namespaces ?? {})).toHaveLength(MAX_LIST);
    expect(Object.getPrototypeOf(message?.namespaces)).toBeNull();
  });

  it('maps only the five body names to kinds; Object internals are no kind at all', () => {
    expect(['ProbeMatches', 'HELLO', 'bye', 'Probe', 'Fault'].map(wsdKindOf)).toEqual(['probe-matches', 'hello', 'bye', 'probe', 'fault']);
    expect(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', ''].map(wsdKindOf)).toEqual(Array(6).fill(null));
  });
});

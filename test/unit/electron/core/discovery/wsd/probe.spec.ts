import { describe, expect, it } from 'vitest';
import { buildProbe, newMessageId, NS, WSD_MULTICAST_ADDRESS, WSD_PORT } from '../../../../../../electron/core/discovery/wsd/probe.js';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';

const ID = 'urn:uuid:0b0e6f3c-1111-4222-8333-944455556666';

describe('buildProbe', () => {
  it('declares SOAP 1.2, WS-Discovery 2005/04, WS-Addressing 2004/08 and the type prefixes on the Envelope', () => {
    const xml = buildProbe('dn:NetworkVideoTransmitter', ID);
    const envelope = /<soap:Envelope[^>]*>/.exec(xml)?.[0] ?? '';
    for (const uri of Object.values(NS)) expect(envelope).toContain(`"${uri}"`);
    expect(envelope).toContain(`xmlns:dn="${NS.onvifNetwork}"`);
    expect(envelope).toContain(`xmlns:tds="${NS.onvifDevice}"`);
    expect(xml).toContain('<wsa:Action soap:mustUnderstand="1">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</wsa:Action>');
    expect(xml).toContain('<wsa:To soap:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>');
    expect(xml).toContain(`<wsa:MessageID>${ID}</wsa:MessageID>`);
  });

  it('asks for exactly one type per probe', () => {
    expect(parseWsdMessage(new TextEncoder().encode(buildProbe('tds:Device', ID)))?.probeTypes).toEqual(['tds:Device']);
    expect(parseWsdMessage(new TextEncoder().encode(buildProbe('dn:NetworkVideoTransmitter', ID)))?.probeTypes).toEqual([
      'dn:NetworkVideoTransmitter',
    ]);
  });

  it('refuses a MessageID that is not urn:uuid:', () => {
    expect(() => buildProbe('tds:Device', 'uuid:</wsa:MessageID>')).toThrow();
  });
});

describe('newMessageId', () => {
  it('is a fresh urn:uuid: each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newMessageId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('targets the WS-Discovery IPv4 group and port', () => {
    expect([WSD_MULTICAST_ADDRESS, WSD_PORT]).toEqual(['239.255.255.250', 3702]);
  });
});

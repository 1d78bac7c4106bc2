import { describe, expect, it } from 'vitest';
import { parseScope, scopeFacts } from '../../../../../../electron/core/discovery/wsd/scopes.js';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';
import { fixture } from './fixtures.js';

const S = 'onvif://www.onvif.org/';
const factsOf = (name: string) => scopeFacts(parseWsdMessage(fixture(name))?.matches[0]?.scopes ?? []);
const valueOf = (facts: ReturnType<typeof scopeFacts>, name: string) => facts.find((fact) => fact.name === name)?.value;

describe('scopeFacts', () => {
  it('shows an Axis name with its %20 decoded and the hardware scope as the model', () => {
    const facts = factsOf('axis-probe-matches.xml');
    expect(valueOf(facts, 'name')).toBe('AXIS M1065-L');
    expect(valueOf(facts, 'model')).toBe('M1065-L');
    expect(facts.every((fact) => fact.source === 'wsd-scope')).toBe(true);
    expect(valueOf(facts, 'location')).toBeUndefined(); // `location/` with no value
  });

  it('reads the MAC a Hikvision-family camera puts in its scopes, as a hint', () => {
    const facts = factsOf('hikvision-family-two-matches.xml');
    expect(facts.find((fact) => fact.name === 'mac')).toEqual({ name: 'mac', value: '68:6d:bc:5c:0a:11', source: 'wsd-scope', hint: true });
    expect(valueOf(facts, 'name')).toBe('HIKVISION DFI6256TE');
    expect(valueOf(facts, 'location')).toBe('city/hangzhou');
  });

  it('accepts lower-case mac/, MAC/ and MacAddress/ with colons, dashes or no separators', () => {
    for (const scope of ['mac/50-c7-bf-0e-3d-21', 'MAC/50:C7:BF:0E:3D:21', 'MacAddress/50C7BF0E3D21', 'macaddress/50c7bf0e3d21']) {
      expect(valueOf(scopeFacts([S + scope]), 'mac')).toBe('50:c7:bf:0e:3d:21');
    }
  });

  it('rejects all-zero, broadcast, multicast and malformed MAC scopes', () => {
    for (const scope of ['MAC/00:00:00:00:00:00', 'MAC/ff:ff:ff:ff:ff:ff', 'MAC/01:00:5e:00:00:fb', 'MAC/not-a-mac', 'MAC/12:34']) {
      expect(valueOf(scopeFacts([S + scope]), 'mac')).toBeUndefined();
    }
  });

  it('keeps the more specific of two Reolink name scopes', () => {
    const facts = factsOf('reolink-gsoap.xml');
    expect(facts.filter((fact) => fact.name === 'name')).toHaveLength(1);
    expect(valueOf(facts, 'name')).toBe('IPC-BO');
    expect(valueOf(facts, 'model')).toBe('E1Zoom');
  });

  it('reads capitalised Model/, Name/, MacAddress/ and SerialNumber/ scopes', () => {
    const facts = factsOf('oem-capitalised-scopes.xml');
    expect(valueOf(facts, 'model')).toBe('IPCAM-631GA');
    expect(valueOf(facts, 'name')).toBe('IPCAM');
    expect(valueOf(facts, 'mac')).toBe('00:12:3f:4a:5b:6c');
    expect(valueOf(facts, 'serial')).toBe('631GA2311000042');
  });

  it('reads manufacturer, serial, decoded names with %26 and location scopes (Hanwha-like)', () => {
    const facts = factsOf('hanwha-vendor-scopes.xml');
    expect(valueOf(facts, 'manufacturer')).toBe('Hanwha Vision');
    expect(valueOf(facts, 'name')).toBe('Lobby & Stairs');
    expect(valueOf(facts, 'serial')).toBe('ZKM70VCK600099A');
    expect(valueOf(facts, 'mac')).toBe('00:09:18:a1:b2:c3');
    expect(valueOf(facts, 'location')).toBe('building/A');
  });

  it('joins several location scopes into one fact (DoorBird)', () => {
    expect(valueOf(factsOf('doorbird-empty-relatesto.xml'), 'location')).toBe('country/germany, city/berlin');
  });

  it('keeps names from the LAN as literal text, markup included', () => {
    const facts = scopeFacts([`${S}name/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`]);
    expect(valueOf(facts, 'name')).toBe('<img src=x onerror=alert(1)>');
  });

  it('survives broken percent-escapes and control characters', () => {
    expect(valueOf(scopeFacts([`${S}name/50%25%20off%ZZ`]), 'name')).toBe('50% off%ZZ');
    expect(valueOf(scopeFacts([`${S}name/Gate%E0%A4%A`]), 'name')).toBeDefined();
    expect(valueOf(scopeFacts([`${S}name/Front%00Door`]), 'name')).toBe('Front Door');
  });

  it('ignores scopes that are not onvif:// scopes or carry no value', () => {
    expect(scopeFacts(['http://example.com/name/X', `${S}name/`, `${S}name`, 'garbage'])).toEqual([]);
    expect(parseScope(`${S}Profile/Streaming`)).toEqual({ category: 'profile', value: 'Streaming' });
  });
});

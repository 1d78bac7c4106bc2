import { describe, expect, it } from 'vitest';
import { isCameraDescription, isCameraHeaders } from '../../../../../../electron/core/discovery/ssdp/camera-rules.js';
import { parseUpnpDescription, type UpnpDescription } from '../../../../../../electron/core/discovery/ssdp/description.js';
import { parseSsdpMessage } from '../../../../../../electron/core/discovery/ssdp/headers.js';
import { axisMac, descriptionFacts } from '../../../../../../electron/core/discovery/ssdp/observation.js';
import { ssdpBytes, upnpText } from './fixtures.js';

const parsed = (name: string): UpnpDescription => {
  const result = parseUpnpDescription(upnpText(name));
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.description;
};

describe('parseUpnpDescription', () => {
  it('reads an Axis description: model, serial = MAC, UDN, presentation URL', () => {
    expect(parsed('axis-description.xml')).toEqual({
      deviceType: 'urn:schemas-upnp-org:device:Basic:1',
      friendlyName: 'AXIS M1065-LW - 00408C1A2B3C',
      manufacturer: 'AXIS',
      modelName: 'AXIS M1065-LW',
      modelNumber: 'M1065-LW',
      modelDescription: 'AXIS M1065-LW Network Camera',
      serialNumber: '00408C1A2B3C',
      udn: 'uuid:Upnp-BasicDevice-1_0-00408C1A2B3C',
      presentationUrl: 'http://198.18.0.21:80/',
      urlBase: null,
    });
  });

  it('reads a minidlna MediaServer (one line, DLNA namespace) and a Dahua with URLBase', () => {
    expect(parsed('minidlna-description.xml')).toMatchObject({
      deviceType: 'urn:schemas-upnp-org:device:MediaServer:1',
      friendlyName: 'lab-nas: minidlna',
      modelNumber: '1.3.3',
    });
    expect(parsed('dahua-description.xml')).toMatchObject({ serialNumber: '6G0123PAZ4A5B6C', urlBase: 'http://198.18.0.22:49152' });
  });

  it('keeps HTML in names as inert text and turns tabs and newlines into single spaces', () => {
    expect(parsed('html-in-names.xml').friendlyName).toBe('<img src=x onerror=alert(1)> Lobby Cam');
  });

  it('answers a typed error for entity expansion, prototype-named elements, junk, no device and > 64 KiB', () => {
    expect(parseUpnpDescription(upnpText('billion-laughs.xml'))).toEqual({ ok: false, error: 'not-xml' });
    expect(parseUpnpDescription(upnpText('prototype-elements.xml')).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseUpnpDescription('{"json":true}')).toEqual({ ok: false, error: 'not-xml' });
    expect(parseUpnpDescription('<root><specVersion/></root>')).toEqual({ ok: false, error: 'no-device' });
    const huge = upnpText('axis-description.xml').replace('</root>', `<!--${'x'.repeat(64 * 1024)}--></root>`);
    expect(parseUpnpDescription(huge)).toEqual({ ok: false, error: 'too-large' });
    expect(parseUpnpDescription(undefined)).toEqual({ ok: false, error: 'not-xml' });
  });

  it('refuses elements nested deeper than a description ever is', () => {
    const deep = `<root><device>${'<x>'.repeat(200)}${'</x>'.repeat(200)}<friendlyName>a</friendlyName></device></root>`;
    expect(parseUpnpDescription(deep).ok).toBe(false);
  });
});

describe('what the technician sees from UPnP', () => {
  it('an Axis is a camera with its MAC (a hint) from serialNumber, sourced upnp', () => {
    const axis = parsed('axis-description.xml');
    expect(isCameraDescription(axis)).toBe(true);
    expect(descriptionFacts(axis)).toEqual([
      { name: 'name', value: 'AXIS M1065-LW - 00408C1A2B3C', source: 'upnp', hint: false },
      { name: 'manufacturer', value: 'AXIS', source: 'upnp', hint: false },
      { name: 'model', value: 'AXIS M1065-LW', source: 'upnp', hint: false },
      { name: 'hardware', value: 'M1065-LW', source: 'upnp', hint: false },
      { name: 'serial', value: '00408C1A2B3C', source: 'upnp', hint: false },
      { name: 'mac', value: '00:40:8c:1a:2b:3c', source: 'upnp', hint: true },
    ]);
  });

  it('an Axis whose serial is not a MAC gives the MAC from its UDN', () => {
    expect(axisMac(parsed('html-in-names.xml'))).toBe('ac:cc:8e:0a:0b:0c');
  });

  it('a Dahua is a camera; its serial-bearing UDN gives no MAC', () => {
    const dahua = parsed('dahua-description.xml');
    expect(isCameraDescription(dahua)).toBe(true);
    expect(descriptionFacts(dahua).find((f) => f.name === 'mac')).toBeUndefined();
    expect(descriptionFacts(dahua).find((f) => f.name === 'serial')?.value).toBe('6G0123PAZ4A5B6C');
  });

  it('minidlna (MediaServer) is not a camera, nor a router, even one a camera vendor made', () => {
    expect(isCameraDescription(parsed('minidlna-description.xml'))).toBe(false);
    expect(isCameraDescription(parsed('router-igd-description.xml'))).toBe(false);
    expect(axisMac(parsed('minidlna-description.xml'))).toBeNull();
  });

  it('without a description: Axis and Dahua headers say camera; minidlna and Windows do not', () => {
    const headers = (name: string) => parseSsdpMessage(ssdpBytes(name))?.headers ?? new Map<string, string>();
    expect(isCameraHeaders(headers('axis-response.txt'))).toBe(true);
    expect(isCameraHeaders(headers('dahua-response.txt'))).toBe(true);
    expect(isCameraHeaders(headers('minidlna-notify-alive.txt'))).toBe(false);
    expect(isCameraHeaders(headers('windows-response.txt'))).toBe(false);
  });
});

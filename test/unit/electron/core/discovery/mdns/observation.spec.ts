import { describe, expect, it } from 'vitest';
import { parseDnsResponse } from '../../../../../../electron/core/discovery/mdns/dns-wire.js';
import { toMdnsObservations } from '../../../../../../electron/core/discovery/mdns/observation.js';
import { encodeResponse, mdnsFixture } from './packets.js';

const observe = (name: string, ip = '198.18.0.21') => {
  const response = parseDnsResponse(encodeResponse(mdnsFixture(name)));
  if (!response) throw new Error(`${name} did not parse`);
  return toMdnsObservations(response, { ip, interface: 'lab0', at: 1 });
};

describe('toMdnsObservations', () => {
  it('an Axis _axis-video service is a camera with its MAC from TXT macaddress (a hint), model from the label', () => {
    const [axis, ...rest] = observe('axis-video.json');
    expect(rest).toEqual([]);
    expect(axis).toMatchObject({ source: 'mdns', kind: 'alive', ip: '198.18.0.21', interface: 'lab0', isCamera: true, endpoint: null });
    expect(axis?.facts).toEqual([
      { name: 'name', value: 'AXIS M1065-LW - 00408C1A2B3C', source: 'mdns-txt', hint: false },
      { name: 'manufacturer', value: 'AXIS', source: 'mdns-txt', hint: false },
      { name: 'model', value: 'AXIS M1065-LW', source: 'mdns-txt', hint: false },
      { name: 'mac', value: '00:40:8c:1a:2b:3c', source: 'mdns-txt', hint: true },
    ]);
  });

  it('avahi publishing an Axis service: MAC from the upper-case TXT key, the first value wins', () => {
    const [avahi] = observe('avahi-axis-service.json', '198.18.0.50');
    expect(avahi?.isCamera).toBe(true);
    expect(avahi?.facts.find((f) => f.name === 'mac')?.value).toBe('ac:cc:8e:0a:0b:0c');
    expect(avahi?.facts.find((f) => f.name === 'manufacturer')).toBeUndefined(); // "Lab Axis" is not an AXIS label
  });

  it('a Hikvision _CGI service: vendor and model from the label, serial from the SRV host, MAC from EUI-64', () => {
    const [hik] = observe('hikvision-cgi.json', '198.18.0.24');
    expect(hik?.isCamera).toBe(true);
    expect(hik?.facts).toEqual([
      { name: 'name', value: 'HIKVISION DS-2CD2722FWD-IZS - 123456789', source: 'mdns-txt', hint: false },
      { name: 'manufacturer', value: 'HIKVISION', source: 'mdns-txt', hint: false },
      { name: 'model', value: 'DS-2CD2722FWD-IZS', source: 'mdns-txt', hint: false },
      { name: 'serial', value: 'DS2CD2722FWDIZS20181015AACH123456789', source: 'mdns-txt', hint: true },
      { name: 'mac', value: '28:57:be:65:7d:d5', source: 'ipv6-eui64', hint: true },
    ]);
  });

  it('HomeKit: a doorbell (ci 18) is a camera, a light bulb (ci 5) is only a device', () => {
    const found = observe('homekit-doorbell.json');
    expect(found.map((o) => [o.facts[0]?.value, o.isCamera, o.facts.find((f) => f.name === 'model')?.value])).toEqual([
      ['Front Door', true, 'Doorbell Pro'],
      ['Hall Light', false, 'Bulb'],
    ]);
    expect(found.flatMap((o) => o.facts).some((f) => f.name === 'mac')).toBe(false); // HAP id is not a MAC
  });

  it('_http._tcp is kept as a device, not a camera; services we do not browse are ignored', () => {
    const found = observe('http-printer.json');
    expect(found.map((o) => [o.facts[0]?.value, o.isCamera])).toEqual([['Office Printer', false]]);
  });

  it('a goodbye (PTR TTL 0) marks the service gone', () => {
    expect(observe('axis-goodbye.json').map((o) => o.kind)).toEqual(['bye']);
  });
});

import { describe, expect, it } from 'vitest';
import { isCameraTypes, orderXAddrs, toObservations } from '../../../../../../electron/core/discovery/wsd/observation.js';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';
import { fixture } from './fixtures.js';

const observe = (name: string, ip: string | null = '192.168.1.40') => {
  const message = parseWsdMessage(fixture(name));
  if (!message) throw new Error(`${name} did not parse`);
  return toObservations(message, { ip, interface: 'eth0', at: 1_000 });
};

describe('toObservations', () => {
  it('turns an Axis reply into one camera observation, XAddr on the source IP first', () => {
    const [observation, ...rest] = observe('axis-probe-matches.xml');
    expect(rest).toEqual([]);
    expect(observation).toMatchObject({
      source: 'wsd',
      kind: 'alive',
      at: 1_000,
      ip: '192.168.1.40',
      interface: 'eth0',
      endpoint: '1d5e3a00-4c2b-11ee-8000-accc8e0a1b2c',
      isCamera: true,
    });
    expect(observation?.onvif?.xaddrs).toEqual([
      'http://192.168.1.40/onvif/device_service',
      'https://192.168.1.40/onvif/device_service',
      'http://169.254.77.12/onvif/device_service',
    ]);
    expect(observation?.onvif?.metadataVersion).toBe(1);
  });

  it('gives one observation per ProbeMatch', () => {
    const observations = observe('hikvision-family-two-matches.xml', '192.168.1.64');
    expect(observations.map((o) => [o.endpoint, o.isCamera])).toEqual([
      ['3fa1b2c4-1dd2-11b2-a105-686dbc5c0a11', true],
      ['2419d68a-2dd2-21b2-a0b0-50c7bf0e3d21', true],
    ]);
    expect(observations[0]?.facts.find((f) => f.name === 'mac')?.value).toBe('68:6d:bc:5c:0a:11');
  });

  it('keeps a Windows PC out of the camera list', () => {
    const [pc] = observe('windows-pc-hello.xml', '192.168.1.30');
    expect(pc).toMatchObject({ kind: 'alive', isCamera: false, endpoint: '4c4c4544-0042-3510-8052-b4c04f4e3432' });
    expect(pc?.onvif?.xaddrs).toEqual([]);
  });

  it('marks a Bye as bye', () => {
    expect(observe('camera-bye.xml').map((o) => [o.kind, o.endpoint])).toEqual([['bye', '1d5e3a00-4c2b-11ee-8000-accc8e0a1b2d']]);
  });

  it('yields nothing for faults', () => {
    expect(observe('fault-matching-rule.xml')).toEqual([]);
  });
});

describe('isCameraTypes', () => {
  it('matches NVT or Device by local name whatever the prefix', () => {
    for (const type of [
      'dn:NetworkVideoTransmitter',
      'tdn:NetworkVideoTransmitter',
      'dp0:NetworkVideoTransmitter',
      'tds:Device',
      'Device',
    ]) {
      expect(isCameraTypes([type])).toBe(true);
    }
  });

  it('rejects PCs, printers and DPWS Device types', () => {
    expect(isCameraTypes(['wsdp:Device', 'pub:Computer'])).toBe(false);
    expect(isCameraTypes(['wsdp:Device', 'wprt:PrintDeviceType'])).toBe(false);
    expect(isCameraTypes(['wsdp:Device'], { wsdp: 'http://schemas.xmlsoap.org/ws/2006/02/devprof' })).toBe(false);
    expect(isCameraTypes(['dn:NetworkVideoDisplay'])).toBe(false);
    expect(isCameraTypes([])).toBe(false);
  });
});

describe('orderXAddrs', () => {
  it('puts URLs on the source host first and copes with IPv6 and junk', () => {
    const urls = ['http://[fe80::1]/onvif/device_service', 'not a url', 'http://192.168.1.92:8080/onvif/device_service'];
    expect(orderXAddrs(urls, '192.168.1.92')).toEqual([urls[2], urls[0], urls[1]]);
    expect(orderXAddrs(urls, 'fe80::1')[0]).toBe(urls[0]);
    expect(orderXAddrs(urls, null)).toEqual(urls);
  });
});

/**
 * The device-service URL identify asks: an XAddr only when it names the camera's own address, and for a camera
 * found only over IPv6 (link-local IP with the interface it was heard on) the zone added, so the HTTP request
 * leaves through that interface.
 */
import { describe, expect, it } from 'vitest';
import { deviceServiceUrl } from '../../../../../../electron/core/devices/identify/identify-camera.js';

describe('deviceServiceUrl', () => {
  it('IPv4: the XAddr on the camera own IP, else http://<ip>/onvif/device_service (unchanged)', () => {
    expect(deviceServiceUrl('198.18.0.21', ['http://198.18.0.21:8080/onvif/device_service'])).toBe(
      'http://198.18.0.21:8080/onvif/device_service',
    );
    expect(deviceServiceUrl('198.18.0.21', ['http://198.18.0.99/onvif/device_service'])).toBe('http://198.18.0.21/onvif/device_service');
  });

  it('a link-local camera: the zone-less XAddr of its own address gets the zone it was heard on', () => {
    expect(deviceServiceUrl('fe80::2a0:8cff:fe1a:2b3c%lab0', ['http://[fe80::2a0:8cff:fe1a:2b3c]/onvif/device_service'])).toBe(
      'http://[fe80::2a0:8cff:fe1a:2b3c%25lab0]/onvif/device_service',
    );
    // Port and path kept; the address compared in canonical form (upper case, uncompressed zeros).
    expect(
      deviceServiceUrl('fe80::2a0:8cff:fe1a:2b3c%lab0', ['http://[FE80:0:0:0:2A0:8CFF:FE1A:2B3C]:8899/onvif/device_service?x=1']),
    ).toBe('http://[fe80::2a0:8cff:fe1a:2b3c%25lab0]:8899/onvif/device_service?x=1');
  });

  it('never takes an XAddr for another host: another IPv6 address, an IPv4 one, a name, or another zone', () => {
    const ip = 'fe80::2a0:8cff:fe1a:2b3c%lab0';
    const own = 'http://[fe80::2a0:8cff:fe1a:2b3c%25lab0]/onvif/device_service';
    expect(deviceServiceUrl(ip, ['http://[fe80::bad]/onvif/device_service'])).toBe(own);
    expect(deviceServiceUrl(ip, ['http://198.18.0.99/onvif/device_service', 'http://evil.example/onvif'])).toBe(own);
    expect(deviceServiceUrl(ip, ['http://[fe80::2a0:8cff:fe1a:2b3c%25eth9]:8080/onvif/device_service'])).toBe(own);
    expect(deviceServiceUrl(ip, ['https://[fe80::2a0:8cff:fe1a:2b3c]/onvif/device_service', 'file:///etc/passwd'])).toBe(own);
  });

  it('a zone that is not an interface name is not put into a URL; a global IPv6 address is bracketed', () => {
    expect(deviceServiceUrl('fe80::1%a/b@evil', [])).toBe('http://[fe80::1]/onvif/device_service');
    expect(deviceServiceUrl('2001:db8::5', ['http://[2001:db8::5]:81/onvif/device_service'])).toBe(
      'http://[2001:db8::5]:81/onvif/device_service',
    );
    expect(deviceServiceUrl('2001:db8::5', [])).toBe('http://[2001:db8::5]/onvif/device_service');
  });
});

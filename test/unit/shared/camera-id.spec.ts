import { describe, expect, it } from 'vitest';
import { cameraId, cameraIdFromMac, normaliseSerialId } from '../../../shared/camera-id.js';

describe('camera ID formats', () => {
  it('writes a MAC as 12 upper-case hex digits by default, or with colons, whatever notation came in', () => {
    for (const mac of ['ac:cc:8e:12:ab:34', 'AC-CC-8E-12-AB-34', 'accc.8e12.ab34', 'ACCC8E12AB34']) {
      expect(cameraIdFromMac(mac)).toBe('ACCC8E12AB34');
      expect(cameraIdFromMac(mac, 'mac-colon')).toBe('AC:CC:8E:12:AB:34');
    }
  });

  it('refuses things that are not a unicast MAC', () => {
    expect(cameraIdFromMac('ff:ff:ff:ff:ff:ff')).toBeNull();
    expect(cameraIdFromMac('hello')).toBeNull();
  });

  it('upper-cases and trims serials, refusing characters that would break a URL query or meta key', () => {
    expect(normaliseSerialId('  ds-2cd2143g0-i20190101  ')).toBe('DS-2CD2143G0-I20190101');
    for (const bad of ['', 'a b', 'x&meta=y', 'a/b', '"rsid"', 'x'.repeat(65)]) expect(normaliseSerialId(bad), bad).toBeNull();
  });

  it('picks MAC or serial by the configured format', () => {
    const camera = { mac: '00:40:8c:aa:bb:cc', serial: 'abc123' };
    expect(cameraId('mac-plain', camera)).toBe('00408CAABBCC');
    expect(cameraId('mac-colon', camera)).toBe('00:40:8C:AA:BB:CC');
    expect(cameraId('serial', camera)).toBe('ABC123');
    expect(cameraId('serial', { mac: camera.mac })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isLocallyAdministered, macFromEui64, macFromUuidSuffix, normaliseMac } from '../../../shared/mac.js';

describe('normaliseMac', () => {
  it('shows the same MAC whatever format the camera or OS wrote it in', () => {
    for (const text of [
      '00:40:8C:12:34:56',
      '00-40-8c-12-34-56',
      '0040.8c12.3456',
      '00408C123456',
      ' 00:40:8c:12:34:56 ',
      '0:40:8c:12:34:56',
    ]) {
      expect(normaliseMac(text)).toBe('00:40:8c:12:34:56');
    }
  });

  it('zero-pads the unpadded octets macOS arp prints', () => {
    expect(normaliseMac('4:a1:51:1b:2:92')).toBe('04:a1:51:1b:02:92');
  });

  it('never shows all-zero, broadcast or multicast addresses as a camera MAC', () => {
    expect(normaliseMac('00:00:00:00:00:00')).toBeNull();
    expect(normaliseMac('ff:ff:ff:ff:ff:ff')).toBeNull();
    expect(normaliseMac('01:00:5e:00:00:fb')).toBeNull();
    expect(normaliseMac('33:33:00:00:00:01')).toBeNull();
  });

  it('rejects garbage and mixed separators', () => {
    for (const text of ['', 'hello', '00:40:8c:12:34', '00:40:8c:12:34:56:78', '00:40-8c:12:34:56', '00408c12345g']) {
      expect(normaliseMac(text)).toBeNull();
    }
    expect(normaliseMac('0'.repeat(10_000))).toBeNull();
  });
});

describe('isLocallyAdministered', () => {
  it('flags random/virtual MACs that name no vendor', () => {
    expect(isLocallyAdministered('02:42:ac:11:00:02')).toBe(true);
    expect(isLocallyAdministered('da:a1:19:00:00:01')).toBe(true);
    expect(isLocallyAdministered('00:40:8c:12:34:56')).toBe(false);
    expect(isLocallyAdministered('not a mac')).toBe(false);
  });
});

describe('macFromEui64', () => {
  it('recovers the Hikvision MAC from its link-local address', () => {
    expect(macFromEui64('fe80::2a57:beff:fe65:7dd5')).toBe('28:57:be:65:7d:d5');
  });

  it('accepts brackets, zone ids and URL-encoded zone ids', () => {
    expect(macFromEui64('[fe80::2a57:beff:fe65:7dd5]')).toBe('28:57:be:65:7d:d5');
    expect(macFromEui64('fe80::2a57:beff:fe65:7dd5%eth0')).toBe('28:57:be:65:7d:d5');
    expect(macFromEui64('[FE80::2A57:BEFF:FE65:7DD5%25en0]')).toBe('28:57:be:65:7d:d5');
    expect(macFromEui64('fe80:0:0:0:1a68:cbff:fe15:b284')).toBe('18:68:cb:15:b2:84');
  });

  it('finds no MAC in privacy or random addresses', () => {
    expect(macFromEui64('fe80::1c2d:3e4f:5a6b:7c8d')).toBeNull();
    expect(macFromEui64('fe80::1')).toBeNull();
    expect(macFromEui64('::ffff:254.1.2.3')).toBeNull();
    expect(macFromEui64('fe80::2a57:beff:fe65:7dd5::1')).toBeNull();
    expect(macFromEui64('192.168.1.10')).toBeNull();
  });
});

describe('macFromUuidSuffix', () => {
  it('reads the MAC a Hikvision-family endpoint UUID ends with', () => {
    expect(macFromUuidSuffix('3fa1fe68-b915-4053-a3e1-686dbc5cb15d')).toBe('68:6d:bc:5c:b1:5d');
    expect(macFromUuidSuffix('urn:uuid:3FA1FE68-B915-4053-A3E1-686DBC5CB15D')).toBe('68:6d:bc:5c:b1:5d');
  });

  it('gives nothing for random suffixes that cannot be a vendor MAC', () => {
    expect(macFromUuidSuffix('3fa1fe68-b915-4053-a3e1-0bd5e6a6f001')).toBeNull(); // multicast bit
    expect(macFromUuidSuffix('3fa1fe68-b915-4053-a3e1-02aabbccddee')).toBeNull(); // locally administered
    expect(macFromUuidSuffix('3fa1fe68-b915-4053-a3e1-000000000000')).toBeNull();
    expect(macFromUuidSuffix('not-a-uuid-686dbc5cb15d')).toBeNull();
  });
});

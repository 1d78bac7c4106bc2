import { describe, expect, it } from 'vitest';
import { macHints } from '../../../../../electron/core/identity/mac-hints.js';

const base = { endpoint: null, xaddrs: [], ip: null, vendorNames: [], scopeMac: null };
const HIK_EPR = '3fa1fe68-b915-4053-a3e1-686dbc5cb15d';

describe('macHints from IPv6 EUI-64', () => {
  it('reads the MAC out of a link-local XAddr, as a hint', () => {
    const facts = macHints({
      ...base,
      xaddrs: ['http://192.168.1.64/onvif/device_service', 'http://[fe80::2a57:beff:fe65:7dd5%25eth0]:80/onvif/device_service'],
    });
    expect(facts).toEqual([{ name: 'mac', value: '28:57:be:65:7d:d5', source: 'ipv6-eui64', hint: true }]);
  });

  it('uses a link-local source address and reports one MAC once', () => {
    const facts = macHints({
      ...base,
      ip: 'fe80::2a57:beff:fe65:7dd5',
      xaddrs: ['http://[fe80::2a57:beff:fe65:7dd5]/onvif/device_service'],
    });
    expect(facts).toHaveLength(1);
  });

  it('finds no MAC in privacy addresses, global addresses or IPv4 XAddrs', () => {
    expect(
      macHints({
        ...base,
        ip: '192.168.1.64',
        xaddrs: ['http://[fe80::1c2d:3e4f:5a6b:7c8d]/onvif', 'http://[2001:db8::2a57:beff:fe65:7dd5]/onvif', 'garbage'],
      }),
    ).toEqual([]);
  });
});

describe('macHints from a MAC-suffixed endpoint UUID', () => {
  it('trusts a Hikvision UUID suffix when the MAC scope agrees', () => {
    expect(macHints({ ...base, endpoint: HIK_EPR, scopeMac: '68-6D-BC-5C-B1-5D' })).toEqual([
      { name: 'mac', value: '68:6d:bc:5c:b1:5d', source: 'uuid-suffix', hint: true },
    ]);
  });

  it('trusts it when the device names itself after the registrant', () => {
    const facts = macHints({ ...base, endpoint: `urn:uuid:${HIK_EPR}`, vendorNames: ['HIKVISION DS-2CD2143G2-I'] });
    expect(facts.map((f) => f.value)).toEqual(['68:6d:bc:5c:b1:5d']);
  });

  it('does not turn a random-looking Axis UUID tail into a MAC', () => {
    // The tail is a registered Hikvision OUI by chance, but the device says it is Axis.
    expect(macHints({ ...base, endpoint: HIK_EPR, vendorNames: ['AXIS P3245-LVE', 'AXIS'] })).toEqual([]);
  });

  it('does not match on generic words such as "Technology" or a city name', () => {
    expect(macHints({ ...base, endpoint: HIK_EPR, vendorNames: ['Hangzhou Digital Technology Camera'] })).toEqual([]);
  });

  it('ignores suffixes from unregistered or locally administered blocks even when the scope agrees', () => {
    expect(macHints({ ...base, endpoint: '3fa1fe68-b915-4053-a3e1-f40000010203', scopeMac: 'f4:00:00:01:02:03' })).toEqual([]);
    expect(macHints({ ...base, endpoint: '3fa1fe68-b915-4053-a3e1-02aabbccddee', scopeMac: '02:aa:bb:cc:dd:ee' })).toEqual([]);
  });

  it('gives both hints when a camera offers both', () => {
    const facts = macHints({
      endpoint: HIK_EPR,
      xaddrs: ['http://[fe80::6a6d:bcff:fe5c:b15d]/onvif/device_service'],
      ip: '192.168.1.64',
      vendorNames: ['HIKVISION'],
      scopeMac: null,
    });
    expect(facts.map((f) => [f.source, f.value])).toEqual([
      ['ipv6-eui64', '68:6d:bc:5c:b1:5d'],
      ['uuid-suffix', '68:6d:bc:5c:b1:5d'],
    ]);
  });
});

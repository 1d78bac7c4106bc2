import type { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listIpv4Interfaces } from '../../../../electron/platform/network.js';

type Os = ReturnType<typeof networkInterfaces>;
const entry = (family: 'IPv4' | 'IPv6', address: string, extra: Record<string, unknown> = {}) => ({
  family,
  address,
  netmask: family === 'IPv4' ? '255.255.255.0' : 'ffff:ffff:ffff:ffff::',
  mac: '08:00:27:4e:66:a1',
  internal: false,
  cidr: null,
  ...extra,
});
const os = (): Os =>
  ({
    lo: [entry('IPv4', '127.0.0.1', { internal: true }), entry('IPv6', '::1', { internal: true, scopeid: 0 })],
    eth0: [
      entry('IPv4', '192.168.1.10'),
      entry('IPv6', '2001:db8::10', { scopeid: 0 }),
      entry('IPv6', 'fe80::a00:27ff:fe4e:66a1', { scopeid: 2 }),
    ],
    tun0: [entry('IPv4', '10.8.0.2')],
  }) as unknown as Os;

describe('listIpv4Interfaces', () => {
  it('lists IPv4 adapters with the adapter IPv6 link-local address, zoned by name on Unix and by index on Windows', () => {
    expect(listIpv4Interfaces(os, 'linux')).toEqual([
      {
        name: 'eth0',
        address: '192.168.1.10',
        netmask: '255.255.255.0',
        cidr: '192.168.1.10',
        mac: '08:00:27:4e:66:a1',
        ipv6: 'fe80::a00:27ff:fe4e:66a1%eth0',
      },
      { name: 'tun0', address: '10.8.0.2', netmask: '255.255.255.0', cidr: '10.8.0.2', mac: '08:00:27:4e:66:a1' },
    ]);
    expect(listIpv4Interfaces(os, 'win32')[0]?.ipv6).toBe('fe80::a00:27ff:fe4e:66a1%2');
  });
});

import { describe, expect, it } from 'vitest';
import { macFromNeighbours } from '../../../../../electron/core/identity/arp-mac.js';
import { parseWindowsArpA } from '../../../../../electron/platform/neighbours/windows.js';
import type { NetInterface } from '../../../../../shared/net.js';
import type { NeighbourEntry } from '../../../../../electron/platform/ports.js';

const eth0: NetInterface = {
  name: 'eth0',
  address: '192.168.1.10',
  netmask: '255.255.255.0',
  cidr: '192.168.1.10/24',
  mac: '00:11:22:33:44:55',
};
const wlan0: NetInterface = { name: 'wlan0', address: '10.20.0.7', netmask: '255.255.0.0', cidr: '10.20.0.7/16', mac: '00:11:22:33:44:66' };

const router: NeighbourEntry = { ip: '192.168.1.1', mac: 'e4:8d:8c:11:22:33', interface: 'eth0' };
const camera: NeighbourEntry = { ip: '192.168.1.64', mac: '28:57:be:65:7d:d5', interface: 'eth0' };

describe('macFromNeighbours', () => {
  it('gives a camera on the local subnet the MAC from the ARP table, with the interface it is on', () => {
    expect(macFromNeighbours('192.168.1.64', [router, camera], [eth0, wlan0])).toEqual({
      mac: '28:57:be:65:7d:d5',
      interface: 'eth0',
    });
  });

  it('does not give a camera behind a router the router MAC', () => {
    // A camera on 172.16.5.20 is reached through 192.168.1.1; whatever the table says about it is the router.
    const routed: NeighbourEntry = { ip: '172.16.5.20', mac: router.mac, interface: 'eth0' };
    expect(macFromNeighbours('172.16.5.20', [router, routed], [eth0])).toBeNull();
  });

  it('refuses a MAC that answers for several IPs (proxy ARP or a router)', () => {
    const proxied: NeighbourEntry = { ip: '192.168.1.200', mac: router.mac, interface: 'eth0' };
    expect(macFromNeighbours('192.168.1.200', [router, proxied, camera], [eth0])).toBeNull();
    // The honest camera next to it still gets its MAC.
    expect(macFromNeighbours('192.168.1.64', [router, proxied, camera], [eth0])?.mac).toBe(camera.mac);
  });

  it('refuses when two devices claim the same IP', () => {
    const clash: NeighbourEntry = { ip: '192.168.1.64', mac: '00:40:8c:aa:bb:cc', interface: 'eth0' };
    expect(macFromNeighbours('192.168.1.64', [camera, clash], [eth0])).toBeNull();
  });

  it('ignores an entry recorded on an interface whose subnet does not hold the IP', () => {
    const elsewhere: NeighbourEntry = { ip: '192.168.1.64', mac: '00:40:8c:aa:bb:cc', interface: 'wlan0' };
    expect(macFromNeighbours('192.168.1.64', [elsewhere], [eth0, wlan0])).toBeNull();
  });

  it('gives nothing when the camera has no entry yet, or the IP is not IPv4', () => {
    expect(macFromNeighbours('192.168.1.99', [router, camera], [eth0])).toBeNull();
    expect(macFromNeighbours('fe80::1', [router, camera], [eth0])).toBeNull();
    expect(macFromNeighbours('192.168.1.64', [router, camera], [])).toBeNull();
  });

  it('works with Windows arp -a, which names interfaces by address, and with unnamed entries', () => {
    const table = parseWindowsArpA(
      'Interface: 192.168.1.10 --- 0xb\r\n  Internet Address  Physical Address  Type\r\n  192.168.1.64  28-57-be-65-7d-d5  dynamic\r\n',
    );
    const windowsEth: NetInterface = { ...eth0, name: 'Ethernet' };
    expect(macFromNeighbours('192.168.1.64', table, [windowsEth])).toEqual({ mac: '28:57:be:65:7d:d5', interface: 'Ethernet' });
    expect(macFromNeighbours('192.168.1.64', [{ ...camera, interface: null }], [eth0])?.mac).toBe(camera.mac);
  });
});

import { describe, expect, it } from 'vitest';
import { isVirtualInterfaceName, labelVirtual } from '../../../shared/net.js';

describe('isVirtualInterfaceName', () => {
  it('labels VPN, container and hypervisor adapters by name, on Linux, macOS and Windows', () => {
    for (const name of [
      'tun0',
      'tap1',
      'wg0',
      'ppp0',
      'docker0',
      'veth12ab',
      'br-3f2a',
      'virbr0',
      'vmnet8',
      'vboxnet0',
      'utun3',
      'zt5u4',
      'tailscale0',
    ]) {
      expect(isVirtualInterfaceName(name), name).toBe(true);
    }
    for (const name of [
      'vEthernet (Default Switch)',
      'VirtualBox Host-Only Network',
      'OpenVPN TAP-Windows6',
      'WireGuard Tunnel',
      'Cisco AnyConnect VPN',
    ]) {
      expect(isVirtualInterfaceName(name), name).toBe(true);
    }
  });

  it('leaves physical adapters unlabelled', () => {
    for (const name of ['eth0', 'enp3s0', 'wlan0', 'wlp2s0', 'en0', 'en7', 'Ethernet', 'Ethernet 2', 'Wi-Fi', 'br0', 'bond0']) {
      expect(isVirtualInterfaceName(name), name).toBe(false);
    }
  });

  it('labelVirtual keeps an adapter that already says it is virtual', () => {
    const base = { address: '10.0.0.2', netmask: '255.255.255.0', cidr: '10.0.0.2/24', mac: null };
    expect(
      labelVirtual([
        { name: 'eth0', ...base },
        { name: 'eth1', ...base, virtual: true },
      ]).map((i) => i.virtual),
    ).toEqual([false, true]);
  });
});

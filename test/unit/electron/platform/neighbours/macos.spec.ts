import { describe, expect, it } from 'vitest';
import { parseArpAn } from '../../../../../electron/platform/neighbours/macos.js';
import { fixture } from './fixture.js';

describe('parseArpAn', () => {
  it('zero-pads the unpadded octets macOS prints and keeps the interface', () => {
    expect(parseArpAn(fixture('macos-arp-an.txt'))).toEqual([
      { ip: '192.168.2.1', mac: '04:a1:51:1b:12:92', interface: 'en9' },
      { ip: '192.168.2.64', mac: '00:40:8c:0a:0b:0c', interface: 'en9' },
      { ip: '192.168.2.70', mac: 'ac:cc:8e:01:02:03', interface: 'en0' },
      { ip: '169.254.12.7', mac: '68:6d:bc:5c:b1:5d', interface: 'en9' },
    ]);
  });

  it('shows no MAC for (incomplete), broadcast or multicast rows', () => {
    const ips = parseArpAn(fixture('macos-arp-an.txt')).map((e) => e.ip);
    expect(ips).not.toContain('192.168.2.44');
    expect(ips).not.toContain('192.168.2.255');
    expect(ips).not.toContain('224.0.0.251');
  });

  it('copes with rows that name a host and with garbage', () => {
    expect(parseArpAn('cam-1.local (10.1.1.5) at 0:40:8c:1:2:3 on en0 ifscope [ethernet]')).toEqual([
      { ip: '10.1.1.5', mac: '00:40:8c:01:02:03', interface: 'en0' },
    ]);
    expect(parseArpAn('arp: bad things happened\n((((( at at at')).toEqual([]);
  });
});

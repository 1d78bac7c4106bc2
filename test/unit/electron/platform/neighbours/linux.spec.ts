import { describe, expect, it } from 'vitest';
import { parseIpNeighJson, parseProcNetArp } from '../../../../../electron/platform/neighbours/linux.js';
import { fixture } from './fixture.js';

describe('parseProcNetArp', () => {
  it('lists resolved and permanent neighbours with normalised MACs and their interface', () => {
    expect(parseProcNetArp(fixture('linux-proc-net-arp.txt'))).toEqual([
      { ip: '192.168.1.1', mac: 'e4:8d:8c:11:22:33', interface: 'eth0' },
      { ip: '192.168.1.64', mac: '28:57:be:65:7d:d5', interface: 'eth0' },
      { ip: '192.168.1.90', mac: '00:40:8c:aa:bb:cc', interface: 'eth0' },
      { ip: '10.20.0.5', mac: 'ac:cc:8e:01:02:03', interface: 'wlan0' },
    ]);
  });

  it('does not show a MAC for a camera whose ARP entry is still incomplete', () => {
    const ips = parseProcNetArp(fixture('linux-proc-net-arp.txt')).map((e) => e.ip);
    expect(ips).not.toContain('192.168.1.77');
  });

  it('returns nothing for garbage or a header-only table, without throwing', () => {
    expect(parseProcNetArp('')).toEqual([]);
    expect(parseProcNetArp('IP address       HW type     Flags       HW address            Mask     Device\n')).toEqual([]);
    expect(parseProcNetArp('\u0000\u0001 0x 0xzz junk')).toEqual([]);
    expect(parseProcNetArp(undefined as unknown as string)).toEqual([]);
  });

  it('ignores input beyond 1 MiB', () => {
    const row = '192.168.1.64     0x1         0x2         28:57:be:65:7d:d5     *        eth0\n';
    const huge = `${' '.repeat(1024 * 1024)}\n${row}`;
    expect(parseProcNetArp(huge)).toEqual([]);
  });
});

describe('parseIpNeighJson', () => {
  it('keeps usable IPv4 neighbours and skips failed, incomplete and lladdr-less entries', () => {
    expect(parseIpNeighJson(fixture('linux-ip-neigh.json'))).toEqual([
      { ip: '192.168.1.1', mac: 'e4:8d:8c:11:22:33', interface: 'eth0' },
      { ip: '192.168.1.64', mac: '28:57:be:65:7d:d5', interface: 'eth0' },
      { ip: '192.168.1.90', mac: '00:40:8c:aa:bb:cc', interface: 'eth0' },
    ]);
  });

  it('accepts state as a plain string and survives malformed JSON', () => {
    expect(parseIpNeighJson('[{"dst":"10.0.0.2","dev":"br0","lladdr":"00:40:8c:01:02:03","state":"stale"}]')).toEqual([
      { ip: '10.0.0.2', mac: '00:40:8c:01:02:03', interface: 'br0' },
    ]);
    expect(parseIpNeighJson('[{"dst":')).toEqual([]);
    expect(parseIpNeighJson('{"dst":"10.0.0.2"}')).toEqual([]);
    expect(parseIpNeighJson('[null, 3, "x", {"dst": 5, "lladdr": []}]')).toEqual([]);
  });
});

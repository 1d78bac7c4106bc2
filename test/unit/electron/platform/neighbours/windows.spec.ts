import { describe, expect, it } from 'vitest';
import { parseNetNeighborJson, parseWindowsArpA } from '../../../../../electron/platform/neighbours/windows.js';
import { fixture } from './fixture.js';

describe('parseNetNeighborJson', () => {
  it('keeps reachable and stale neighbours and skips unreachable, incomplete, zero and broadcast rows', () => {
    expect(parseNetNeighborJson(fixture('windows-get-netneighbor.json'))).toEqual([
      { ip: '192.168.178.1', mac: '44:4e:6d:12:34:56', interface: 'Ethernet' },
      { ip: '192.168.178.64', mac: '68:6d:bc:5c:b1:5d', interface: 'Ethernet' },
    ]);
  });

  it('reads the single object PowerShell writes when there is one neighbour', () => {
    expect(parseNetNeighborJson(fixture('windows-get-netneighbor-single.json'))).toEqual([
      { ip: '192.168.178.64', mac: '68:6d:bc:5c:b1:5d', interface: 'Ethernet 2' },
    ]);
  });

  it('tolerates a byte-order mark, empty output and garbage', () => {
    expect(parseNetNeighborJson(`\uFEFF${fixture('windows-get-netneighbor-single.json')}`)).toHaveLength(1);
    expect(parseNetNeighborJson('')).toEqual([]);
    expect(parseNetNeighborJson('Get-NetNeighbor : The term is not recognized')).toEqual([]);
    expect(parseNetNeighborJson('[1, null, {"IPAddress": {}}]')).toEqual([]);
  });
});

describe('parseWindowsArpA', () => {
  it('reads English arp -a blocks, naming each interface by its address', () => {
    expect(parseWindowsArpA(fixture('windows-arp-a.txt'))).toEqual([
      { ip: '192.168.1.1', mac: 'e4:8d:8c:11:22:33', interface: '192.168.1.10' },
      { ip: '192.168.1.64', mac: '28:57:be:65:7d:d5', interface: '192.168.1.10' },
      { ip: '10.20.0.5', mac: 'ac:cc:8e:01:02:03', interface: '10.20.0.7' },
    ]);
  });

  it('reads German-localised headers and types the same way', () => {
    expect(parseWindowsArpA(fixture('windows-arp-a-de.txt'))).toEqual([
      { ip: '192.168.178.1', mac: '44:4e:6d:12:34:56', interface: '192.168.178.20' },
      { ip: '192.168.178.64', mac: '68:6d:bc:5c:b1:5d', interface: '192.168.178.20' },
    ]);
  });

  it('says nothing when there are no entries or the text is garbage', () => {
    expect(parseWindowsArpA('No ARP Entries Found.\r\n')).toEqual([]);
    expect(parseWindowsArpA('--- 0x --- 999.1.1.1 zz-zz')).toEqual([]);
  });
});

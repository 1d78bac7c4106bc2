import { describe, expect, it } from 'vitest';
import type { ScanDiagnostics } from '../../../../../shared/contract.js';
import { interfaceLines, sweepLine, usedProtocols } from '../../../../../renderer/src/logic/diagnostics.js';

const base: ScanDiagnostics = {
  scanId: 's1',
  startedAt: '2026-11-26T05:00:00.000Z',
  interfaces: [
    { name: 'eth0', address: '198.18.0.2' },
    { name: 'tun0', address: '10.8.0.2' },
  ],
  skipped: [{ name: 'wlan0', reason: 'down' }],
  probesSent: 9,
  repliesReceived: 4,
  dropped: 0,
  nonCameras: 1,
  durationMs: 3000,
  errors: [],
};
const nics = [
  { name: 'eth0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null },
  { name: 'tun0', address: '10.8.0.2', netmask: '255.255.255.0', cidr: '10.8.0.2/24', mac: null, virtual: true },
];

describe('diagnostics', () => {
  const report: ScanDiagnostics = {
    ...base,
    perInterface: [
      { interface: 'eth0', protocol: 'wsd', packetsSent: 3, replies: 3, devices: 3, errors: 0 },
      { interface: 'eth0', protocol: 'mdns', packetsSent: 2, replies: 1, devices: 1, errors: 0 },
      { interface: 'tun0', protocol: 'wsd', packetsSent: 3, replies: 0, devices: 0, errors: 1 },
      { interface: 'eth0', protocol: 'sweep', packetsSent: 254, replies: 2, devices: 2, errors: 0 },
    ],
    sweep: { cidrs: ['198.19.0.0/24'], addresses: 254, probed: 254, answered: 2, cancelled: false },
  };

  it('groups numbers per interface and protocol, with totals and the virtual label', () => {
    const lines = interfaceLines(report, nics);
    expect(lines.map((line) => line.name)).toEqual(['eth0', 'tun0']);
    expect(lines[0]!.protocols.wsd).toEqual({ packetsSent: 3, replies: 3, devices: 3, errors: 0 });
    expect(lines[0]!.totals).toEqual({ packetsSent: 259, replies: 6, devices: 6, errors: 0 });
    expect(lines[0]!.virtual).toBe(false);
    expect(lines[1]!.virtual).toBe(true);
    expect(lines[1]!.protocols.mdns).toBeUndefined();
    expect(usedProtocols(lines)).toEqual(['wsd', 'mdns', 'sweep']);
  });

  it('still lists the probed interfaces of an old report without per-interface numbers', () => {
    const lines = interfaceLines(base, []);
    expect(lines.map((line) => [line.name, line.address])).toEqual([
      ['eth0', '198.18.0.2'],
      ['tun0', '10.8.0.2'],
    ]);
    expect(usedProtocols(lines)).toEqual([]);
    // Unknown, not zero.
    expect(lines[0]!.totals).toBeNull();
  });

  it('sums the sweep up in one line, and says when it was cancelled', () => {
    expect(sweepLine(report)).toBe('198.19.0.0/24: 254 addresses, 254 probed, 2 answered');
    expect(sweepLine({ ...report, sweep: { ...report.sweep!, cancelled: true } })).toContain('cancelled before the end');
    expect(sweepLine(base)).toBeNull();
  });
});

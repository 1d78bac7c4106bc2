/**
 * `scan --protocols/--sweep/--sweep-ports/--confirm-large` (issue #10): parsed into scan.start's contract
 * arguments, typos refused as usage errors (exit 2) before a core exists, and the sweep summary and hints printed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ScanDiagnostics } from '../../../../shared/contract.js';
import { ok } from '../../../../shared/result.js';
import { EXIT } from '../../../../electron/hosts/cli-args.js';
import { runCli } from '../../../../electron/hosts/cli.js';
import { makeDevice } from '../../../support/devices.js';
import { fakeCore } from '../../../support/fake-handlers.js';

const diagnostics: ScanDiagnostics = {
  scanId: 'scan-1',
  startedAt: '2026-01-01T00:00:00.000Z',
  interfaces: [{ name: 'eth0', address: '198.18.0.2' }],
  skipped: [],
  probesSent: 2,
  repliesReceived: 0,
  dropped: 0,
  nonCameras: 0,
  durationMs: 3000,
  errors: [],
  perInterface: [{ interface: 'eth0', protocol: 'wsd', packetsSent: 8, replies: 0, devices: 0, errors: 0 }],
  hints: ['3 hosts on eth0 answer ARP but no WS-Discovery reply arrived: a firewall may be dropping unicast replies to UDP port 50000.'],
  ssdp: { descriptionsFetched: 0, locationsRefused: 0 },
  sweep: { cidrs: ['198.19.0.0/24'], addresses: 254, probed: 254, answered: 1, cancelled: false },
};

async function run(argv: string[]) {
  const { core, hub } = fakeCore({ 'devices.list': { devices: [makeDevice({ sources: ['sweep', 'wsd'] })] } });
  core['scan.start'] = vi.fn(async () => {
    queueMicrotask(() => hub.emit('scan-finished', { scanId: 'scan-1', reason: 'completed', diagnostics }));
    return ok({ scanId: 'scan-1' });
  });
  const out: string[] = [];
  const err: string[] = [];
  const createCore = vi.fn(() => core);
  const code = await runCli(argv, { createCore, stdout: { write: (t) => out.push(t) }, stderr: { write: (t) => err.push(t) } });
  return { code, stdout: out.join(''), stderr: err.join(''), core, createCore };
}

describe('scan --protocols / --sweep', () => {
  it('passes the protocols, ranges, ports and confirmation to scan.start', async () => {
    const r = await run([
      'scan',
      '--json',
      '--protocols',
      'wsd,SSDP',
      '--sweep',
      '198.19.0.0/24',
      '--sweep',
      '10.0.0.0/8',
      '--sweep-ports',
      '80,8080,80',
      '--confirm-large',
    ]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.core['scan.start']).toHaveBeenCalledWith({
      timeoutMs: 3000,
      protocols: ['wsd', 'ssdp'],
      sweep: { cidrs: ['198.19.0.0/24', '10.0.0.0/8'], ports: [80, 8080], confirmLarge: true },
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.devices[0].sources).toEqual(['sweep', 'wsd']);
    expect(doc.diagnostics.perInterface).toEqual(diagnostics.perInterface);
    expect(doc.diagnostics.sweep).toEqual(diagnostics.sweep);
    expect(doc.diagnostics.hints).toEqual(diagnostics.hints);
  });

  it('without the new flags, scan.start gets exactly what it got before', async () => {
    const r = await run(['scan', '--json']);
    expect(r.core['scan.start']).toHaveBeenCalledWith({ timeoutMs: 3000 });
  });

  it.each([
    [['scan', '--protocols', 'wsd,upnp'], /--protocols takes wsd, ssdp, mdns \(comma-separated\); "upnp" is not one/],
    [
      ['scan', '--sweep', '10.0.0.0/8'],
      /10\.0\.0\.0\/8 holds 16,777,214 addresses; ranges larger than \/16 need confirmation.*--confirm-large/,
    ],
    [['scan', '--sweep', '198.19.0/24'], /is not a range; enter one like 192\.168\.10\.0\/24/],
    [['scan', '--sweep', '127.0.0.0/24'], /cannot be swept: 127\.0\.0\.0\/8 is this computer/],
    [['scan', '--sweep-ports', '80'], /need at least one --sweep/],
    [['scan', '--confirm-large'], /need at least one --sweep/],
    [['scan', '--sweep', '198.19.0.0/24', '--sweep-ports', '80,http'], /--sweep-ports takes up to 16 TCP ports/],
    [['scan', '--sweep', '198.19.0.0/24', '--sweep-ports', '0'], /--sweep-ports takes up to 16 TCP ports/],
    [['interfaces', '--sweep', '198.19.0.0/24'], /--sweep belongs to the scan command/],
    [['register', '--protocols', 'wsd', '--mac', '00:40:8c:12:34:56', '--password', 'x'], /--protocols belongs to the scan command/],
  ])('%j is a usage error with a sentence, before any core or packet', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
    expect(r.createCore).not.toHaveBeenCalled();
  });

  it('prints the sweep summary and the hints on stderr for a human', async () => {
    const r = await run(['scan', '--sweep', '198.19.0.0/24']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/SOURCES[\s\S]*sweep,wsd/);
    expect(r.stderr).toContain('Swept 198.19.0.0/24: 254 of 254 addresses asked, 1 answered.\n');
    expect(r.stderr).toContain(`Hint: ${diagnostics.hints![0]}\n`);
  });

  it('documents the new flags in --help', async () => {
    const r = await run(['--help']);
    for (const flag of ['--protocols <list>', '--sweep <cidr>', '--sweep-ports <l>', '--confirm-large']) expect(r.stderr).toContain(flag);
  });
});

describe('interfaces', () => {
  it('labels VPN and virtual adapters in the table and in --json', async () => {
    const base = { netmask: '255.255.255.0', mac: null };
    const { core } = fakeCore({
      'interfaces.list': {
        interfaces: [
          { name: 'eth0', address: '198.18.0.2', cidr: '198.18.0.2/24', virtual: false, ...base },
          { name: 'wg0', address: '10.8.0.2', cidr: '10.8.0.2/24', virtual: true, ...base },
        ],
      },
    });
    const read = async (argv: string[]) => {
      const out: string[] = [];
      await runCli(argv, { createCore: () => core, stdout: { write: (t) => out.push(t) }, stderr: { write: () => true } });
      return out.join('');
    };
    expect(await read(['interfaces'])).toBe('eth0\t198.18.0.2/24\t\nwg0\t10.8.0.2/24\t\tvirtual or VPN adapter\n');
    expect(JSON.parse(await read(['interfaces', '--json'])).interfaces.map((i: { virtual: boolean }) => i.virtual)).toEqual([false, true]);
  });
});

/**
 * The CLI run in-process against a fake core: no sockets, no discovery traffic. It proves what a script
 * sees: exit codes, stdout that is exactly one JSON document, and sentences on stderr.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ScanDiagnostics } from '../../../../shared/contract.js';
import { ok } from '../../../../shared/result.js';
import { EXIT } from '../../../../electron/hosts/cli-args.js';
import { runCli } from '../../../../electron/hosts/cli.js';
import { makeDevice } from '../../../support/devices.js';
import { fakeCore } from '../../../support/fake-handlers.js';

const diagnostics = (over: Partial<ScanDiagnostics> = {}): ScanDiagnostics => ({
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
  ...over,
});

/** A CLI run: the fake core finishes every scan at once with `finish`; output is captured. */
async function run(
  argv: string[],
  finish: { diagnostics?: ScanDiagnostics; reason?: 'completed' | 'failed' } = {},
  devices = [makeDevice()],
) {
  const { core, hub } = fakeCore({ 'devices.list': { devices } });
  core['scan.start'] = vi.fn(async () => {
    queueMicrotask(() =>
      hub.emit('scan-finished', {
        scanId: 'scan-1',
        reason: finish.reason ?? 'completed',
        diagnostics: finish.diagnostics ?? diagnostics(),
      }),
    );
    return ok({ scanId: 'scan-1' });
  });
  const out: string[] = [];
  const err: string[] = [];
  const createCore = vi.fn(() => core);
  const code = await runCli(argv, { createCore, stdout: { write: (t) => out.push(t) }, stderr: { write: (t) => err.push(t) } });
  return { code, stdout: out.join(''), stderr: err.join(''), core, createCore };
}

describe('CLI', () => {
  it('scans through the contract and prints one JSON document with the same shape as before', async () => {
    const r = await run(['scan', '--json', '--timeout', '1500']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.core['scan.start']).toHaveBeenCalledWith({ timeoutMs: 1500 });
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['devices', 'diagnostics']);
    expect(doc.devices).toHaveLength(1);
    expect(doc.diagnostics.interfaces).toEqual([{ name: 'eth0', address: '198.18.0.2' }]);
  });

  it('uses the contract default timeout when --timeout is absent', async () => {
    const r = await run(['scan', '--json']);
    expect(r.core['scan.start']).toHaveBeenCalledWith({ timeoutMs: 3000 });
  });

  it('takes --interface repeatedly and limits the core and the scan to those names', async () => {
    const r = await run(['scan', '--json', '--interface', 'eth0', '--interface', 'eth1']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.createCore).toHaveBeenCalledWith(['eth0', 'eth1'], expect.anything(), { noSettings: false });
    expect(r.core['scan.start']).toHaveBeenCalledWith({ timeoutMs: 3000, interfaces: ['eth0', 'eth1'] });
  });

  it('passes --no-settings to the core it builds, so nothing saved is read or written', async () => {
    const r = await run(['scan', '--json', '--no-settings']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.createCore).toHaveBeenCalledWith(undefined, expect.anything(), { noSettings: true });
  });

  it.each([['abc'], ['199'], ['120001'], ['1.5'], [''], ['1e3'], ['-500'], ['0x10'], ['99999999999']])(
    'refuses --timeout %j as a usage error before touching the core',
    async (t) => {
      const r = await run(['scan', `--timeout=${t}`]);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toContain('--timeout must be a whole number of milliseconds between 200 and 120000.');
      expect(r.createCore).not.toHaveBeenCalled();
    },
  );

  it.each([['200'], ['120000']])('accepts --timeout %s at the edge of the contract', async (t) => {
    const r = await run(['scan', '--json', '--timeout', t]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.core['scan.start']).toHaveBeenCalledWith({ timeoutMs: Number(t) });
  });

  it.each([[['probe']], [[]], [['scan', '--bogus']], [['scan', '--timeout']]])('exits 2 with the usage for %j', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('Usage:');
    expect(r.stdout).toBe('');
    expect(r.createCore).not.toHaveBeenCalled();
  });

  it('prints help with the exit codes and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(
      /Exit codes:[\s\S]*0 {2}the command ran[\s\S]*1 {2}another failure[\s\S]*2 {2}usage error[\s\S]*3 {2}could not scan/,
    );
    expect(r.stderr).toContain('200..120000 (default 3000)');
  });

  it('says "No cameras answered" and exits 0 when the scan ran and found nothing', async () => {
    const r = await run(['scan'], {}, []);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toBe('No cameras answered.\n');
  });

  it('exits 3 with a sentence, not "No cameras answered", when an unknown --interface left nothing to probe', async () => {
    const reason = 'Interface wlan9 does not exist or has no IPv4 address; check the cable or Wi-Fi and that it is up.';
    const r = await run(
      ['scan', '--interface', 'wlan9'],
      { diagnostics: diagnostics({ interfaces: [], skipped: [{ name: 'wlan9', reason }] }) },
      [],
    );
    expect(r.code).toBe(EXIT.couldNotScan);
    expect(r.stdout).not.toContain('No cameras answered');
    expect(r.stderr).toContain(`Could not scan: no interface was probed. ${reason}`);
  });

  it('exits 3 when the machine has no usable interface at all, and still prints valid JSON with --json', async () => {
    const r = await run(['scan', '--json'], { diagnostics: diagnostics({ interfaces: [] }) }, []);
    expect(r.code).toBe(EXIT.couldNotScan);
    expect(JSON.parse(r.stdout)).toMatchObject({ devices: [], diagnostics: { interfaces: [] } });
    expect(r.stderr).toContain('no usable IPv4 interface');
  });

  it('exits 3 when the scan failed', async () => {
    const r = await run(['scan'], { reason: 'failed', diagnostics: diagnostics({ interfaces: [], errors: ['Error: bind EADDRINUSE'] }) });
    expect(r.code).toBe(EXIT.couldNotScan);
    expect(r.stderr).toContain('Could not scan: Error: bind EADDRINUSE.');
  });

  it("exits 1 with the core's sentence when the scan cannot start", async () => {
    const { core } = fakeCore();
    core['scan.start'] = async () => ({
      ok: false,
      code: 'busy',
      message: 'A scan is already running; press Stop or wait for it to finish.',
    });
    const err: string[] = [];
    const code = await runCli(['scan'], { createCore: () => core, stdout: { write: () => true }, stderr: { write: (t) => err.push(t) } });
    expect(code).toBe(EXIT.failed);
    expect(err.join('')).toContain('A scan is already running');
  });

  it('lists interfaces through the contract', async () => {
    const { core } = fakeCore({
      'interfaces.list': {
        interfaces: [{ name: 'eth0', address: '198.18.0.2', netmask: '255.254.0.0', cidr: '198.18.0.2/15', mac: null }],
      },
    });
    const out: string[] = [];
    const code = await runCli(['interfaces', '--json'], {
      createCore: () => core,
      stdout: { write: (t) => out.push(t) },
      stderr: { write: () => true },
    });
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out.join(''))).toEqual({ interfaces: [expect.objectContaining({ name: 'eth0' })] });
  });
});

/**
 * An attacker on the site LAN (issue: survive a hostile LAN): thousands of forged fat Hellos from distinct source
 * IPs, and a 20 s flood of 64 KiB control-character ProbeMatches during a scan. Real cameras share the lab and must
 * still be found with their MACs; the app must stay under its memory budget and keep answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../../shared/device.js';
import { MAX_DEVICES } from '../../../shared/limits.js';
import { connectRelay, startAppInLab } from '../../lab/app-in-lab.js';
import { announceSkip } from '../../lab/can-run.js';
import { addForger, type Forger } from '../../lab/forger-ns.js';
import { createLab, type CameraSpec, type Lab } from '../../lab/lab.js';
import { watchProcess } from '../../lab/proc-watch.js';

const skip = announceSkip('Hostile LAN floods');
const RSS_BUDGET_MB = 400;
const mixed = ['axis', 'hikvision', 'dahua', 'reolink', 'soap11-oem'] as const;
const cameras: CameraSpec[] = Array.from({ length: 20 }, (_, i) => ({ id: `cam${i + 1}`, profile: mixed[i % mixed.length]! }));

type ScanOut = { devices: Device[]; diagnostics: { dropped: number; repliesReceived: number; errors: string[] } };

describe.skipIf(skip)('the app under a flood of forged WS-Discovery traffic', () => {
  let lab: Lab;
  let forger: Forger;

  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfhl', cameras });
    forger = await addForger(lab, 3000);
  });
  afterAll(async () => {
    await lab?.destroy();
  });

  const realCamerasFound = (devices: Device[]) =>
    lab.cameras.filter((c) => devices.some((d) => d.ip === c.ip && d.mac === c.mac && d.macSource === 'arp')).length;

  /** Runs `scan --json` in the tech namespace while `attack` runs, sampling the app's memory and CPU. */
  async function scanDuring(timeoutMs: number, attack: () => Promise<Record<string, unknown>>) {
    const child = lab.runInTech(
      'node',
      ['dist/electron/cli.js', 'scan', '--json', '--timeout', String(timeoutMs), '--interface', lab.techIface],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const watch = watchProcess(child.pid ?? -1);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += String(d)));
    child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
    const [code, forged] = await Promise.all([new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c))), attack()]);
    return { code, stdout, stderr, forged, proc: watch.stop() };
  }

  it('2,000 fat forged Hellos from 2,000 IPs leave browser mode under budget, answering and listing', async () => {
    const app = await startAppInLab(lab);
    try {
      const watch = watchProcess(app.pid);
      const forged = await forger.run(['hellos', '--count', '2000', '--bytes', '60000']).done;
      const relay = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws?token=${app.token}`);
      const listed = await relay.call('devices.list');
      await relay.close();
      const [root] = (
        await lab.execInTech('node_modules/.bin/tsx', ['test/lab/raw-client.ts', String(app.port), app.token, 'get-root'])
      ).stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { status: string });
      const proc = watch.stop();
      const devices = (listed.value as { devices: Device[] } | undefined)?.devices ?? [];
      console.log(JSON.stringify({ case: 'fat-hello-flood', forged, listed: devices.length, ...proc }));
      expect(forged.sent).toBeGreaterThanOrEqual(1900);
      expect(listed.ok, listed.message).toBe(true);
      expect(devices.length).toBeGreaterThan(0);
      expect(devices.length).toBeLessThanOrEqual(MAX_DEVICES);
      expect(root?.status).toMatch(/^HTTP\/1\.1 200/);
      expect(proc.peakRssMb).toBeLessThan(RSS_BUDGET_MB);
    } finally {
      await app.stop();
    }
  });

  it('a 20 s scan under a flood of 64 KiB control-character ProbeMatches prints valid JSON, stays under budget and finds the real cameras', async () => {
    const run = await scanDuring(20_000, () => forger.run(['matches', '--seconds', '20', '--rate', '400', '--bytes', '64000']).done);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as ScanOut;
    const found = realCamerasFound(out.devices);
    console.log(
      JSON.stringify({
        case: 'probe-match-flood-20s',
        forged: run.forged,
        found,
        of: lab.cameras.length,
        dropped: out.diagnostics.dropped,
        replies: out.diagnostics.repliesReceived,
        ...run.proc,
      }),
    );
    expect(Number(run.forged.sent)).toBeGreaterThan(1000);
    expect(run.proc.peakRssMb).toBeLessThan(RSS_BUDGET_MB);
    expect(found).toBe(lab.cameras.length);
  });

  it('a scan while 3,000 forged IPs announce themselves still finds every real camera with its MAC', async () => {
    const run = await scanDuring(8000, async () => {
      await new Promise((r) => setTimeout(r, 500));
      return forger.run(['hellos', '--count', '3000', '--bytes', '20000']).done;
    });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as ScanOut;
    const found = realCamerasFound(out.devices);
    console.log(
      JSON.stringify({
        case: 'hello-flood-during-scan',
        forged: run.forged,
        found,
        of: lab.cameras.length,
        devices: out.devices.length,
        dropped: out.diagnostics.dropped,
        ...run.proc,
      }),
    );
    expect(run.proc.peakRssMb).toBeLessThan(RSS_BUDGET_MB);
    expect(out.devices.length).toBeLessThanOrEqual(MAX_DEVICES);
    expect(found).toBe(lab.cameras.length);
  });
});

/**
 * `npm run bench -- identify --cameras 250`: log in to N lab cameras (ONVIF device service on each camera's own
 * IP, four auth modes, Axis with VAPIX; every camera takes the first of three sets) with the CLI in the tech
 * namespace — `identify --ip … --credentials FILE --json` — and time it. Target: 250 cameras ≤ 5 s.
 * Prints one JSON report and writes it to bench-results/. Nothing here asserts.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Device } from '../../shared/device.js';
import { CREDENTIAL_SETS, identifyCameras } from '../lab/identify-cameras.js';
import { createLab } from '../lab/lab.js';

export async function benchIdentify(count: number): Promise<void> {
  const plans = identifyCameras(count, { quirks: false, oneSet: true });
  const setupStart = Date.now();
  const lab = await createLab({ prefix: 'cfidb', cameras: plans.map((p) => p.spec) });
  const labSetupMs = Date.now() - setupStart;
  const dir = mkdtempSync(join(tmpdir(), 'cf-bench-identify-'));
  const credentials = join(dir, 'credentials.json');
  writeFileSync(credentials, JSON.stringify(CREDENTIAL_SETS), { mode: 0o600 });
  chmodSync(credentials, 0o600);
  try {
    const ips = lab.cameras.flatMap((c) => ['--ip', c.ip]);
    const started = Date.now();
    const run = await lab.execInTech('node', ['dist/electron/cli.js', 'identify', ...ips, '--credentials', credentials, '--json'], {
      timeoutMs: 120_000,
    });
    const wallMs = Date.now() - started;
    let devices: Device[] = [];
    try {
      devices = (JSON.parse(run.stdout) as { devices: Device[] }).devices;
    } catch {
      throw new Error(`identify did not print JSON (exit ${run.code}): ${run.stderr.slice(0, 1000)}`);
    }
    const byIp = new Map(devices.map((d) => [d.ip, d]));
    const rows = plans.map((p, i) => ({ p, cam: lab.cameras[i]!, d: byIp.get(lab.cameras[i]!.ip) }));
    const ok = rows.filter((r) => r.d?.auth?.status === 'authenticated' && r.d.auth.set === r.p.set.name);
    const macOk = rows.filter((r) => r.d?.mac === r.cam.mac);
    const macFromDevice = rows.filter((r) =>
      (r.d?.facts.mac ?? []).some((f) => (f.source === 'onvif' || f.source === 'vapix') && f.value === r.cam.mac),
    );
    const states = await Promise.all(lab.cameras.map((c) => lab.sim.deviceState(c.id)));
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.d?.auth?.status ?? 'missing'] = (statuses[r.d?.auth?.status ?? 'missing'] ?? 0) + 1;
    const report = {
      benchmark: 'identify',
      at: new Date().toISOString(),
      cameras: count,
      credentialSets: CREDENTIAL_SETS.length,
      rightSetFirst: true,
      exitCode: run.code,
      wallMs,
      targetMs: 5000,
      authenticatedWithRightSet: ok.length,
      statuses,
      correctMac: macOk.length,
      macFromDevice: macFromDevice.length,
      serialsRead: rows.filter((r) => r.d?.serial).length,
      onvifRequests: states.reduce((a, s) => a + (s?.requests ?? 0), 0),
      refusedTries: states.reduce((a, s) => a + (s?.failures ?? 0), 0),
      lockouts: states.reduce((a, s) => a + (s?.lockouts ?? 0), 0),
      labSetupMs,
      simProcesses: lab.sim.pids().length,
      firstProblem: rows.find((r) => !ok.includes(r))?.d?.auth?.message ?? (run.code === 0 ? null : run.stderr.slice(0, 300)),
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(`bench-results/identify-${count}.json`, JSON.stringify(report, null, 2) + '\n');
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await lab.destroy();
  }
}

/**
 * Benchmarks: `npm run bench -- discovery --cameras 250 [--timeout 3000]` (in the lab: Linux, root) and
 * `npm run bench -- register --cameras 250 [--latency-ms 50]` (cloud simulator on loopback, test/bench/register.ts) and
 * `npm run bench -- identify --cameras 250` (logins to lab cameras, test/bench/identify.ts) and
 * `npm run bench -- onboard --cameras 250 [--latency-ms 50] [--mode provision]` (a batch job, test/bench/onboard.ts).
 * Prints one JSON report and writes it to bench-results/. Nothing here asserts; tests assert behaviour.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Device } from '../../shared/device.js';
import { labUnavailableReason } from '../lab/can-run.js';
import { createLab, type CameraSpec } from '../lab/lab.js';
import { benchIdentify } from './identify.js';
import { benchOnboard } from './onboard.js';
import { benchRegister } from './register.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cameras: { type: 'string', default: '250' },
    timeout: { type: 'string', default: '3000' },
    'latency-ms': { type: 'string', default: '50' },
    mode: { type: 'string', default: 'provision' },
  },
});
if (positionals[0] === 'register') {
  await benchRegister(Number(values.cameras), Number(values['latency-ms']));
  process.exit(0);
}
if (positionals[0] === 'onboard') {
  await benchOnboard(Number(values.cameras), Number(values['latency-ms']), values.mode);
  process.exit(0);
}
if (positionals[0] === 'identify') {
  const why = labUnavailableReason();
  if (why) {
    process.stderr.write(`Cannot run the benchmark: ${why}.\n`);
    process.exit(1);
  }
  await benchIdentify(Number(values.cameras));
  process.exit(0);
}
if (positionals[0] !== 'discovery') {
  process.stderr.write(
    'usage: npm run bench -- discovery [--cameras N] [--timeout ms] | register [--cameras N] [--latency-ms N] | identify [--cameras N] | onboard [--cameras N] [--latency-ms N] [--mode provision]\n',
  );
  process.exit(2);
}
const why = labUnavailableReason();
if (why) {
  process.stderr.write(`Cannot run the benchmark: ${why}.\n`);
  process.exit(1);
}

const count = Number(values.cameras);
const profiles = ['axis', 'hikvision', 'dahua', 'reolink', 'soap11-oem'] as const;
const specs: CameraSpec[] = Array.from({ length: count }, (_, i) => ({ id: `cam${i + 1}`, profile: profiles[i % profiles.length]! }));

const setupStart = Date.now();
const lab = await createLab({ prefix: 'cfbench', cameras: specs });
const labSetupMs = Date.now() - setupStart;
/** UDP receive-buffer overflows in the technician namespace: replies the kernel dropped before the app read them. */
const rcvbufErrors = async () => {
  const snmp = (await lab.execInTech('cat', ['/proc/net/snmp'])).stdout.split('\n').filter((l) => l.startsWith('Udp:'));
  const [head, vals] = snmp.map((l) => l.split(/\s+/));
  return Number(vals?.[head?.indexOf('RcvbufErrors') ?? -1] ?? NaN);
};
try {
  const dropsBefore = await rcvbufErrors();
  const run = await lab.execInTech(
    'node',
    ['dist/electron/cli.js', 'scan', '--json', '--timeout', values.timeout, '--interface', lab.techIface],
    {
      timeoutMs: Number(values.timeout) + 60_000,
    },
  );
  if (run.code !== 0) throw new Error(`scan failed (${run.code}): ${run.stderr}`);
  const out = JSON.parse(run.stdout) as {
    devices: Device[];
    diagnostics: { startedAt: string; probesSent: number; repliesReceived: number; dropped: number };
  };
  const kernelDrops = (await rcvbufErrors()) - dropsBefore;
  const t0 = Date.parse(out.diagnostics.startedAt);
  const byIp = new Map(out.devices.filter((d) => d.isCamera).map((d) => [d.ip, d]));
  const found = lab.cameras.map((c) => ({ cam: c, d: byIp.get(c.ip) })).filter((x) => x.d);
  const correct = found.filter((x) => x.d!.mac === x.cam.mac);
  // When each camera first showed its correct MAC: the time the app recorded that MAC fact.
  const macAt = correct.map((x) => Math.min(...(x.d!.facts.mac ?? []).filter((f) => f.value === x.cam.mac).map((f) => Date.parse(f.at))));
  const firstSeen = found.map((x) => Date.parse(x.d!.firstSeen));
  const report = {
    benchmark: 'discovery',
    at: new Date().toISOString(),
    expected: count,
    found: found.length,
    foundWithCorrectMac: correct.length,
    macFromArp: correct.filter((x) => x.d!.macSource === 'arp').length,
    msToFirst: firstSeen.length ? Math.min(...firstSeen) - t0 : null,
    msToAllFound: found.length === count ? Math.max(...firstSeen) - t0 : null,
    msToAllWithCorrectMac: correct.length === count ? Math.max(...macAt) - t0 : null,
    scanTimeoutMs: Number(values.timeout),
    probesSent: out.diagnostics.probesSent,
    repliesReceived: out.diagnostics.repliesReceived,
    dropped: out.diagnostics.dropped,
    kernelReceiveBufferDrops: kernelDrops,
    labSetupMs,
    simProcesses: lab.sim.pids().length,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(`bench-results/discovery-${count}.json`, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} finally {
  await lab.destroy();
}

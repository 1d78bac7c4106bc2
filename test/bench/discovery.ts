/**
 * `npm run bench -- discovery --cameras 250 [--timeout 3000]` (issue #10 §12). Per protocol, a lab of N simulated
 * cameras whose profiles speak it and the built CLI in the technician namespace: `scan --json --protocols
 * wsd|ssdp|mdns`, and in the WS-Discovery lab once more with `--sweep` of the cameras' /24. Per protocol: cameras
 * found (matched by IP, the protocol in `sources`), ms from the first probe to the last camera's first sighting, and
 * for WS-Discovery the cameras with their correct MAC and when the last one had it. The sweep's time is the scan's
 * `durationMs` with the multicast part cut to the minimum --timeout (200 ms): the scan ends when the sweep does.
 * Targets: WS-Discovery 250/250 with correct MACs ≤ 1.0 s; SSDP and mDNS 250/250 ≤ 3 s; /24 sweep ≤ 3 s.
 * Prints one JSON report and writes it to bench-results/. Nothing here asserts; tests assert behaviour.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { ScanDiagnostics } from '../../shared/contract.js';
import type { Device, DiscoverySourceName } from '../../shared/device.js';
import { createLab, type CameraSpec, type Lab } from '../lab/lab.js';
import { getProfile } from '../sim/profiles.js';

const PROFILES = ['axis', 'hikvision', 'dahua', 'reolink', 'soap11-oem'] as const;

/**
 * The profiles that speak a protocol (every one speaks WS-Discovery; SSDP and mDNS only where the vendor does):
 * each protocol gets a lab of N cameras that all speak it, so "N of N" means what the target says.
 */
const speakers = (protocol: 'wsd' | 'ssdp' | 'mdns') => PROFILES.filter((p) => protocol === 'wsd' || getProfile(p)[protocol] !== undefined);
const camerasFor = (protocol: 'wsd' | 'ssdp' | 'mdns', count: number): CameraSpec[] => {
  const profiles = speakers(protocol);
  return Array.from({ length: count }, (_, i) => ({ id: `cam${i + 1}`, profile: profiles[i % profiles.length]! }));
};

interface ScanOut {
  devices: Device[];
  diagnostics: ScanDiagnostics;
}

/** UDP receive-buffer overflows in the technician namespace: replies the kernel dropped before the app read them. */
async function rcvbufErrors(lab: Lab): Promise<number> {
  const snmp = (await lab.execInTech('cat', ['/proc/net/snmp'])).stdout.split('\n').filter((l) => l.startsWith('Udp:'));
  const [head, vals] = snmp.map((l) => l.split(/\s+/));
  return Number(vals?.[head?.indexOf('RcvbufErrors') ?? -1] ?? NaN);
}

async function cliScan(lab: Lab, args: string[], timeoutMs: number): Promise<ScanOut & { kernelDrops: number }> {
  const before = await rcvbufErrors(lab);
  const run = await lab.execInTech('node', ['dist/electron/cli.js', 'scan', '--json', '--interface', lab.techIface, ...args], {
    timeoutMs: timeoutMs + 60_000,
  });
  if (run.code !== 0) throw new Error(`scan ${args.join(' ')} failed (${run.code}): ${run.stderr.slice(0, 1000)}`);
  const out = JSON.parse(run.stdout) as ScanOut;
  return { ...out, kernelDrops: (await rcvbufErrors(lab)) - before };
}

/** What one protocol found of the lab's cameras, and how fast. */
function protocolReport(lab: Lab, out: ScanOut & { kernelDrops: number }, protocol: DiscoverySourceName) {
  const t0 = Date.parse(out.diagnostics.startedAt);
  const byIp = new Map(out.devices.filter((d) => d.sources.includes(protocol)).map((d) => [d.ip, d]));
  const found = lab.cameras
    .map((cam) => ({ cam, d: byIp.get(cam.ip) }))
    .filter((x): x is { cam: (typeof lab.cameras)[number]; d: Device } => !!x.d);
  const firstSeen = found.map((x) => Date.parse(x.d.firstSeen));
  const correct = found.filter((x) => x.d.mac === x.cam.mac);
  // When each camera first showed its correct MAC: the time the app recorded that MAC fact.
  const macAt = correct.map((x) => Math.min(...(x.d.facts.mac ?? []).filter((f) => f.value === x.cam.mac).map((f) => Date.parse(f.at))));
  const rows = out.diagnostics.perInterface?.filter((r) => r.protocol === protocol) ?? [];
  return {
    found: found.length,
    duplicates: out.devices.filter((d) => d.sources.includes(protocol)).length - byIp.size,
    foundWithCorrectMac: correct.length,
    macFromArp: correct.filter((x) => x.d.macSource === 'arp').length,
    msToFirst: firstSeen.length ? Math.min(...firstSeen) - t0 : null,
    msToAllFound: found.length === lab.cameras.length ? Math.max(...firstSeen) - t0 : null,
    msToAllWithCorrectMac: correct.length === lab.cameras.length ? Math.max(...macAt) - t0 : null,
    packetsSent: rows.reduce((n, r) => n + r.packetsSent, 0),
    replies: rows.reduce((n, r) => n + r.replies, 0),
    dropped: out.diagnostics.dropped,
    kernelReceiveBufferDrops: out.kernelDrops,
    hints: out.diagnostics.hints ?? [],
  };
}

export async function benchDiscovery(count: number, timeoutMs: number): Promise<void> {
  const perProtocol: Record<string, ReturnType<typeof protocolReport> & { profiles: string[] }> = {};
  for (const protocol of ['ssdp', 'mdns'] as const) {
    const lab = await createLab({ prefix: 'cfbench', cameras: camerasFor(protocol, count) });
    try {
      const out = await cliScan(lab, ['--protocols', protocol, '--timeout', String(timeoutMs)], timeoutMs);
      perProtocol[protocol] = { profiles: speakers(protocol), ...protocolReport(lab, out, protocol) };
    } finally {
      await lab.destroy();
    }
  }
  const setupStart = Date.now();
  const lab = await createLab({ prefix: 'cfbench', cameras: camerasFor('wsd', count) });
  const labSetupMs = Date.now() - setupStart;
  try {
    const wsdOut = await cliScan(lab, ['--protocols', 'wsd', '--timeout', String(timeoutMs)], timeoutMs);
    perProtocol.wsd = { profiles: speakers('wsd'), ...protocolReport(lab, wsdOut, 'wsd') };
    // The cameras' /24s (250 cameras fill 198.18.1.1–250; more spill into the next /24, swept too).
    const cidrs = [...new Set(lab.cameras.map((c) => c.ip.replace(/\.\d+$/, '.0/24')))];
    const sweepOut = await cliScan(lab, ['--protocols', 'wsd', '--timeout', '200', ...cidrs.flatMap((c) => ['--sweep', c])], 60_000);
    const sweep = protocolReport(lab, sweepOut, 'sweep');
    const wsd = perProtocol.wsd!;
    const report = {
      benchmark: 'discovery',
      at: new Date().toISOString(),
      expected: count,
      scanTimeoutMs: timeoutMs,
      // The WS-Discovery run, with the field names earlier reports used.
      found: wsd.found,
      foundWithCorrectMac: wsd.foundWithCorrectMac,
      macFromArp: wsd.macFromArp,
      msToFirst: wsd.msToFirst,
      msToAllFound: wsd.msToAllFound,
      msToAllWithCorrectMac: wsd.msToAllWithCorrectMac,
      kernelReceiveBufferDrops: wsd.kernelReceiveBufferDrops,
      perProtocol: { wsd: perProtocol.wsd, ssdp: perProtocol.ssdp, mdns: perProtocol.mdns },
      sweep: {
        cidrs,
        sweepMs: sweepOut.diagnostics.durationMs,
        found: sweep.found,
        summary: sweepOut.diagnostics.sweep ?? null,
        msToAllFound: sweep.msToAllFound,
      },
      labSetupMs,
      simProcesses: lab.sim.pids().length,
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(`bench-results/discovery-${count}.json`, JSON.stringify(report, null, 2) + '\n');
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } finally {
    await lab.destroy();
  }
}

/**
 * WS-Discovery over IPv6 in the lab: the technician's real scan (our source and UDP adapter, in the technician
 * namespace) finds a camera that answers only on ff02::c, by its link-local address, and a dual-stack camera once,
 * by IPv4. The lab is IPv4; the IPv6 here is the link-local addressing every namespace's link gets anyway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { exec } from '../../lab/ip.js';
import { createLab, type Lab } from '../../lab/lab.js';
import type { Observation } from '../../../electron/core/inventory/observation.js';
import type { SourceStats } from '../../../electron/core/discovery/source.js';
import type { NetInterface } from '../../../shared/net.js';

const skip = announceSkip('WS-Discovery over IPv6 in the lab', { needsBuild: false });
const RESPONDER = fileURLToPath(new URL('./wsd-ipv6/responder.ts', import.meta.url));
const SCAN = fileURLToPath(new URL('./wsd-ipv6/scan.ts', import.meta.url));
const DUAL = '6a1c0d00-0000-4000-8000-00000000d0a1';
const V6_ONLY = '6a1c0d00-0000-4000-8000-0000000006a1';

/** Waits until the link has a link-local address that finished duplicate detection (bindable), and returns it. */
async function linkLocal(ns: string, iface: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const run = await exec('ip', ['-n', ns, '-6', '-j', 'addr', 'show', 'dev', iface]);
    const infos = (JSON.parse(run.stdout || '[]') as { addr_info?: { local: string; tentative?: boolean }[] }[]).flatMap(
      (l) => l.addr_info ?? [],
    );
    const ready = infos.find((a) => a.local.startsWith('fe80') && !a.tentative);
    if (ready) return ready.local;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${ns}/${iface} has no usable IPv6 link-local address after 10 s (is IPv6 disabled on this host?)`);
}

describe.skipIf(skip)('WS-Discovery over IPv6 in the lab (a dual-stack camera, an IPv6-only camera)', () => {
  let lab: Lab;
  let v6OnlyAddress = '';
  const responders: ChildProcess[] = [];

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cf6w',
      cameras: [
        { id: 'dual', profile: 'axis', stopped: true }, // the simulators stay silent; our responders answer
        { id: 'v6only', profile: 'axis', stopped: true },
      ],
    });
    await linkLocal(lab.techNs, lab.techIface);
    for (const [id, endpoint, ipv4] of [
      ['dual', DUAL, true],
      ['v6only', V6_ONLY, false],
    ] as const) {
      const cam = lab.cameras.find((c) => c.id === id)!;
      const ll = await linkLocal(cam.ns, cam.iface);
      if (!ipv4) v6OnlyAddress = ll;
      // prettier-ignore
      const args = ['netns', 'exec', cam.ns, process.execPath, '--import', 'tsx', RESPONDER, '--iface', cam.iface, '--endpoint', endpoint, '--ll', ll, ...(ipv4 ? [] : ['--onvif'])];
      const child = spawn('ip', ipv4 ? [...args, '--ipv4', cam.ip] : args, { stdio: ['ignore', 'pipe', 'inherit'] });
      responders.push(child);
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', () => resolve());
        child.once('exit', (code) => reject(new Error(`responder in ${cam.ns} exited with ${code}`)));
      });
    }
  });
  afterAll(async () => {
    for (const child of responders) child.kill('SIGTERM');
    await lab?.destroy(); // also kills whatever still runs in its namespaces
  });

  it('finds the IPv6-only camera by its link-local address and the dual-stack camera once, by IPv4', async () => {
    const args = ['--import', 'tsx', SCAN, '--iface', lab.techIface, '--ms', '2500', '--identify', 'lab-v6-password'];
    const run = await lab.execInTech(process.execPath, args, { timeoutMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            interface?: NetInterface;
            observation?: Observation;
            stats?: SourceStats;
            identified?: { endpoint: string; xaddr: string; result: { info?: { manufacturer: string; serial: string } } };
          },
      );
    const iface = lines.find((l) => l.interface)?.interface;
    expect(iface?.ipv6).toMatch(new RegExp(`^fe80:.*%${lab.techIface}$`));
    const observations = lines.flatMap((l) => (l.observation ? [l.observation] : []));

    const dual = observations.filter((o) => o.endpoint === DUAL);
    expect(dual.map((o) => o.ip)).toEqual([lab.cameras.find((c) => c.id === 'dual')!.ip]);
    const v6 = observations.filter((o) => o.endpoint === V6_ONLY);
    expect(v6).toHaveLength(1);
    expect(v6[0]).toMatchObject({ interface: lab.techIface, isCamera: true, kind: 'alive' });
    expect(v6[0]?.ip).toBe(`${v6OnlyAddress}%${lab.techIface}`);
    // Its XAddr names its address without a zone, as cameras send it.
    expect(v6[0]?.onvif?.xaddrs).toEqual([`http://[${v6OnlyAddress}]:8899/onvif/device_service`]);

    // Identify reaches it: the zone it was heard on goes into the device-service URL, and ONVIF answers with a login.
    const identified = lines.flatMap((l) => (l.identified ? [l.identified] : []));
    expect(identified.map((i) => [i.endpoint, i.xaddr])).toEqual([
      [V6_ONLY, `http://[${v6OnlyAddress}%25${lab.techIface}]:8899/onvif/device_service`],
    ]);
    expect(identified[0]?.result.info).toMatchObject({ manufacturer: 'AXIS', serial: 'ACCC8E0A6A1C' });

    const stats = lines.find((l) => l.stats)?.stats;
    expect(stats?.errors).toEqual([]);
    expect(stats?.skipped).toEqual([]);
    expect(stats?.probesSent).toBe(24); // 3 probes × 4 sends, over IPv4 and over IPv6
  });
});

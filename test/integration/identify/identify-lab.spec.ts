/**
 * Identify with credentials in the lab (issue #8 "Must show"): 50 cameras logging in like real ones — four auth
 * modes, three credential sets, clocks an hour off, one without UTC, an 18-digit serial, one that locks after 3
 * failures — 47 on the lab bridge and 3 behind a router, where ARP only ever shows the router's MAC. The app runs
 * as the CLI in the tech namespace (`scan --json --identify`, `identify --ip … --json`) with its own data folder,
 * which is grepped for the passwords afterwards, as are its stdout and stderr.
 *
 * One pass with per-vendor sets (the file's optional "vendor" field): each camera is tried with its vendor's set
 * first, then the site default. The lockout planner never makes a camera's 3rd refused try in an hour — and
 * remembers that across CLI runs in the data folder — so the camera that locks after 3 failures is then given
 * three wrong sets twice: 2 refusals, then "not tried", never locked.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../../shared/device.js';
import { announceSkip } from '../../lab/can-run.js';
import { CREDENTIAL_SETS, LONG_SERIAL, identifyCameras, type CredentialSet } from '../../lab/identify-cameras.js';
import type { SimDeviceState } from '../../sim/sim-protocol.js';
import type { ExecResult } from '../../lab/ip.js';
import { createLab, readNeighbours, type Lab, type LabCamera } from '../../lab/lab.js';
import { addRoutedSubnet, type RoutedSubnet } from '../../lab/routed-subnet.js';

const skip = announceSkip('Identify with credentials in the lab');
const plans = identifyCameras(47);
const [siteSet, hikSet] = CREDENTIAL_SETS as [CredentialSet, CredentialSet, CredentialSet];
const routedSpecs = [
  { id: 'routed-hik', profile: 'hikvision' as const, device: { auth: 'digest-sha256+md5' as const, users: { admin: hikSet.password } } },
  { id: 'routed-ws', profile: 'dahua' as const, device: { auth: 'ws-security' as const, users: { admin: siteSet.password } } },
  { id: 'routed-both', profile: 'reolink' as const, device: { auth: 'both' as const, users: { admin: siteSet.password } } },
];
const routedSet: Record<string, string> = { 'routed-hik': hikSet.name, 'routed-ws': siteSet.name, 'routed-both': siteSet.name };

/** `{devices}` as `scan --json` prints it (identify prints the same shape, plus its results). */
function devicesOf(run: ExecResult, what: string): Device[] {
  let out: unknown;
  try {
    out = JSON.parse(run.stdout);
  } catch {
    throw new Error(`${what} did not print JSON (exit ${run.code}): ${run.stdout.slice(0, 300)} ${run.stderr.slice(0, 600)}`);
  }
  const devices = (out as { devices?: unknown }).devices;
  if (!Array.isArray(devices)) throw new Error(`${what} printed no devices array: ${run.stdout.slice(0, 300)}`);
  return devices as Device[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.skipIf(skip)('Identify with credentials in the lab (50 cameras, 4 auth modes, 3 credential sets, a router)', () => {
  let lab: Lab;
  let routed: RoutedSubnet;
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-identify-lab-data-'));
  const credsDir = mkdtempSync(join(tmpdir(), 'cf-identify-lab-creds-'));
  const runs: ExecResult[] = [];
  /** `scan --json --identify` with per-vendor sets. */
  let scanned: Device[] = [];
  let routedDevices: Device[] = [];
  /** The lockout camera after one and after two runs with only wrong sets before its right one. */
  const wrongRuns: { device: Device; state: SimDeviceState | null }[] = [];
  const saved = { ...process.env };
  const cli = async (args: string[], what: string): Promise<ExecResult> => {
    const run = await lab.execInTech('node', ['dist/electron/cli.js', ...args], { timeoutMs: 90_000 });
    runs.push(run);
    if (run.code !== 0 && run.stdout.trim() === '') throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(0, 1000)}`);
    return run;
  };
  const credentialsFile = (name: string, sets: readonly (CredentialSet & { vendor?: string })[]): string => {
    const path = join(credsDir, name);
    writeFileSync(path, JSON.stringify(sets), { mode: 0o600 });
    chmodSync(path, 0o600);
    return path;
  };
  const byIp = (devices: Device[], cam: LabCamera): Device => {
    const d = devices.find((x) => x.ip === cam.ip);
    if (!d) throw new Error(`No device for ${cam.id} at ${cam.ip} in the app's output.`);
    return d;
  };
  const camById = (id: string): LabCamera => lab.cameras.find((c) => c.id === id)!;

  beforeAll(async () => {
    // Inherited through `ip netns exec` by the CLI: its settings, secrets and audit log land in this folder.
    process.env['CAMERA_FINDER_DATA_DIR'] = dataDir;
    lab = await createLab({ prefix: 'cfid', cameras: plans.map((p) => p.spec) });
    routed = await addRoutedSubnet(lab, routedSpecs);
    const first = credentialsFile('first.json', CREDENTIAL_SETS);
    const [site, hik, axis] = CREDENTIAL_SETS as [CredentialSet, CredentialSet, CredentialSet];
    const perVendor = credentialsFile('per-vendor.json', [site, { ...hik, vendor: 'hikvision' }, { ...axis, vendor: 'axis' }]);
    const scanArgs = ['scan', '--json', '--identify', '--credentials', perVendor, '--interface', lab.techIface, '--timeout', '3000'];
    scanned = devicesOf(await cli(scanArgs, 'scan --identify'), 'scan --identify');
    const wrongFirst = credentialsFile(
      'wrong-first.json',
      ['wrong 1', 'wrong 2', 'wrong 3'].map((name) => ({ name, username: 'root', password: `not-${name}-pass` })).concat([axis]),
    );
    const lockIp = camById('lockout-3').ip;
    for (let i = 0; i < 2; i++) {
      const [device] = devicesOf(await cli(['identify', '--ip', lockIp, '--credentials', wrongFirst, '--json'], 'identify'), 'identify');
      wrongRuns.push({ device: device!, state: await lab.sim.deviceState('lockout-3') });
    }
    const ips = routed.cameras.flatMap((c) => ['--ip', c.ip]);
    routedDevices = devicesOf(await cli(['identify', ...ips, '--credentials', first, '--json'], 'identify --ip'), 'identify --ip');
  });

  afterAll(async () => {
    process.env = saved;
    await lab?.destroy();
  });

  it('identifies every camera on the bridge with the set that opens it, in one pass (per-vendor sets)', () => {
    const wrong = plans.flatMap(({ spec, set }) => {
      const d = scanned.find((x) => x.ip === camById(spec.id).ip);
      return d?.auth?.status === 'authenticated' && d.auth.set === set.name
        ? []
        : [`${spec.id} (${spec.device.auth}, want "${set.name}"): ${d ? JSON.stringify(d.auth) : 'not found'}`];
    });
    expect(wrong).toEqual([]);
  });

  it("takes each camera's MAC from the camera itself, and it equals the neighbour-table MAC", async () => {
    const neighbours = new Map((await readNeighbours(lab.techNs)).map((n) => [n.ip, n.mac]));
    const rows = lab.cameras.map((cam) => {
      const d = byIp(scanned, cam);
      // Axis cameras report it twice (ONVIF and VAPIX): every value the camera gave must be the one MAC.
      const fromDevice = [...new Set((d.facts.mac ?? []).filter((f) => f.source === 'onvif' || f.source === 'vapix').map((f) => f.value))];
      const row = { id: cam.id, mac: d.mac, macSource: d.macSource, fromDevice, neighbour: neighbours.get(cam.ip) };
      return { ...row, conflict: d.conflicts.includes('mac') };
    });
    expect(rows).toEqual(
      lab.cameras.map((c) => ({ id: c.id, mac: c.mac, macSource: 'onvif', fromDevice: [c.mac], neighbour: c.mac, conflict: false })),
    );
  });

  it('logs in to cameras whose clock is an hour ahead, an hour behind, or sent without UTC', () => {
    for (const id of ['skew-ahead', 'skew-behind', 'no-utc']) {
      const cam = lab.cameras.find((c) => c.id === id)!;
      const set = plans.find((p) => p.spec.id === id)!.set.name;
      expect(byIp(scanned, cam).auth, id).toMatchObject({ status: 'authenticated', set });
    }
  });

  it('keeps an 18-digit serial exactly as the camera sent it, and reads model and firmware from the device', () => {
    const d = byIp(
      scanned,
      lab.cameras.find((c) => c.id === 'long-serial')!,
    );
    expect(d.serial).toBe(LONG_SERIAL);
    expect(d.facts.serial?.some((f) => f.value === LONG_SERIAL && f.source === 'onvif')).toBe(true);
    expect(d.firmware).toBe('5.7.3');
  });

  it('never locks a camera: given only wrong sets before its right one, twice, it sees 2 failures and is not locked', async () => {
    const [once, twice] = wrongRuns;
    expect(once?.device.auth).toMatchObject({ status: 'refused' });
    expect(once?.device.auth?.message).toContain('were not tried');
    expect(once?.state).toMatchObject({ failures: 2, lockouts: 0, locked: false });
    // A second run (a new CLI process) remembers the first run's failures through the data folder.
    expect(twice?.device.auth).toMatchObject({ status: 'not-tried' });
    expect(twice?.state).toMatchObject({ failures: 2, lockouts: 0, locked: false });
    const states = await Promise.all(lab.cameras.map(async (c) => ({ id: c.id, s: await lab.sim.deviceState(c.id) })));
    expect(states.filter(({ s }) => !s || s.lockouts > 0 || s.locked || s.failures > 2)).toEqual([]);
  });

  it("shows VXG's cloud agent on Axis cameras, token as has/no token only", () => {
    const axis = plans.filter((p) => p.spec.profile === 'axis');
    const seen = axis.map(
      (p) =>
        byIp(
          scanned,
          lab.cameras.find((c) => c.id === p.spec.id)!,
        ).cloudAgent,
    );
    const want = axis.map((p) => ({
      installed: p.spec.device.vapix?.agent,
      token: p.spec.device.vapix?.cloudToken ? 'has-token' : 'no-token',
    }));
    expect(seen.map((a) => a && { installed: a.installed, token: a.installed === 'absent' ? 'no-token' : a.token })).toEqual(
      want.map((w) => ({ ...w, token: w.installed === 'absent' ? 'no-token' : w.token })),
    );
    expect(JSON.stringify(scanned)).not.toContain('lab-cloud-token');
  });

  it("gets the MAC of a camera behind the router from ONVIF, never the router's", () => {
    const rows = routed.cameras.map((cam) => {
      const d = byIp(routedDevices, cam);
      return { id: cam.id, mac: d.mac, macSource: d.macSource, status: d.auth?.status, set: d.auth?.set };
    });
    expect(rows).toEqual(
      routed.cameras.map((c) => ({ id: c.id, mac: c.mac, macSource: 'onvif', status: 'authenticated', set: routedSet[c.id] })),
    );
    expect(routedDevices.some((d) => d.mac === routed.routerMac)).toBe(false);
  });

  it('refuses a credentials file others can read, with a sentence saying why', async () => {
    const open = join(credsDir, 'open.json');
    writeFileSync(open, JSON.stringify(CREDENTIAL_SETS), { mode: 0o644 });
    chmodSync(open, 0o644);
    const run = await lab.execInTech('node', [
      'dist/electron/cli.js',
      'identify',
      '--ip',
      routed.cameras[0]!.ip,
      '--credentials',
      open,
      '--json',
    ]);
    runs.push(run);
    expect(run.code).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/readable|permission|chmod|0600/i);
  });

  it('leaves no password in the data folder or in anything the app printed', () => {
    const files = filesUnder(dataDir);
    const texts = [...files.map((f) => readFileSync(f)), ...runs.flatMap((r) => [Buffer.from(r.stdout), Buffer.from(r.stderr)])];
    const secrets = CREDENTIAL_SETS.flatMap((s) => [s.password, Buffer.from(s.password).toString('base64')]);
    expect(secrets.filter((s) => texts.some((t) => t.includes(s)))).toEqual([]);
    expect(runs.length).toBeGreaterThanOrEqual(4);
  });
});

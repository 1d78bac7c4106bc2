/**
 * The cloud simulator (test/sim/cloud/main.ts) as a process in its own lab namespace `<prefix>-c901` on the
 * lab bridge (198.18.0.10), so the app in the tech namespace and the cameras reach it over the lab network
 * and lab teardown removes it with the cameras. Driven over stdin (state, faults, channels).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { FaultAction } from '../sim/cloud/faults.js';
import type { SimChannel, SimConnection, SimRecord } from '../sim/cloud/state.js';
import { ipBatchIn, killQuietly, netnsBatch } from './ip.js';
import type { Lab } from './lab.js';
import { REPO_ROOT } from './sim-bundle.js';
import { BRIDGE, CAMERA_LOWER } from './topology.js';

export const LAB_CLOUD_IP = '198.18.0.10';
export const LAB_CLOUD_URL = `http://${LAB_CLOUD_IP}:8080`;

export interface CloudState {
  channels: SimChannel[];
  records: SimRecord[];
  requests: Record<string, number>;
  /** Every camera connection, oldest first: which token (and so which channel) each camera connected with. */
  connections: SimConnection[];
}

export interface CloudInLab {
  url: string;
  ns: string;
  pid: number;
  state(): Promise<CloudState>;
  fault(route: string, action: FaultAction, times?: number): Promise<void>;
  clearFaults(): Promise<void>;
  addChannel(name: string, meta: Record<string, string>): Promise<number>;
  /** A provisioning record made earlier (by another app, an earlier account), carrying the channel's `all` token. */
  addRecord(serialId: string, password: string, channelId: number): Promise<void>;
  stop(): Promise<void>;
}

async function bundle(): Promise<string> {
  const dir = join(REPO_ROOT, 'node_modules', '.cache', 'camera-finder-lab');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'cloud-sim.mjs');
  const tmp = `${out}.${process.pid}.tmp`;
  const entry = fileURLToPath(new URL('../sim/cloud/main.ts', import.meta.url));
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: tmp, logLevel: 'error' });
  renameSync(tmp, out);
  return out;
}

/**
 * A second (third…) cloud account: slot n ≥ 2 runs another simulator with its own license key and provisioning
 * credentials in `<prefix>-c90<n>` at 198.18.0.(9+n), e.g. the old account a camera is moved away from.
 */
export const labCloudIp = (slot: number): string => (slot === 1 ? LAB_CLOUD_IP : `198.18.0.${9 + slot}`);

export async function startCloudInLab(
  lab: Lab,
  secrets: { licenseKey: string; provisioningUser: string; provisioningPassword: string },
  options: { latencyMs?: number; slot?: number } = {},
): Promise<CloudInLab> {
  const slot = Math.max(1, Math.min(8, Math.floor(options.slot ?? 1)));
  const ip = labCloudIp(slot);
  const ns = `${lab.prefix}-c90${slot}`;
  await netnsBatch('add', [ns]);
  await ipBatchIn(lab.switchNs, [
    `link add p90${slot} type veth peer name ${CAMERA_LOWER} netns ${ns}`,
    `link set p90${slot} master ${BRIDGE}`,
    `link set p90${slot} up`,
  ]);
  await ipBatchIn(ns, ['link set lo up', `addr add ${ip}/16 dev ${CAMERA_LOWER}`, `link set ${CAMERA_LOWER} up`]);
  const script = await bundle();
  const args = ['--host', ip, '--port', '8080', '--latency-ms', String(options.latencyMs ?? 0)];
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, script, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SIM_LICENSE_KEY: secrets.licenseKey,
      SIM_PROVISIONING_USER: secrets.provisioningUser,
      SIM_PROVISIONING_PASSWORD: secrets.provisioningPassword,
    },
  });
  child.stdin.on('error', () => undefined);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
  const waiting = new Map<number, (v: Record<string, unknown>) => void>();
  let ready: (url: string) => void = () => undefined;
  const started = new Promise<string>((resolve) => (ready = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (v['event'] === 'ready') ready(String(v['url']));
    const re = typeof v['re'] === 'number' ? v['re'] : -1;
    waiting.get(re)?.(v);
    waiting.delete(re);
  });
  const url = await Promise.race([
    started,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`cloud simulator did not start: ${stderr}`)), 20_000)),
  ]);
  let next = 1;
  const ask = (cmd: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const re = next++;
      const timer = setTimeout(() => reject(new Error(`cloud simulator did not answer ${String(cmd['cmd'])}: ${stderr}`)), 10_000);
      waiting.set(re, (v) => (clearTimeout(timer), resolve(v)));
      child.stdin.write(`${JSON.stringify({ ...cmd, re })}\n`);
    });
  return {
    url,
    ns,
    pid: child.pid ?? -1,
    state: async () => (await ask({ cmd: 'state' })) as unknown as CloudState,
    fault: async (route, action, times = 1) => void (await ask({ cmd: 'fault', route, action, times })),
    clearFaults: async () => void (await ask({ cmd: 'clear' })),
    addChannel: async (name, meta) => Number((await ask({ cmd: 'add-channel', name, meta }))['id']),
    addRecord: async (serialId, password, channelId) => {
      const r = await ask({ cmd: 'add-record', serialId, password, channelId });
      if (r['ok'] !== true) throw new Error(`cloud simulator has no channel ${channelId} for the record`);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      if (child.exitCode === null) killQuietly(child.pid ?? -1);
    },
  };
}

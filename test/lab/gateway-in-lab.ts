/**
 * The VXG gateway simulator (test/sim/gateway/main.ts) as a process in the lab cloud's namespace, on the cloud's
 * address at port 8090: the app in the tech namespace reaches it over the lab network, and after a restart the
 * gateway connects its cameras to the cloud simulator on the same address. Lab teardown removes the namespace and
 * every process in it (cleanup.ts); `stop()` ends it earlier. Driven over stdin (state, faults).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { GatewayCamera } from '../sim/gateway/gateway-sim.js';
import type { CloudInLab } from './cloud-in-lab.js';
import { killQuietly } from './ip.js';
import { REPO_ROOT } from './sim-bundle.js';

export const LAB_GATEWAY_PORT = 8090;

export interface GatewayInLabState {
  cameras: GatewayCamera[];
  logins: number;
  failedLogins: number;
  restarts: number;
  /** Tokens the gateway connected to the cloud with, after each restart. */
  connections: string[];
}

export interface GatewayInLab {
  url: string;
  state(): Promise<GatewayInLabState>;
  fault(route: 'add-camera' | 'restart', times?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startGatewayInLab(cloud: CloudInLab, login: { username: string; password: string }): Promise<GatewayInLab> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-gateway-sim-'));
  const script = join(dir, 'gateway-sim.mjs');
  const entry = fileURLToPath(new URL('../sim/gateway/main.ts', import.meta.url));
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'error' });
  const host = new URL(cloud.url).hostname;
  const args = ['--host', host, '--port', String(LAB_GATEWAY_PORT), '--cloud-url', cloud.url];
  const child = spawn('ip', ['netns', 'exec', cloud.ns, process.execPath, script, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, SIM_GATEWAY_USER: login.username, SIM_GATEWAY_PASSWORD: login.password },
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
  const stopChild = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    if (child.exitCode === null) killQuietly(child.pid ?? -1);
    rmSync(dir, { recursive: true, force: true });
  };
  let url: string;
  try {
    url = await Promise.race([
      started,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`gateway simulator did not start: ${stderr}`)), 20_000)),
    ]);
  } catch (error) {
    await stopChild();
    throw error;
  }
  let next = 1;
  const ask = (cmd: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const re = next++;
      const timer = setTimeout(() => reject(new Error(`gateway simulator did not answer ${String(cmd['cmd'])}: ${stderr}`)), 10_000);
      waiting.set(re, (v) => (clearTimeout(timer), resolve(v)));
      child.stdin.write(`${JSON.stringify({ ...cmd, re })}\n`);
    });
  return {
    url,
    state: async () => (await ask({ cmd: 'state' })) as unknown as GatewayInLabState,
    fault: async (route, times = 1) => void (await ask({ cmd: 'fault', route, times })),
    stop: stopChild,
  };
}

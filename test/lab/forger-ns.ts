/**
 * An attacker on the site LAN, for the hostile-input suite: one extra namespace on the lab's bridge holding
 * thousands of addresses (198.18.100.1 upward), so forged packets really come from that many source IPs.
 * It is named like a camera namespace (`<prefix>-c900`) so the lab's teardown removes it with everything else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { namespaceNames, LAB_PREFIX_LEN } from './addressing.js';
import { ipBatchIn, netnsBatch } from './ip.js';
import type { Lab } from './lab.js';
import { BRIDGE } from './topology.js';

const FORGER_SCRIPT = fileURLToPath(new URL('./forger.ts', import.meta.url));

/** Forged address i (0-based) → 198.18.100.1, …, 198.18.100.254, 198.18.101.1, … */
export function forgedIp(i: number): string {
  return `198.18.${100 + Math.floor(i / 254)}.${1 + (i % 254)}`;
}

export interface Forger {
  ns: string;
  addresses: string[];
  /** Runs test/lab/forger.ts inside the forger namespace; resolves with its final JSON line. */
  run(
    args: string[],
    opts?: { onLine?: (o: Record<string, unknown>) => void },
  ): { child: ChildProcess; done: Promise<Record<string, unknown>> };
}

export async function addForger(lab: Lab, addressCount: number): Promise<Forger> {
  const ns = namespaceNames(lab.prefix).camera(900);
  const addresses = Array.from({ length: addressCount }, (_, i) => forgedIp(i));
  await netnsBatch('add', [ns]);
  await ipBatchIn(lab.switchNs, [
    `link add pforge type veth peer name eth0 netns ${ns}`,
    `link set pforge master ${BRIDGE}`,
    'link set pforge up',
  ]);
  await ipBatchIn(ns, ['link set lo up', 'link set eth0 up', ...addresses.map((a) => `addr add ${a}/${LAB_PREFIX_LEN} dev eth0`)]);
  const run: Forger['run'] = (args, opts = {}) => {
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', FORGER_SCRIPT, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last: Record<string, unknown> = {};
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        last = JSON.parse(line) as Record<string, unknown>;
        opts.onLine?.(last);
      } catch {
        // not ours
      }
    });
    const done = new Promise<Record<string, unknown>>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(last) : reject(new Error(`forger exited with ${code}: ${stderr}`))));
    });
    return { child, done };
  };
  return { ns, addresses, run };
}

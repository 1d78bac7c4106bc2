/**
 * Runs the real app inside the lab's technician namespace: the browser-mode server (the same core and front
 * door a technician's browser uses) and, for tests, a relay that speaks its WebSocket protocol over stdio.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Lab } from './lab.js';

export interface AppInLab {
  /** pid of the server process (`ip netns exec` execs node, so it is node's own pid) */
  pid: number;
  url: string;
  token: string;
  port: number;
  /** Everything the server wrote to stdout and stderr so far (bounded), for tests that grep it for secrets. */
  output(): string;
  stop(): Promise<void>;
}

/** Kept output per server: enough for a test run's log, bounded against a runaway. */
const MAX_OUTPUT = 4 * 1024 * 1024;

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Starts `dist/electron/server.js` in the tech namespace, restricted to the lab interface. */
export async function startAppInLab(lab: Lab, extraArgs: string[] = []): Promise<AppInLab> {
  const child = lab.runInTech('node', ['dist/electron/server.js', '--interface', lab.techIface, '--no-settings', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let output = '';
  const keep = (d: unknown) => (output = (output + String(d)).slice(-MAX_OUTPUT));
  child.stderr?.on('data', (d) => {
    stderr = (stderr + String(d)).slice(-4000);
    keep(d);
  });
  child.stdout?.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/\S+\?token=\S+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const parsed = new URL(url);
  return {
    pid: child.pid ?? -1,
    url,
    token: parsed.searchParams.get('token') ?? '',
    port: Number(parsed.port),
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited(child), new Promise((r) => setTimeout(r, 3000))]);
      child.kill('SIGKILL');
    },
  };
}

export interface Frame {
  id?: number;
  result?: { ok: boolean; value?: unknown; code?: string; message?: string };
  event?: string;
  payload?: unknown;
  relay?: string;
  status?: number;
}

export interface RelayClient {
  frames: Frame[];
  call(command: string, args?: unknown): Promise<NonNullable<Frame['result']>>;
  send(raw: string): void;
  waitFor(pred: (f: Frame) => boolean, timeoutMs?: number, what?: string): Promise<Frame>;
  close(): Promise<void>;
}

/** A WebSocket client inside the tech namespace (test/lab/relay.ts), driven from the test over stdio. */
export async function connectRelay(lab: Lab, wsUrl: string, headers: Record<string, string> = {}): Promise<RelayClient> {
  const child = lab.runInTech('node_modules/.bin/tsx', ['test/lab/relay.ts', wsUrl, JSON.stringify(headers)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      frames.push(JSON.parse(line) as Frame);
    } catch {
      frames.push({ relay: 'garbled' });
    }
    waiters.forEach((w) => w());
  });
  const waitFor = (pred: (f: Frame) => boolean, timeoutMs = 15_000, what = 'a frame') =>
    new Promise<Frame>((resolve, reject) => {
      const check = () => {
        const hit = frames.find(pred);
        if (hit) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  await waitFor((f) => f.relay !== undefined, 20_000, 'the relay to connect');
  let nextId = 1;
  return {
    frames,
    send: (raw) => child.stdin!.write(raw + '\n'),
    async call(command, args = {}) {
      const id = nextId++;
      child.stdin!.write(JSON.stringify({ id, command, args }) + '\n');
      const f = await waitFor((x) => x.id === id, 15_000, `the answer to ${command}`);
      return f.result!;
    },
    waitFor,
    async close() {
      child.stdin!.end();
      await Promise.race([exited(child), new Promise((r) => setTimeout(r, 2000))]);
      child.kill('SIGKILL');
    },
  };
}

import { spawn, spawnSync } from 'node:child_process';

export type ExecResult = { code: number; stdout: string; stderr: string };

/** Runs a command and collects its output; rejects only if it could not be started. */
export function exec(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    // A command that does not read stdin may exit before we close it; that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** `ip <args>`; throws with iproute2's message on failure. */
export async function ip(args: string[], input?: string): Promise<string> {
  const r = await exec('ip', args, input === undefined ? {} : { input });
  if (r.code !== 0) throw new Error(`ip ${args.join(' ')} failed: ${r.stderr.trim()}`);
  return r.stdout;
}

/** Runs iproute2 batch lines inside one namespace (`ip -n <ns> -batch -`), never in the root namespace. */
export const ipBatchIn = (ns: string, lines: string[]): Promise<string> => ip(['-n', ns, '-batch', '-'], `${lines.join('\n')}\n`);

/** Namespace add/del lines only: `ip netns add` in batch mode returns to the root namespace after each line. */
export const netnsBatch = (verb: 'add' | 'del', names: string[]): Promise<string> =>
  names.length === 0 ? Promise.resolve('') : ip(['-batch', '-'], names.map((n) => `netns ${verb} ${n}\n`).join(''));

export async function listNamespaces(): Promise<string[]> {
  return parseNetnsList(await ip(['netns', 'list']));
}

export function listNamespacesSync(): string[] {
  return parseNetnsList(spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '');
}

const parseNetnsList = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => n.length > 0);

/** Pids of processes living in a namespace (the lab's sims, a test's app server). */
export async function namespacePids(ns: string): Promise<number[]> {
  const r = await exec('ip', ['netns', 'pids', ns]);
  return r.stdout.split(/\s+/).filter(Boolean).map(Number);
}

export function namespacePidsSync(ns: string): number[] {
  const out = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout ?? '';
  return out.split(/\s+/).filter(Boolean).map(Number);
}

export function killQuietly(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

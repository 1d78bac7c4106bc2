import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SimCommand, SimConfig, SimEvent } from '../sim/sim-protocol.js';
import { killQuietly } from './ip.js';
import { REPO_ROOT, simBundle } from './sim-bundle.js';

type Waiter = { match: (e: SimEvent) => boolean; resolve: (e: SimEvent) => void };

/** One camera-sim process inside a camera namespace, driven over stdin/stdout JSON lines. */
export class SimProcess {
  private waiters: Waiter[] = [];
  /** The provisioning loops' reports (`cloud` events), oldest first, with when the lab received each (ms). */
  readonly cloudEvents: (Extract<SimEvent, { event: 'cloud' }> & { at: number })[] = [];
  private stderrTail = '';
  private exited = false;

  private constructor(
    readonly ns: string,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderrTail = (this.stderrTail + d).slice(-4000)));
    child.on('exit', () => {
      this.exited = true;
      for (const w of this.waiters.splice(0)) w.resolve({ event: 'error', message: `simulator in ${ns} exited: ${this.stderrTail}` });
    });
    child.stdin.on('error', () => undefined);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Starts camera-sim (bundled, plain node) inside `ns` and waits for its `ready`. */
  static async start(ns: string, config: SimConfig, timeoutMs = 60_000): Promise<SimProcess> {
    const script = await simBundle();
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, script, JSON.stringify(config)], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const sim = new SimProcess(ns, child);
    const ready = await sim.waitFor((e) => e.event === 'ready', timeoutMs);
    if (ready.event !== 'ready') {
      sim.kill();
      throw new Error(`Camera simulator in ${ns} did not start: ${ready.event === 'error' ? ready.message : ''}`);
    }
    return sim;
  }

  /** Sends a command and resolves with the acknowledging event (or an error event). */
  async request(cmd: SimCommand, ack: (e: SimEvent) => boolean, timeoutMs = 5000): Promise<SimEvent> {
    const reply = this.waitFor((e) => ack(e) || (e.event === 'error' && 'id' in cmd && e.id === cmd.id), timeoutMs);
    this.child.stdin.write(`${JSON.stringify(cmd)}\n`);
    return reply;
  }

  /** Asks for Bye from every running camera, then makes sure the process is gone. */
  async quit(timeoutMs = 3000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.write(`${JSON.stringify({ cmd: 'quit' })}\n`);
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await gone;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) killQuietly(this.pid);
  }

  private waitFor(match: (e: SimEvent) => boolean, timeoutMs: number): Promise<SimEvent> {
    if (this.exited) return Promise.resolve({ event: 'error', message: `simulator in ${this.ns} is not running` });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve({ event: 'error', message: `simulator in ${this.ns} did not answer within ${timeoutMs} ms ${this.stderrTail}` });
      }, timeoutMs);
      const waiter: Waiter = { match, resolve: (e) => (clearTimeout(timer), resolve(e)) };
      this.waiters.push(waiter);
    });
  }

  private onLine(line: string): void {
    let event: SimEvent;
    try {
      event = JSON.parse(line) as SimEvent;
    } catch {
      return;
    }
    if (event.event === 'cloud') this.cloudEvents.push({ ...event, at: Date.now() });
    const i = this.waiters.findIndex((w) => w.match(event));
    if (i >= 0) this.waiters.splice(i, 1)[0]?.resolve(event);
  }
}

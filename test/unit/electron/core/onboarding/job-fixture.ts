/**
 * A tiny world for the job engine: a cloud that counts every channel, record and token it is asked to make,
 * steps that change it (and reconcile by looking at it), and an in-memory ledger file that can be "killed" at
 * a chosen append — leaving a torn half line, as `kill -9` in the middle of a write would.
 */
import type { JobCamera, JobStep, StepOutcome } from '../../../../../electron/core/onboarding/job-types.js';
import type { LedgerStore } from '../../../../../electron/core/onboarding/ledger.js';
import type { StepName } from '../../../../../shared/onboarding.js';

export class KillableStore implements LedgerStore {
  text = '';
  appends = 0;
  dead = false;
  /** Killed during the `killAt`-th append, after `tear` (0…1) of that write reached the disk. */
  constructor(
    private readonly killAt = Infinity,
    private readonly tear = 0.5,
  ) {}

  async append(line: string): Promise<void> {
    if (this.dead) throw new Error('the process was killed');
    this.appends += 1;
    if (this.appends === this.killAt) {
      this.dead = true;
      this.text += line.slice(0, Math.floor(line.length * this.tear));
      throw new Error('the process was killed');
    }
    // Like electron/platform/ledger-file.ts: a torn tail from an earlier crash gets its own line.
    this.text += `${this.text !== '' && !this.text.endsWith('\n') ? '\n' : ''}${line}\n`;
  }

  async readAll(): Promise<string> {
    return this.text;
  }

  /** The file as the next process finds it. */
  reopen(killAt = Infinity): KillableStore {
    const next = new KillableStore(killAt);
    next.text = this.text;
    return next;
  }
}

export const WRITE_TOKEN_STEPS: StepName[] = ['find-or-create-channel', 'provisioning-record', 'write-token', 'confirm-online'];

/** The cloud and the cameras: how many times each thing was made, per camera. */
export class World {
  readonly made = new Map<string, number>();
  runs = 0;
  reconciles = 0;

  count(cameraId: string, step: StepName): number {
    return this.made.get(`${cameraId}/${step}`) ?? 0;
  }

  steps(): JobStep<null>[] {
    return WRITE_TOKEN_STEPS.map((name) => ({
      name,
      run: async ({ camera }): Promise<StepOutcome> => {
        this.runs += 1;
        await Promise.resolve();
        this.made.set(`${camera.cameraId}/${name}`, this.count(camera.cameraId, name) + 1);
        await Promise.resolve();
        return { status: 'done', detail: `${name} made for ${camera.cameraId}.` };
      },
      reconcile: async ({ camera }) => {
        this.reconciles += 1;
        await Promise.resolve();
        return this.count(camera.cameraId, name) > 0
          ? { status: 'done', detail: `${name} found already in place.` }
          : { status: 'not-done' };
      },
    }));
  }
}

export const cameras = (count: number): JobCamera<null>[] =>
  Array.from({ length: count }, (_, i) => ({
    cameraId: `00408C0000${String(i).padStart(2, '0')}`,
    csvLine: i + 2,
    data: null,
    secrets: [`sticker-${i}`],
  }));

export const describeJob = {
  jobId: 'job-1',
  mode: 'write-token' as const,
  scope: { interfaces: ['eth0'], subnets: [], csvFile: 'site.csv' },
  settings: { concurrency: 8, cameraIdFormat: 'mac-plain' },
};

/**
 * A clock that moves only when told, and lets every pending promise chain run before each timer fires (a
 * macrotask turn, not a fixed number of microtask ticks), so a step's ledger writes never lag its timers.
 */
export class StepClock {
  private time = 1_700_000_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.time + Math.max(0, ms), fn, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    const drain = () => new Promise<void>((resolve) => setImmediate(resolve));
    await drain();
    for (;;) {
      const next = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.at;
      next.fn();
      await drain();
    }
    this.time = end;
  }
}

/**
 * Who may start a step now: at most `limit` at once, none while paused, none before the cloud's rate-limit
 * hint has passed, and nobody once the job is cancelled. Waiters are served first come, first served.
 */
import type { Clock } from '../../platform/ports.js';

export class StepGate {
  private readonly queue: Array<(granted: boolean) => void> = [];
  private active = 0;
  private paused = false;
  private closed = false;
  private notBefore = 0;
  private cancelTimer: (() => void) | null = null;
  /** Most steps ever running at once; tests and the bench read it. */
  peak = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Resolves true with a slot held (call release), or false when the job was cancelled while waiting. */
  acquire(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.pump();
    });
  }

  release(): void {
    this.active -= 1;
    this.pump();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  /** The cloud said "slow down" (429 Retry-After): no step of any camera starts before then. */
  holdUntil(time: number): void {
    this.notBefore = Math.max(this.notBefore, time);
    this.pump();
  }

  close(): void {
    this.closed = true;
    this.cancelTimer?.();
    for (const waiter of this.queue.splice(0)) waiter(false);
  }

  private pump(): void {
    if (this.closed || this.paused) return;
    const wait = this.notBefore - this.clock.now();
    if (wait > 0) {
      this.cancelTimer ??= this.clock.setTimeout(() => {
        this.cancelTimer = null;
        this.pump();
      }, wait);
      return;
    }
    while (this.active < this.limit && this.queue.length > 0) {
      this.active += 1;
      this.peak = Math.max(this.peak, this.active);
      this.queue.shift()!(true);
    }
  }
}

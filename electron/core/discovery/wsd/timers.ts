/** Timers started through the injected clock, so a fake clock drives them and close() can cancel them all. */
import type { Clock } from '../../../platform/ports.js';

export class TimerSet {
  private readonly cancels = new Set<() => void>();
  constructor(private readonly clock: Clock) {}
  after(ms: number, fn: () => void): void {
    const cancel = this.clock.setTimeout(() => {
      this.cancels.delete(cancel);
      fn();
    }, ms);
    this.cancels.add(cancel);
  }
  clear(): void {
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}

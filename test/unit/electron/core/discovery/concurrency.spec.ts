import { describe, expect, it } from 'vitest';
import { limitConcurrency } from '../../../../../electron/core/discovery/concurrency.js';

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const tick = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('limitConcurrency', () => {
  it('runs at most N tasks at once, starts queued ones as others finish, and refuses beyond the queue', async () => {
    const limited = limitConcurrency(2, 3);
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 6 }, deferred);
    const results = gates.map((gate, i) =>
      limited(async () => {
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
        return `task ${i}`;
      }, 'refused'),
    );
    await tick();
    expect(running).toBe(2);
    expect(await results[5]).toBe('refused'); // 2 running + 3 queued: the sixth is turned away at once
    for (const gate of gates) {
      gate.resolve();
      await tick();
    }
    expect(await Promise.all(results)).toEqual(['task 0', 'task 1', 'task 2', 'task 3', 'task 4', 'refused']);
    expect(peak).toBe(2);
  });

  it('frees the slot when a task throws', async () => {
    const limited = limitConcurrency(1, 1);
    await expect(limited(() => Promise.reject(new Error('boom')), 'refused')).rejects.toThrow('boom');
    await expect(limited(async () => 'ran', 'refused')).resolves.toBe('ran');
  });
});

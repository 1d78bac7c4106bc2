import { describe, expect, it } from 'vitest';
import { scaledClock } from '../../sim/provisioning/scaled-clock.js';

describe('scaled clock (lab cameras)', () => {
  it('runs a camera minute in a tenth of a second at scale 600', async () => {
    const clock = scaledClock(600);
    const before = clock.now();
    const started = Date.now();
    await new Promise<void>((resolve) => clock.setTimeout(resolve, 60_000));
    const wall = Date.now() - started;
    expect(wall).toBeGreaterThanOrEqual(90);
    expect(wall).toBeLessThan(1000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(54_000);
  });
});

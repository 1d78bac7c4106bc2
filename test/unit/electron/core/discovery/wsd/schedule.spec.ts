import { describe, expect, it } from 'vitest';
import { MULTICAST_REPEAT, probeSchedule } from '../../../../../../electron/core/discovery/wsd/schedule.js';

describe('probeSchedule', () => {
  it('sends 4 times: 0 ms, then a 50–250 ms gap that doubles, capped at 500 ms', () => {
    expect(MULTICAST_REPEAT).toBe(4);
    expect(probeSchedule(() => 0.5)).toEqual([0, 150, 450, 950]);
    expect(probeSchedule(() => 0)).toEqual([0, 50, 150, 350]);
    expect(probeSchedule(() => 0.999999)).toEqual([0, 250, 750, 1250]);
  });

  it('finishes every send within ~1.25 s whatever the random draw', () => {
    for (let i = 0; i < 100; i++) {
      const times = probeSchedule(Math.random);
      expect(times).toHaveLength(4);
      expect(times[1]).toBeGreaterThanOrEqual(50);
      expect(times[1]).toBeLessThanOrEqual(250);
      expect(times[3]).toBeLessThanOrEqual(1250);
    }
  });

  it('tolerates a broken random source', () => {
    expect(probeSchedule(() => NaN)).toEqual([0, 50, 150, 350]);
    expect(probeSchedule(() => 7)).toEqual([0, 250, 750, 1250]);
  });

  it('supports the unicast repeat count', () => {
    expect(probeSchedule(() => 0.5, 2)).toEqual([0, 150]);
  });
});

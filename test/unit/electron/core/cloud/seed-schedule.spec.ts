import { describe, expect, it } from 'vitest';
import { expectedWaitMs, inFastPhase, pollTimeMs } from '../../../../../electron/core/cloud/seed-schedule.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('seed polling schedule', () => {
  it('polls at start, four more times a minute apart, then hourly', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(pollTimeMs)).toEqual([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 4 * MIN + HOUR, 4 * MIN + 2 * HOUR]);
  });

  it('tells the technician the wait: under a minute in the first minutes, up to an hour after', () => {
    expect(expectedWaitMs(30_000)).toBe(30_000);
    expect(expectedWaitMs(0)).toBe(MIN); // the poll at this instant may have missed the record
    expect(expectedWaitMs(4 * MIN)).toBe(HOUR);
    expect(expectedWaitMs(5 * MIN)).toBe(HOUR - MIN);
    expect(expectedWaitMs(3 * 24 * HOUR)).toBeLessThanOrEqual(HOUR);
    expect(expectedWaitMs(null)).toBe(HOUR);
    expect(inFastPhase(2 * MIN)).toBe(true);
    expect(inFastPhase(10 * MIN)).toBe(false);
  });
});

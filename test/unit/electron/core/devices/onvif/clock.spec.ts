import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cameraClock, posixTzEastMinutes } from '../../../../../../electron/core/devices/onvif/clock.js';
import { readEnvelope } from '../../../../../../electron/core/devices/onvif/parse.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../../../fixtures/onvif/${name}`, import.meta.url), 'utf8');

describe('camera clock', () => {
  it.each([
    ['CST-8', false, 480],
    ['EST5EDT,M3.2.0,M11.1.0', false, -300],
    ['EST5EDT,M3.2.0,M11.1.0', true, -240],
    ['CET-1CEST,M3.5.0,M10.5.0/3', true, 120],
    ['<+0530>-5:30', false, 330],
    ['IST-5:30', false, 330],
    ['UTC0', false, 0],
  ] as const)('reads POSIX TZ %s (daylight %s) as %i minutes east of UTC', (tz, dst, east) => {
    expect(posixTzEastMinutes(tz, dst)).toBe(east);
  });

  it('rejects time zones it cannot read instead of guessing', () => {
    expect(posixTzEastMinutes('Europe/Berlin', false)).toBeNull();
    expect(posixTzEastMinutes('GMT+08:00 Beijing', false)).toBeNull();
  });

  it('converts a LocalDateTime-only reply with daylight saving to the camera’s UTC', () => {
    const read = readEnvelope(fixture('get-system-date-and-time-local-only.xml'), 'cam');
    if (!read.ok || read.value.kind !== 'body') throw new Error('fixture did not parse');
    const ourNow = Date.UTC(2026, 6, 1, 12, 29, 0); // the camera says 14:30 CEST = 12:30 UTC: one minute ahead
    const clock = cameraClock(read.value.body, ourNow);
    expect(clock.source).toBe('local-with-tz');
    expect(clock.offsetMs).toBe(60_000);
  });
});

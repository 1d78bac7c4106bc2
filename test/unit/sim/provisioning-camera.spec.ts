/** The seed's camera provisioning behaviour on a fake clock: an hour runs in milliseconds. */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../support/fake-udp.js';
import { ProvisioningCamera } from '../../sim/provisioning/provisioning-camera.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

function camera(clock: FakeClock, service: { token: string | null }) {
  const connected: string[] = [];
  const cam = new ProvisioningCamera({
    clock,
    serialId: 'ACCC8E12AB34',
    password: 'pw',
    ask: async () => service.token,
    connect: async (token) => {
      connected.push(token);
      return true;
    },
  });
  const offsets = (start: number) => cam.pollTimes.map((t) => t - start);
  return { cam, connected, offsets };
}

describe('camera provisioning state machine (seed schedule)', () => {
  it('polls 5 times a minute apart, then hourly, while the service has no token', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    const { cam, offsets } = camera(clock, { token: null });
    cam.start();
    await clock.advance(4 * MIN);
    expect(offsets(start)).toEqual([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN]);
    await clock.advance(HOUR - 1);
    expect(cam.polls).toBe(5); // no poll in the hour after the fast phase
    await clock.advance(1 + 2 * HOUR);
    expect(offsets(start).slice(5)).toEqual([4 * MIN + HOUR, 4 * MIN + 2 * HOUR, 4 * MIN + 3 * HOUR]);
    expect(cam.state).toBe('polling');
  });

  it('keeps the schedule when started part-way in: 20 minutes in, the next poll is at 1 h 4 min', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    const { cam, offsets } = camera(clock, { token: null });
    cam.start(20 * MIN);
    await clock.advance(2 * HOUR);
    expect(offsets(start)).toEqual([HOUR + 4 * MIN - 20 * MIN, 2 * HOUR + 4 * MIN - 20 * MIN]);
    expect(cam.pollingSince).toBe(start - 20 * MIN);
  });

  it('stops polling once a token arrives, connects with it, and never polls while holding it', async () => {
    const clock = new FakeClock();
    const service = { token: null as string | null };
    const { cam, connected } = camera(clock, service);
    cam.start();
    await clock.advance(2 * MIN);
    expect(cam.polls).toBe(3);
    service.token = 'TOKEN-A';
    await clock.advance(MIN);
    expect(cam.polls).toBe(4);
    expect(cam.state).toBe('online');
    expect(connected).toEqual(['TOKEN-A']);
    await clock.advance(24 * HOUR);
    expect(cam.polls).toBe(4);
    expect(clock.pending()).toBe(0);
  });

  it('restarts the minute-by-minute phase after a reset, which clears the token', async () => {
    const clock = new FakeClock();
    const service = { token: 'TOKEN-A' as string | null };
    const { cam, connected } = camera(clock, service);
    cam.start();
    await clock.advance(0);
    expect(cam.heldToken).toBe('TOKEN-A');
    await clock.advance(3 * HOUR);
    service.token = null;
    const resetAt = clock.now();
    cam.reset();
    expect(cam.heldToken).toBeNull();
    await clock.advance(4 * MIN);
    expect(cam.pollTimes.slice(1).map((t) => t - resetAt)).toEqual([0, MIN, 2 * MIN, 3 * MIN, 4 * MIN]);
    service.token = 'TOKEN-B';
    await clock.advance(HOUR);
    expect(connected).toEqual(['TOKEN-A', 'TOKEN-B']);
    expect(cam.polls).toBe(7);
  });

  it('takes a token written onto it without polling, and ignores an answer to a poll made before', async () => {
    const clock = new FakeClock();
    let answer: (token: string | null) => void = () => undefined;
    const connected: string[] = [];
    const cam = new ProvisioningCamera({
      clock,
      serialId: 'X',
      password: 'pw',
      ask: () => new Promise((resolve) => (answer = resolve)),
      connect: async (token) => (connected.push(token), true),
    });
    cam.start();
    await clock.advance(0);
    cam.writeToken('WRITTEN');
    answer('LATE-POLL-ANSWER');
    await clock.advance(2 * HOUR);
    expect(connected).toEqual(['WRITTEN']);
    expect(cam.heldToken).toBe('WRITTEN');
    expect(cam.polls).toBe(1);
  });

  it('keeps to the schedule when a poll fails', async () => {
    const clock = new FakeClock();
    const cam = new ProvisioningCamera({
      clock,
      serialId: 'X',
      password: 'pw',
      ask: () => Promise.reject(new Error('network down')),
      connect: async () => true,
    });
    cam.start();
    await clock.advance(4 * MIN + HOUR);
    expect(cam.polls).toBe(6);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  AttemptLedger,
  outcomeOf,
  tryCredentialSets,
  type CredentialSet,
  type TryOutcome,
} from '../../../../../../electron/core/devices/credentials/attempts.js';
import type { CameraClock } from '../../../../../../electron/core/devices/onvif/clock.js';
import { PASSWORD, USER, startOnvifCamera, type OnvifFixture } from '../onvif/onvif-fixture.js';

const MAC = '00:40:8c:12:34:56';
const set = (name: string, password: string): CredentialSet => ({ name, username: 'admin', password });
const WRONG = [set('site default', 'wrong-1'), set('Axis', 'wrong-2'), set('old install', 'wrong-3')];
const RIGHT = set('sticker', 'right');

/** A fake camera: accepts only "right", locks on its `lockAfter`-th consecutive failure. */
function fakeCamera(lockAfter = 3) {
  let failures = 0;
  let locked = false;
  const calls: string[] = [];
  const attempt = async (s: CredentialSet): Promise<TryOutcome<string>> => {
    calls.push(s.name);
    if (locked) return { kind: 'locked', message: 'locked' };
    if (s.password === 'right') return { kind: 'authenticated', value: 'identity' };
    failures += 1;
    if (failures >= lockAfter) locked = true;
    return { kind: 'refused' };
  };
  return { attempt, calls, isLocked: () => locked };
}

function clock() {
  let now = Date.UTC(2026, 10, 26, 5, 0, 0);
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('tryCredentialSets', () => {
  it('with 3 wrong sets before the right one, stops after 2 failures so a camera that locks on the 3rd never locks', async () => {
    const camera = fakeCamera(3);
    const ledger = new AttemptLedger(clock().now);
    const outcome = await tryCredentialSets({ camera: MAC, key: MAC, sets: [...WRONG, RIGHT], attempt: camera.attempt, ledger });
    expect(camera.isLocked()).toBe(false);
    expect(camera.calls).toEqual(['site default', 'Axis']);
    expect(outcome).toMatchObject({
      status: 'refused',
      tried: ['site default', 'Axis'],
      untried: ['old install', 'sticker'],
      attemptsLeft: 0,
    });
    expect(outcome.sentence).toBe(
      `Camera ${MAC} refused 2 credential sets; "old install", "sticker" were not tried so that it does not lock. Put the right set first, or try again in about 60 minutes.`,
    );
  });

  it('with the right set first needs one try; the preferred set (worked last time) jumps the queue', async () => {
    const camera = fakeCamera();
    const ledger = new AttemptLedger(clock().now);
    const first = await tryCredentialSets({ camera: MAC, key: MAC, sets: [RIGHT, ...WRONG], attempt: camera.attempt, ledger });
    expect(first).toMatchObject({ status: 'authenticated', setName: 'sticker', value: 'identity', tried: ['sticker'] });
    expect(first.sentence).toBe(`Camera ${MAC} accepted credential set "sticker".`);
    const again = await tryCredentialSets({
      camera: MAC,
      key: MAC,
      sets: [...WRONG, RIGHT],
      attempt: camera.attempt,
      ledger,
      preferred: 'sticker',
    });
    expect(again.tried).toEqual(['sticker']);
  });

  it('reaches a right set in third place only when the policy allows a third failure (cameras known to lock later)', async () => {
    const sets = [WRONG[0]!, WRONG[1]!, RIGHT];
    const strict = await tryCredentialSets({
      camera: MAC,
      key: MAC,
      sets,
      attempt: fakeCamera(3).attempt,
      ledger: new AttemptLedger(clock().now),
    });
    expect(strict).toMatchObject({ status: 'refused', untried: ['sticker'] });
    const camera = fakeCamera(5);
    const lenient = await tryCredentialSets({
      camera: MAC,
      key: MAC,
      sets,
      attempt: camera.attempt,
      ledger: new AttemptLedger(clock().now),
      policy: { maxFailuresPerWindow: 3 },
    });
    expect(lenient.status).toBe('authenticated');
    expect(lenient.sentence).toBe(`Camera ${MAC} accepted credential set "sticker" after 2 refused sets.`);
    expect(camera.isLocked()).toBe(false);
  });

  it('remembers the hour: a second run is not tried, and the budget comes back as the window slides', async () => {
    const time = clock();
    const camera = fakeCamera(3);
    const ledger = new AttemptLedger(time.now);
    const run = () => tryCredentialSets({ camera: MAC, key: MAC, sets: [...WRONG, RIGHT], attempt: camera.attempt, ledger });
    await run();
    time.advance(20 * 60_000);
    const second = await run();
    expect(second.status).toBe('not-tried');
    expect(second.sentence).toMatch(/was not tried: .* try again in about 40 minutes\.$/);
    expect(camera.calls).toHaveLength(2);
    time.advance(41 * 60_000);
    const third = await run();
    expect(third.tried).toEqual(['site default', 'Axis']);
    expect(camera.calls).toHaveLength(4);
  });

  it('refuses-all sentence counts what is left this hour', async () => {
    const camera = fakeCamera(10);
    const outcome = await tryCredentialSets({
      camera: MAC,
      key: MAC,
      sets: WRONG,
      attempt: camera.attempt,
      ledger: new AttemptLedger(clock().now),
      policy: { maxFailuresPerWindow: 3 },
    });
    expect(outcome.sentence).toBe(
      `Camera ${MAC} refused all 3 credential sets; 0 attempts left this hour before it may lock. Check the password on the camera or add the right set.`,
    );
  });

  it('stops at the first lock signal and says what to do', async () => {
    const camera = fakeCamera(1);
    const outcome = await tryCredentialSets({
      camera: MAC,
      key: MAC,
      sets: [WRONG[0]!, RIGHT, WRONG[1]!],
      attempt: camera.attempt,
      ledger: new AttemptLedger(clock().now),
    });
    expect(outcome).toMatchObject({ status: 'locked', setName: 'sticker', tried: ['site default', 'sticker'] });
    expect(outcome.sentence).toMatch(/is locked after too many login attempts .* Wait for it to unlock/);
  });

  it('an unreachable camera stops the run; triesPerSet retries only after "unreachable"', async () => {
    let calls = 0;
    const flaky = async (): Promise<TryOutcome<string>> =>
      ++calls === 1 ? { kind: 'unreachable', message: 'timeout.' } : { kind: 'authenticated', value: 'ok' };
    const once = await tryCredentialSets({ camera: MAC, key: MAC, sets: [RIGHT], attempt: flaky, ledger: new AttemptLedger(clock().now) });
    expect(once.status).toBe('unreachable');
    calls = 0;
    const twice = await tryCredentialSets({
      camera: MAC,
      key: MAC,
      sets: [RIGHT],
      attempt: flaky,
      ledger: new AttemptLedger(clock().now),
      policy: { triesPerSet: 2 },
    });
    expect(twice.status).toBe('authenticated');
  });

  it('never puts a user name or password in a sentence', async () => {
    const camera = fakeCamera(1);
    const sets = [set('a', 'hunter2-secret'), RIGHT];
    const outcomes = [
      await tryCredentialSets({ camera: MAC, key: MAC, sets, attempt: camera.attempt, ledger: new AttemptLedger(clock().now) }),
      await tryCredentialSets({ camera: MAC, key: 'other', sets: [], attempt: camera.attempt, ledger: new AttemptLedger(clock().now) }),
    ];
    for (const o of outcomes) expect(JSON.stringify(o)).not.toMatch(/hunter2|admin/);
  });
});

describe('tryCredentialSets against the ONVIF simulator (lockout after 3 failures)', () => {
  let camera: OnvifFixture | null = null;
  afterEach(async () => {
    await camera?.close();
    camera = null;
  });

  it.each(['ws-security', 'digest-md5'] as const)(
    '[3 wrong + right] never locks a %s camera; [right first] identifies it',
    async (auth) => {
      const time = clock();
      camera = await startOnvifCamera({ auth, lockout: { afterFailures: 3, forMs: 30 * 60_000 }, now: time.now });
      const fixture = camera;
      const read = await fixture.client.readClock();
      if (!read.ok) throw new Error(read.failure.message);
      const cameraClock: CameraClock = read.value;
      const ledger = new AttemptLedger(time.now);
      const wrongs = WRONG.map((s) => ({ ...s, username: USER }));
      const right = { name: 'sticker', username: USER, password: PASSWORD };
      const attempt = async (s: CredentialSet) => outcomeOf(await fixture.client.identify(s, cameraClock));

      const first = await tryCredentialSets({ camera: MAC, key: MAC, sets: [...wrongs, right], attempt, ledger });
      expect(first.status).toBe('refused');
      expect(fixture.device.state).toMatchObject({ failures: 2, lockouts: 0 });
      expect(fixture.device.isLocked()).toBe(false);

      const second = await tryCredentialSets({ camera: MAC, key: `${MAC}-fresh-ledger`, sets: [right, ...wrongs], attempt, ledger });
      expect(second.status).toBe('authenticated');
      expect(second.value?.info.serial).toBe('404754734012345678');
      expect(fixture.device.state.lockouts).toBe(0);
    },
  );
});

describe('successes do not use up the budget', () => {
  it('a healthy camera can be identified again and again within the hour', async () => {
    const camera = fakeCamera(3);
    const ledger = new AttemptLedger(clock().now);
    for (let i = 0; i < 5; i++) {
      const outcome = await tryCredentialSets({ camera: MAC, key: MAC, sets: [RIGHT], attempt: camera.attempt, ledger });
      expect(outcome.status).toBe('authenticated');
    }
  });
});

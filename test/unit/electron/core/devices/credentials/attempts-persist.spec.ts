/**
 * The lockout ledger outlives the process: a technician who runs `identify` twice within the hour must not spend
 * the try that locks the camera. Two ledgers over one store stand for two CLI runs over one data folder.
 */
import { describe, expect, it } from 'vitest';
import { AttemptLedger, tryCredentialSets, type AttemptLedgerStore } from '../../../../../../electron/core/devices/credentials/attempts.js';

const sets = ['wrong 1', 'wrong 2', 'wrong 3', 'right'].map((name) => ({ name, username: 'admin', password: `pw-${name}` }));

function fileLike(): AttemptLedgerStore & { text: string } {
  const store = {
    text: '',
    load: () => (store.text ? (JSON.parse(store.text) as unknown) : undefined),
    save: (data: unknown) => void (store.text = JSON.stringify(data)),
  };
  return store;
}

/** One identify run against a camera that refuses everything but `right` and locks on its 3rd failure. */
async function run(ledger: AttemptLedger, camera: { failures: number; locked: boolean }) {
  return tryCredentialSets({
    camera: '00:40:8c:00:00:01',
    key: '198.18.1.1',
    sets,
    ledger,
    attempt: async (set) => {
      if (camera.locked) return { kind: 'locked' as const, message: 'locked' };
      if (set.name === 'right') return { kind: 'authenticated' as const, value: true };
      camera.failures++;
      if (camera.failures >= 3) camera.locked = true;
      return { kind: 'refused' as const };
    },
  });
}

describe('AttemptLedger with a store', () => {
  it('a second run in a new process sees the first run’s failures and does not lock the camera', async () => {
    const store = fileLike();
    let now = Date.parse('2026-11-26T10:00:00Z');
    const camera = { failures: 0, locked: false };
    const first = await run(new AttemptLedger(() => now, store), camera);
    expect(first.status).toBe('refused');
    expect(camera.failures).toBe(2);
    now += 5 * 60_000;
    const second = await run(new AttemptLedger(() => now, store), camera);
    expect(second.status).toBe('not-tried');
    expect(camera).toEqual({ failures: 2, locked: false });
    expect(store.text).not.toContain('pw-');
    now += 61 * 60_000; // the window has passed: tries are allowed again
    const third = await run(new AttemptLedger(() => now, store), camera);
    expect(third.tried.length).toBeGreaterThan(0);
  });

  it('ignores a stored ledger that is not shaped like one', () => {
    for (const raw of ['x', 42, null, { k: 'x' }, { k: [{ at: 'soon', failed: 1 }] }, { ['__proto__']: [] }]) {
      const ledger = new AttemptLedger(() => 0, { load: () => raw, save: () => undefined });
      expect(ledger.recent('k', 3_600_000)).toEqual([]);
    }
  });
});

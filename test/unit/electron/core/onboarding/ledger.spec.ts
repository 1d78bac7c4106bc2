import { describe, expect, it } from 'vitest';
import { LedgerWriter, replayLedger } from '../../../../../electron/core/onboarding/ledger.js';
import { KillableStore, describeJob } from './job-fixture.js';

const at = '2026-11-26T04:00:00.000Z';
const step = (status: 'started' | 'done' | 'failed', attempt = 1, stepName = 'write-token') =>
  JSON.stringify({ type: 'step', cameraId: 'CAM1', step: stepName, status, at, attempt, detail: `${status}.` });

describe('ledger replay', () => {
  it('rebuilds what is done, in flight and failed per camera and step', () => {
    const text = [
      JSON.stringify({ type: 'job-start', at, ...describeJob, cameras: [{ cameraId: 'CAM1', csvLine: 2 }] }),
      step('started', 1, 'find-or-create-channel'),
      step('done', 1, 'find-or-create-channel'),
      step('started', 1, 'provisioning-record'),
      step('failed', 1, 'provisioning-record'),
      step('started'),
      '',
    ].join('\n');
    const replay = replayLedger(text);
    expect(replay.start?.jobId).toBe('job-1');
    expect(replay.start?.cameras).toEqual([{ cameraId: 'CAM1', csvLine: 2 }]);
    const steps = replay.steps.get('CAM1');
    expect(steps?.get('find-or-create-channel')?.status).toBe('done');
    expect(steps?.get('provisioning-record')?.status).toBe('failed');
    expect(steps?.get('write-token')?.status).toBe('started');
    expect(replay.skippedLines).toBe(0);
  });

  it('replays the start of a 5,000-camera job (its one line lists every camera)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ cameraId: `00408C${String(i).padStart(6, '0')}`, csvLine: i + 2 }));
    const replay = replayLedger(`${JSON.stringify({ type: 'job-start', at, ...describeJob, cameras: many })}\n`);
    expect(replay.skippedLines).toBe(0);
    expect(replay.start?.cameras).toHaveLength(5000);
  });

  it('ignores a torn last line left by kill -9 and a fragment in the middle', () => {
    const full = step('done');
    const text = `${step('started')}\n${full.slice(0, 20)}\n${full}\n${step('started', 2, 'confirm-online').slice(0, 30)}`;
    const replay = replayLedger(text);
    expect(replay.skippedLines).toBe(2);
    expect(replay.steps.get('CAM1')?.get('write-token')?.status).toBe('done');
    expect(replay.steps.get('CAM1')?.has('confirm-online')).toBe(false);
  });

  it('keeps done final even when an older attempt’s failure is recorded after it', () => {
    const replay = replayLedger([step('done', 2), step('failed', 1)].join('\n'));
    expect(replay.steps.get('CAM1')?.get('write-token')?.status).toBe('done');
  });

  it('skips lines that are not ledger entries (wrong shape, huge, prototype tricks)', () => {
    const text = [
      '{"type":"step"}',
      '[]',
      'null',
      `{"type":"job-end","at":"x","outcome":"finished","detail":"${'x'.repeat(1024 * 1024)}"}`,
      '{"__proto__":{"type":"step"}}',
    ].join('\n');
    const replay = replayLedger(text);
    expect(replay.skippedLines).toBe(5);
    expect(replay.steps.size).toBe(0);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('refuses a job-start whose settings snapshot carries a secret', () => {
    const writer = new LedgerWriter(new KillableStore());
    const start = { type: 'job-start' as const, at, ...describeJob, cameras: [] };
    expect(() => writer.write({ ...start, settings: { apiKey: 'k-123' } })).toThrow(/plaintext on disk/);
    expect(() => writer.write({ ...start, settings: { cloudPassword: 'x' } })).toThrow(/plaintext on disk/);
    expect(() => writer.write(start)).not.toThrow();
  });

  it('writes entries in order, one line each, and refuses an entry that is not a ledger entry', async () => {
    const store = new KillableStore();
    const writer = new LedgerWriter(store);
    await Promise.all([
      writer.write({ type: 'job-resume', at }),
      writer.write({ type: 'step', cameraId: 'CAM1', step: 'write-token', status: 'started', at, attempt: 1, detail: 'multi\nline' }),
    ]);
    expect(store.text.split('\n')).toHaveLength(3);
    expect(JSON.parse(store.text.split('\n')[0]!)).toEqual({ type: 'job-resume', at });
    expect(() => writer.write({ type: 'bogus' } as never)).toThrow();
  });
});

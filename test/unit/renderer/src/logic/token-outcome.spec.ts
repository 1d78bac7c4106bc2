/** How a token write reads to the technician: the status, where it failed, and the batch in one line. */
import { describe, expect, it } from 'vitest';
import type { TokenWriteResult } from '../../../../../shared/contract.js';
import { describeTokenOutcome, summariseTokenOutcomes } from '../../../../../renderer/src/logic/token-outcome.js';

const result = (overrides: Partial<TokenWriteResult>): TokenWriteResult => ({
  deviceId: 'd1',
  ok: true,
  status: 'written',
  failedStep: null,
  channelId: 5,
  writer: 'axis-vxg-agent',
  steps: [],
  message: 'Done.',
  ...overrides,
});

describe('token outcome', () => {
  it('names the failed step, and tells a refusal apart from a camera already holding the token', () => {
    expect(describeTokenOutcome(result({}))).toEqual({ label: 'Token written', tone: 'good' });
    expect(describeTokenOutcome(result({ status: 'unchanged' }))).toEqual({ label: 'Nothing changed', tone: 'same' });
    expect(describeTokenOutcome(result({ ok: false, status: 'unchanged', failedStep: 'check' }))).toEqual({
      label: 'Nothing changed (failed at: check the agent)',
      tone: 'bad',
    });
    expect(describeTokenOutcome(result({ ok: false, status: 'rollback-failed', failedStep: 'restart' })).label).toBe(
      'Rollback failed — check the camera (failed at: restart the agent)',
    );
  });

  it('summarises a batch by status, in a fixed order', () => {
    const batch = [
      result({ status: 'rolled-back', ok: false }),
      result({}),
      result({ status: 'rollback-failed', ok: false }),
      result({}),
      result({ status: 'unchanged', ok: false }),
    ];
    expect(summariseTokenOutcomes(batch)).toBe('5 cameras: 2 written · 1 unchanged · 1 rolled back · 1 rollback failed');
    expect(summariseTokenOutcomes([])).toBe('0 cameras: no answer');
  });
});

/** The token dialog's arguments: batch bounds, one camera for another channel or a pasted token, the codec's sentences. */
import { describe, expect, it } from 'vitest';
import { parseChannelId, pastedTokenProblem, rotateArgs, tokenWriteArgs } from '../../../../../renderer/src/logic/token-plan.js';

const b64 = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify(fields), 'utf8').toString('base64');
const ALL = b64({ camid: 5, access: 'all', token: 'inner-secret' });

describe('token write arguments', () => {
  it('sends each camera for its own channel, and refuses an empty or oversized batch', () => {
    expect(tokenWriteArgs(['a', 'b'], 'own', '', '')).toEqual({ args: { cameras: [{ deviceId: 'a' }, { deviceId: 'b' }] } });
    expect(tokenWriteArgs([], 'own', '', '')).toEqual({ problem: 'Select at least one camera in the table.' });
    const many = Array.from({ length: 501 }, (_, n) => `d${n}`);
    expect(tokenWriteArgs(many, 'own', '', '')).toEqual({ problem: 'Write tokens to at most 500 cameras at a time.' });
    expect(rotateArgs(many)).toEqual({ problem: 'Rotate at most 500 cameras at a time.' });
  });

  it('gives another channel or a pasted token to one camera only', () => {
    expect(tokenWriteArgs(['a', 'b'], 'channel', '7', '')).toHaveProperty('problem');
    expect(tokenWriteArgs(['a', 'b'], 'token', '', ALL)).toHaveProperty('problem');
    expect(tokenWriteArgs(['a'], 'channel', '7', '')).toEqual({ args: { cameras: [{ deviceId: 'a', channelId: 7 }] } });
    expect(tokenWriteArgs(['a'], 'token', '', ` ${ALL} `)).toEqual({ args: { cameras: [{ deviceId: 'a', token: ALL }] } });
  });

  it('reads a channel id only as a positive whole number', () => {
    expect(['0', '-3', '1e3', '7.0', '', 'x', '9'.repeat(16)].map(parseChannelId)).toEqual([null, null, null, null, null, null, null]);
    expect(parseChannelId(' 42 ')).toBe(42);
  });

  it('refuses watch, group and damaged tokens with the codec’s sentence, never echoing the token', () => {
    expect(pastedTokenProblem(b64({ camid: 5, access: 'watch', token: 'inner-secret' }))).toMatch(/watch/);
    expect(pastedTokenProblem(b64({ access: 'all', token: 'inner-secret' }))).toMatch(/group token/);
    const cut = pastedTokenProblem(ALL.slice(0, 21));
    expect(cut).not.toBeNull();
    expect(cut).not.toContain(ALL.slice(0, 21));
    expect(pastedTokenProblem(ALL)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { callWithRetry, DEFAULT_RETRY, retryAfterMs, type CallContext } from '../../../../../electron/core/cloud/call.js';
import type { HttpClient, HttpOutcome } from '../../../../../electron/platform/http.js';
import { InstantClock } from './cloud-fixture.js';

function context(outcomes: HttpOutcome[]): { ctx: CallContext; clock: InstantClock; calls: () => number } {
  let calls = 0;
  const http: HttpClient = { request: async () => outcomes[Math.min(calls++, outcomes.length - 1)]! };
  const clock = new InstantClock();
  return {
    ctx: { http, clock, service: 'the VXG admin API', secrets: [], timeoutMs: 100, retry: DEFAULT_RETRY, random: () => 1 },
    clock,
    calls: () => calls,
  };
}
const status = (code: number, headers: Record<string, string> = {}): HttpOutcome => ({
  ok: true,
  response: { status: code, headers, body: '' },
});

describe('cloud call retry rules', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(undefined, 0)).toBeNull();
  });

  it('backs off exponentially and caps a hostile Retry-After', async () => {
    const { ctx, clock } = context([status(503), status(503), status(429, { 'retry-after': '999999' }), status(200)]);
    expect(await callWithRetry(ctx, { method: 'GET', url: 'http://x/' })).toMatchObject({ ok: true });
    expect(clock.delays).toEqual([500, 1000, DEFAULT_RETRY.maxRetryAfterMs]);
  });

  it('gives up after the configured attempts with a sentence', async () => {
    const { ctx, calls } = context([status(429)]);
    const result = await callWithRetry(ctx, { method: 'DELETE', url: 'http://x/' });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'rate-limited', message: expect.stringMatching(/after 6 attempts; wait a few minutes/) },
    });
    expect(calls()).toBe(6);
  });

  it('does not repeat a POST after a timeout or a 5xx, but does after 429', async () => {
    const timedOut = context([{ ok: false, kind: 'timeout', message: 'x did not answer within 0 s.' }]);
    expect(await callWithRetry(timedOut.ctx, { method: 'POST', url: 'http://x/' })).toMatchObject({
      ok: false,
      failure: { kind: 'timeout' },
    });
    expect(timedOut.calls()).toBe(1);
    const failed = context([status(502), status(200)]);
    expect(await callWithRetry(failed.ctx, { method: 'POST', url: 'http://x/' })).toMatchObject({ ok: true, value: { status: 502 } });
    const limited = context([status(429), status(201)]);
    expect(await callWithRetry(limited.ctx, { method: 'POST', url: 'http://x/' })).toMatchObject({ ok: true, value: { status: 201 } });
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/dispatch.js';
import { fakeHandlers } from '../../support/fake-handlers.js';

describe('dispatch (the gate every front door passes)', () => {
  it('calls the handler with parsed arguments', async () => {
    const h = fakeHandlers({ 'scan.start': { scanId: 's1' } });
    const r = await dispatch(h, 'scan.start', { timeoutMs: 1500, interfaces: ['eth0'] });
    expect(r).toEqual({ ok: true, value: { scanId: 's1' } });
    expect(h['scan.start']).toHaveBeenCalledWith({ timeoutMs: 1500, interfaces: ['eth0'] });
  });

  it.each([
    ['a timeout that is not a number', { timeoutMs: '1500' }],
    ['a timeout below the minimum', { timeoutMs: 10 }],
    ['an unknown argument', { timeoutMs: 1000, evil: true }],
    ['an interface list that is not strings', { interfaces: [1, 2] }],
    ['arguments that are not an object', 'scan everything'],
  ])('refuses %s without calling the handler', async (_why, args) => {
    const h = fakeHandlers();
    const r = await dispatch(h, 'scan.start', args);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('invalid-args');
    expect(h['scan.start']).not.toHaveBeenCalled();
  });

  const TOKEN = Buffer.from('{"camid": 7, "access": "all", "token": "share.secret-in-a-token"}').toString('base64');
  it.each([
    ['both a channel and a token', 'token.write', { cameras: [{ deviceId: 'd1', channelId: 7, token: TOKEN }] }],
    ['no camera', 'token.write', { cameras: [] }],
    ['more than 500 cameras', 'token.write', { cameras: Array.from({ length: 501 }, (_, i) => ({ deviceId: `d${i}` })) }],
    ['a token over 4096 characters', 'token.write', { cameras: [{ deviceId: 'd1', token: TOKEN.repeat(100) }] }],
    ['a channel that is not a positive whole number', 'token.write', { cameras: [{ deviceId: 'd1', channelId: -3 }] }],
    ['an unknown field next to a token', 'token.write', { cameras: [{ deviceId: 'd1', token: TOKEN, evil: 1 }] }],
    ['an unknown move method', 'cloud.move', { deviceId: 'd1', password: 'pw', method: 'reset' }],
    [
      'an unknown field in the old account',
      'cloud.move',
      { deviceId: 'd1', password: 'pw', method: 'clear-token', previous: { token: TOKEN } },
    ],
  ] as const)('refuses %s (token commands) without calling the handler or quoting the token', async (_why, name, args) => {
    const h = fakeHandlers();
    const r = await dispatch(h, name, args);
    expect(r).toMatchObject({ ok: false, code: 'invalid-args' });
    if (!r.ok) expect(r.message).not.toContain('secret-in-a-token');
    if (!r.ok) expect(r.message).not.toContain(TOKEN.slice(0, 40));
    expect(h[name]).not.toHaveBeenCalled();
  });

  it.each([['__proto__'], ['constructor'], ['scan.delete'], [42], [null]])('refuses the unknown command %s', async (name) => {
    const h = fakeHandlers();
    const r = await dispatch(h, name, {});
    expect(r).toMatchObject({ ok: false, code: 'unknown-command' });
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error result instead of crashing the transport', async () => {
    const h = fakeHandlers();
    h['devices.list'] = async () => {
      throw new Error('disk on fire');
    };
    expect(await dispatch(h, 'devices.list', {})).toEqual({ ok: false, code: 'internal', message: 'devices.list failed: disk on fire' });
  });
});

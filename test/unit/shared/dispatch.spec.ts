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

import { describe, expect, it } from 'vitest';
import { encodeFrame, eventFrame, readFrameId, responseFrame, responseFrameSchema, utf8Length } from '../../../shared/wire.js';
import { fail, ok } from '../../../shared/result.js';

describe('wire frames', () => {
  it('encodes typed frames that the renderer parses back', () => {
    const text = encodeFrame(responseFrame(4, ok({ scanId: 's' })));
    expect(responseFrameSchema.parse(JSON.parse(text ?? ''))).toEqual({ id: 4, result: { ok: true, value: { scanId: 's' } } });
    expect(JSON.parse(encodeFrame(eventFrame('device-merged', { id: 'a', into: 'b' })) ?? '')).toEqual({
      event: 'device-merged',
      payload: { id: 'a', into: 'b' },
    });
  });

  it('refuses, rather than throws, a frame over the byte limit or one JSON cannot produce', () => {
    expect(encodeFrame(responseFrame(1, fail('internal', 'é'.repeat(600))), 1000)).toBeNull(); // 1200 bytes, 600 chars
    expect(encodeFrame(responseFrame(1, fail('internal', 'é'.repeat(400))), 1000)).not.toBeNull();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(encodeFrame(responseFrame(1, ok(cyclic as never)))).toBeNull();
  });

  it('counts UTF-8 bytes like the encoder', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀é€', '\ud800x', '\ud800é', 'x\udc00', '\ud800'])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  });

  it('reads an id only when it is one the client could have sent', () => {
    expect(readFrameId({ id: 3 })).toBe(3);
    for (const v of [{ id: -1 }, { id: 1.5 }, { id: '3' }, { id: 2 ** 60 }, null, [], 'x']) expect(readFrameId(v)).toBeNull();
  });

  it('reads an error code from a newer server as internal instead of dropping the answer', () => {
    expect(responseFrameSchema.parse({ id: 1, result: { ok: false, code: 'quota-exceeded', message: 'm' } }).result).toEqual({
      ok: false,
      code: 'internal',
      message: 'm',
    });
  });
});

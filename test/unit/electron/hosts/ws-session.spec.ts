/** Flow control of one browser-mode client, driven through a fake socket so the buffer sizes are exact. */
import { describe, expect, it, vi } from 'vitest';
import { serveSession, type SessionLimits, type SessionSocket } from '../../../../electron/hosts/ws-session.js';
import type { CommandResult } from '../../../../shared/contract.js';
import { ok, type Result } from '../../../../shared/result.js';
import { fakeCore } from '../../../support/fake-handlers.js';

const limits: SessionLimits = { softBufferBytes: 1000, hardBufferBytes: 5000, maxInFlight: 3, maxFrameBytes: 100_000 };

function fakeSocket() {
  const listeners: Record<string, ((...a: never[]) => void)[]> = {};
  const sent: unknown[] = [];
  const flushed: (() => void)[] = [];
  const socket = {
    readyState: 1,
    OPEN: 1,
    bufferedAmount: 0,
    send: vi.fn((data: string, done?: () => void) => {
      sent.push(JSON.parse(data));
      if (done) flushed.push(done);
    }),
    pause: vi.fn(),
    resume: vi.fn(),
    terminate: vi.fn(() => void (socket.readyState = 3)),
    on: (event: string, listener: (...a: never[]) => void) => void (listeners[event] ??= []).push(listener),
  };
  const receive = (text: string) => listeners.message?.forEach((l) => (l as (d: unknown, b: boolean) => void)(Buffer.from(text), false));
  /** Pretend the OS took everything queued: buffer empty, send callbacks run. */
  const drain = () => {
    socket.bufferedAmount = 0;
    flushed.splice(0).forEach((f) => f());
  };
  return { socket: socket satisfies SessionSocket, sent, receive, drain };
}

const request = (id: number, command = 'scan.status') => JSON.stringify({ id, command, args: {} });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('browser-mode session flow control', () => {
  it('stops reading a client that does not read its answers, and reads again once they drained', async () => {
    const { core } = fakeCore();
    const { socket, receive, drain } = fakeSocket();
    serveSession(socket, { core, warn: () => undefined, limits });
    socket.bufferedAmount = 1500; // the client stopped reading: answers pile up past the soft bound
    receive(request(1));
    await tick();
    expect(socket.pause).toHaveBeenCalledTimes(1);
    expect(socket.resume).not.toHaveBeenCalled();
    drain();
    expect(socket.resume).toHaveBeenCalledTimes(1);
  });

  it('drops a client whose unread answers pass the hard bound', async () => {
    const { core, hub } = fakeCore();
    const warn = vi.fn();
    const { socket } = fakeSocket();
    serveSession(socket, { core, warn, limits });
    socket.bufferedAmount = 6000;
    hub.emit('scan-progress', { scanId: 's', elapsedMs: 1, totalMs: 2, found: 0 });
    expect(socket.terminate).toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('dropped a browser-mode client that stopped reading its answers', expect.anything());
  });

  it('holds at most maxInFlight requests in the core: pauses reading, answers extras busy, resumes as answers go out', async () => {
    const { core } = fakeCore();
    const release: (() => void)[] = [];
    core['scan.status'] = vi.fn(
      () => new Promise<Result<CommandResult<'scan.status'>>>((resolve) => release.push(() => resolve(ok({ running: false, last: null })))),
    );
    const { socket, sent, receive } = fakeSocket();
    serveSession(socket, { core, warn: () => undefined, limits });
    for (let id = 1; id <= 4; id++) receive(request(id));
    await tick();
    expect(core['scan.status']).toHaveBeenCalledTimes(3);
    expect(socket.pause).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ id: 4, result: expect.objectContaining({ ok: false, code: 'busy' }) }]);
    release.shift()?.();
    await tick();
    expect(socket.resume).toHaveBeenCalledTimes(1);
    expect(sent).toContainEqual({ id: 1, result: { ok: true, value: { running: false, last: null } } });
  });

  it('answers an inventory too large for one frame with an error Result, never a RangeError', async () => {
    const { core } = fakeCore();
    // What JSON.stringify throws when the text would pass V8's string limit (~512 MiB), without allocating it.
    const huge = {
      toJSON: () => {
        throw new RangeError('Invalid string length');
      },
    };
    core['devices.list'] = async () => ok({ devices: [huge as never] });
    const { socket, sent, receive } = fakeSocket();
    serveSession(socket, { core, warn: () => undefined, limits });
    receive(request(1, 'devices.list'));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ id: 1, result: { ok: false, code: 'internal', message: expect.stringContaining('too large to send') } });
  });
});

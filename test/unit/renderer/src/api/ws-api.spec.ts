import { describe, expect, it, vi } from 'vitest';
import { createWsApi, LOST_CONNECTION_MESSAGE, type WebSocketLike } from '../../../../../renderer/src/api/ws-api.js';
import { makeDevice } from '../../../../support/devices.js';

class FakeSocket implements WebSocketLike {
  static last: FakeSocket | null = null;
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.serverClose();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  deliver(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  serverClose() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

function connect() {
  const api = createWsApi('ws://127.0.0.1:4000/ws?token=abc', FakeSocket);
  const socket = FakeSocket.last!;
  return { api, socket };
}

describe('createWsApi', () => {
  it('connects to the given URL and sends requests queued before the socket opened', async () => {
    const { api, socket } = connect();
    expect(socket.url).toBe('ws://127.0.0.1:4000/ws?token=abc');
    const answer = api['scan.start']({ interfaces: ['eth0'] });
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent).toEqual([{ id: 1, command: 'scan.start', args: { interfaces: ['eth0'] } }]);
    socket.deliver({ id: 1, result: { ok: true, value: { scanId: 's1' } } });
    await expect(answer).resolves.toEqual({ ok: true, value: { scanId: 's1' } });
  });

  it('matches answers to requests by id, whatever their order', async () => {
    const { api, socket } = connect();
    socket.open();
    const stop = api['scan.stop']({});
    const list = api['devices.list']({});
    socket.deliver({ id: 2, result: { ok: true, value: { devices: [makeDevice()] } } });
    socket.deliver({ id: 1, result: { ok: true, value: { stopped: false } } });
    await expect(stop).resolves.toEqual({ ok: true, value: { stopped: false } });
    const listed = await list;
    expect(listed.ok && listed.value.devices[0]?.mac).toBe('00:40:8c:12:34:56');
  });

  it('passes the core’s error sentence through unchanged', async () => {
    const { api, socket } = connect();
    socket.open();
    const answer = api['scan.start']({});
    socket.deliver({ id: 1, result: { ok: false, code: 'busy', message: 'A scan is already running; wait for it or press Stop.' } });
    await expect(answer).resolves.toEqual({ ok: false, code: 'busy', message: 'A scan is already running; wait for it or press Stop.' });
  });

  it('turns an answer that does not fit the contract into an error instead of bad data', async () => {
    const { api, socket } = connect();
    socket.open();
    const answer = api['devices.list']({});
    socket.deliver({ id: 1, result: { ok: true, value: { devices: [{ id: 7 }] } } });
    const result = await answer;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('internal');
  });

  it('delivers valid events to subscribers and stops after unsubscribe', () => {
    const { api, socket } = connect();
    socket.open();
    const seen: string[] = [];
    const off = api.on('device-found', ({ device }) => seen.push(device.id));
    socket.deliver({ event: 'device-found', payload: { device: makeDevice({ id: 'a' }) } });
    off();
    socket.deliver({ event: 'device-found', payload: { device: makeDevice({ id: 'b' }) } });
    expect(seen).toEqual(['a']);
  });

  it('drops garbage, unknown events and payloads that fail the contract', () => {
    const { api, socket } = connect();
    socket.open();
    const seen: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    api.on('scan-progress', (payload) => seen.push(payload));
    socket.deliver('not json {');
    socket.deliver({ event: 'scan-progress', payload: { scanId: 's1', elapsedMs: 'soon' } });
    socket.deliver({ event: 'rm -rf', payload: {} });
    socket.deliver({ id: 99, result: { ok: true, value: {} } });
    socket.onmessage?.({ data: new Uint8Array([1, 2, 3]) });
    socket.deliver({ event: 'scan-progress', payload: { scanId: 's1', elapsedMs: 100, totalMs: 5000, found: 2 } });
    expect(seen).toEqual([{ scanId: 's1', elapsedMs: 100, totalMs: 5000, found: 2 }]);
    expect(warn).toHaveBeenCalledTimes(4); // the stray answer to an unknown id is ignored silently
    warn.mockRestore();
  });

  it('fails pending and later calls with a reload sentence when the socket closes, and says so once', async () => {
    const { api, socket } = connect();
    socket.open();
    const told: string[] = [];
    api.onDisconnect((message) => told.push(message));
    const pending = api['scan.status']({});
    socket.serverClose();
    socket.serverClose();
    const lost = { ok: false, code: 'unavailable', message: LOST_CONNECTION_MESSAGE };
    await expect(pending).resolves.toEqual(lost);
    await expect(api['devices.list']({})).resolves.toEqual(lost);
    expect(told).toEqual([LOST_CONNECTION_MESSAGE]);
    expect(LOST_CONNECTION_MESSAGE).toBe('Lost connection to Camera Finder; open the link it printed again (it ends in ?token=…).');
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { api, socket } = connect();
    socket.open();
    const seen: string[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      api.on('device-merged', () => {
        throw new Error('boom');
      });
      api.on('device-merged', ({ id }) => seen.push(id));
      socket.deliver({ event: 'device-merged', payload: { id: 'x', into: 'y' } });
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(['x']);
  });
});

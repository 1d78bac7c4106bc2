import { describe, expect, it } from 'vitest';
import type { RemoteInfo } from '../../../../electron/platform/ports.js';
import { createUdpSocket } from '../../../../electron/platform/udp.js';

// Loopback unicast only: nothing here leaves the machine, and no multicast is sent.
describe('createUdpSocket', () => {
  it('binds an ephemeral port on 127.0.0.1 and delivers a unicast datagram with its sender', async () => {
    const a = createUdpSocket();
    const b = createUdpSocket();
    try {
      const bound = await a.bind(0, '127.0.0.1');
      const from = await b.bind(0, '127.0.0.1');
      expect(bound.address).toBe('127.0.0.1');
      expect(bound.port).toBeGreaterThan(0);
      const received = new Promise<[string, RemoteInfo]>((resolve) => a.onMessage((data, info) => resolve([data.toString('utf8'), info])));
      await b.send(new TextEncoder().encode('hello'), bound.port, '127.0.0.1');
      const [text, info] = await received;
      expect(text).toBe('hello');
      expect(info).toEqual({ address: '127.0.0.1', port: from.port, size: 5 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('rejects bind on an address this host does not have, without an unhandled error event', async () => {
    const socket = createUdpSocket();
    const errors: Error[] = [];
    socket.onError((error) => errors.push(error));
    await expect(socket.bind(0, '192.0.2.1')).rejects.toThrow(/EADDRNOTAVAIL|EINVAL/);
    expect(errors).toEqual([]);
    await socket.close();
  });

  it('rejects a send after close and closes twice without throwing', async () => {
    const socket = createUdpSocket();
    await socket.bind(0, '127.0.0.1');
    await socket.close();
    await expect(socket.send(new Uint8Array([1]), 9, '127.0.0.1')).rejects.toThrow();
    await expect(socket.close()).resolves.toBeUndefined();
  });

  it('closes a socket that was never bound', async () => {
    await expect(createUdpSocket().close()).resolves.toBeUndefined();
  });

  it('routes a throwing message listener to onError instead of crashing the process', async () => {
    const a = createUdpSocket();
    const b = createUdpSocket();
    try {
      const { port } = await a.bind(0, '127.0.0.1');
      await b.bind(0, '127.0.0.1');
      const failed = new Promise<Error>((resolve) => a.onError(resolve));
      a.onMessage(() => {
        throw new Error('listener bug');
      });
      await b.send(new Uint8Array([1]), port, '127.0.0.1');
      expect((await failed).message).toBe('listener bug');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps other error listeners and the process alive when one error listener throws', async () => {
    const a = createUdpSocket();
    const b = createUdpSocket();
    try {
      const { port } = await a.bind(0, '127.0.0.1');
      await b.bind(0, '127.0.0.1');
      a.onError(() => {
        throw new Error('error listener bug');
      });
      const second = new Promise<Error>((resolve) => a.onError(resolve));
      a.onMessage(() => {
        throw new Error('listener bug');
      });
      await b.send(new Uint8Array([1]), port, '127.0.0.1');
      expect((await second).message).toBe('listener bug');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('shares a port between two reuseAddr sockets, as the WS-Discovery listener needs', async () => {
    const a = createUdpSocket({ reuseAddr: true });
    const b = createUdpSocket({ reuseAddr: true });
    try {
      const { port } = await a.bind(0, '127.0.0.1');
      await expect(b.bind(port, '127.0.0.1')).resolves.toEqual({ address: '127.0.0.1', port });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

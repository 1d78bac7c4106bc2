/**
 * node:dgram behind the UdpSocket port. Sources never see dgram, so tests can hand them fakes.
 * Hazard: an 'error' event on a dgram socket with no listener crashes the process (agsh/onvif#189), so this
 * adapter always listens and routes errors to onError listeners or to the pending bind/send promise.
 */
import dgram from 'node:dgram';
import type { RemoteInfo, UdpSocket, UdpSocketFactory } from './ports.js';

type Listener<T extends unknown[]> = (...args: T) => void;

/** Opens one UDP socket (IPv4 unless asked for udp6); nothing is bound until bind() is called. */
export const createUdpSocket: UdpSocketFactory = (options = {}) => {
  const socket = dgram.createSocket({ type: options.type ?? 'udp4', reuseAddr: options.reuseAddr ?? false });
  const errorListeners: Listener<[Error]>[] = [];
  let pendingBind: ((error: Error) => void) | null = null;
  let closed = false;

  const emitError = (error: Error): void => {
    for (const listener of errorListeners) {
      try {
        listener(error);
      } catch {
        // An error listener that throws must not turn into an uncaught exception.
      }
    }
  };

  socket.on('error', (error) => {
    if (pendingBind) {
      const reject = pendingBind;
      pendingBind = null;
      reject(error);
      return;
    }
    emitError(error);
  });

  const udp: UdpSocket = {
    bind: (port, address) =>
      new Promise((resolve, reject) => {
        pendingBind = reject;
        try {
          socket.bind({ port, address }, () => {
            pendingBind = null;
            const bound = socket.address();
            resolve({ address: bound.address, port: bound.port });
          });
        } catch (error) {
          pendingBind = null;
          reject(asError(error));
        }
      }),
    send: (data, port, address) =>
      new Promise((resolve, reject) => {
        try {
          socket.send(data, port, address, (error) => (error ? reject(error) : resolve()));
        } catch (error) {
          reject(asError(error));
        }
      }),
    // The multicast setters throw synchronously (e.g. EADDRNOTAVAIL for an address that left the host);
    // callers handle that per interface.
    addMembership: (group, interfaceAddress) => socket.addMembership(group, interfaceAddress),
    dropMembership: (group, interfaceAddress) => socket.dropMembership(group, interfaceAddress),
    setMulticastInterface: (interfaceAddress) => socket.setMulticastInterface(interfaceAddress),
    setMulticastTTL: (ttl) => {
      socket.setMulticastTTL(ttl);
    },
    setMulticastLoopback: (on) => {
      socket.setMulticastLoopback(on);
    },
    setRecvBufferSize: (bytes) => {
      socket.setRecvBufferSize(bytes);
    },
    onMessage: (listener) => {
      socket.on('message', (data: Buffer, from: dgram.RemoteInfo) => {
        const info: RemoteInfo = { address: from.address, port: from.port, size: from.size };
        try {
          listener(data, info);
        } catch (error) {
          emitError(asError(error));
        }
      });
    },
    onError: (listener) => {
      errorListeners.push(listener);
    },
    close: () =>
      new Promise((resolve) => {
        if (closed) return resolve();
        closed = true;
        try {
          socket.close(() => resolve());
        } catch {
          resolve(); // never bound or already closed: nothing left to release
        }
      }),
  };
  return udp;
};

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

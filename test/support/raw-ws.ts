/**
 * A hand-rolled WebSocket client over a raw TCP socket, for tests that must send what a well-behaved
 * client library refuses to: malformed requests, unmasked or oversized frames, reserved opcodes.
 * Loopback only; no discovery traffic.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** Send raw bytes, resolve with the first response line (e.g. `HTTP/1.1 400 Bad Request`), or '' if closed first. */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (got.includes('\r\n')) {
        resolve(got.split('\r\n')[0] ?? '');
        socket.destroy();
      }
    });
    socket.on('error', () => resolve(got.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(got.split('\r\n')[0] ?? ''));
  });
}

export const upgradeRequest = (port: number, path: string, headers: Record<string, string> = {}) =>
  [
    `GET ${path} HTTP/1.1`,
    ...Object.entries({
      host: `127.0.0.1:${port}`,
      upgrade: 'websocket',
      connection: 'Upgrade',
      'sec-websocket-key': randomBytes(16).toString('base64'),
      'sec-websocket-version': '13',
      ...headers,
    }).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');

/** Open a WebSocket by hand; resolves with the socket once the server answered 101. */
export function rawWebSocket(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(upgradeRequest(port, `/ws?token=${token}`)));
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(head.split('\r\n')[0]));
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
  });
}

export interface FrameSpec {
  opcode?: number;
  payload?: Buffer;
  masked?: boolean;
  rsv1?: boolean;
  /** Claim this payload length in the header instead of the real one (to announce an oversized frame). */
  claimedLength?: number;
}

/** One WebSocket frame, client-to-server (masked unless told otherwise). */
export function frame({ opcode = 1, payload = Buffer.alloc(0), masked = true, rsv1 = false, claimedLength }: FrameSpec): Buffer {
  const length = claimedLength ?? payload.length;
  const head = [0x80 | (rsv1 ? 0x40 : 0) | opcode];
  const mask = masked ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126) head.push(mask | length);
  else if (length < 65536) {
    head.push(mask | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(length);
  } else {
    head.push(mask | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(length));
  }
  const key = masked ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload.map((b, i) => (masked ? b ^ (key[i % 4] ?? 0) : b)));
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}

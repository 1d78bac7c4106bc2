/**
 * Runs inside the technician namespace: a hostile web client for the browser-mode server, speaking raw TCP so it
 * can send what a browser or the `ws` package never would (bad request lines, forged Host, broken WebSocket frames,
 * a client that never reads). Usage: raw-client.ts <port> <token> <scenario>…; prints one JSON line per scenario.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

const [portText, token = '', ...scenarios] = process.argv.slice(2);
const port = Number(portText);
const host = `127.0.0.1:${port}`;
const out = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n');

const upgradeHeaders = (hostHeader = host) =>
  `Host: ${hostHeader}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n`;

/** One frame; `mask` false makes a client frame the RFC forbids, `declaredLength` lies about the payload. */
function frame(first: number, payload: Buffer, opts: { mask?: boolean; declaredLength?: number } = {}): Buffer {
  const mask = opts.mask ?? true;
  const len = opts.declaredLength ?? payload.length;
  const head: number[] = [first];
  const m = mask ? 0x80 : 0;
  if (len < 126) head.push(m | len);
  else if (len < 65536) head.push(m | 126, len >> 8, len & 0xff);
  else {
    head.push(m | 127);
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(BigInt(len));
    head.push(...b);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), key, body]);
}

const text = (s: string) => frame(0x81, Buffer.from(s, 'utf8'));

/** Sends `data`, collects what comes back until the server closes or `waitMs` passes. */
function exchange(data: Buffer | string, waitMs = 1500): Promise<{ status: string | null; closedByServer: boolean; bytes: number }> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    let got = Buffer.alloc(0);
    let closed = false;
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      const head = got.toString('latin1');
      resolve({ status: head.length ? (head.split('\r\n')[0] ?? null) : null, closedByServer: closed, bytes: got.length });
    };
    const timer = setTimeout(done, waitMs);
    sock.on('data', (d) => (got = Buffer.concat([got, d]).subarray(0, 65536)));
    sock.on('end', () => {
      closed = true;
      done();
    });
    sock.on('close', () => {
      closed = true;
      done();
    });
    sock.on('error', () => undefined);
    sock.write(data);
  });
}

/** Opens an authenticated WebSocket by hand, then sends `frames`; reports the close. */
async function wsThen(frames: Buffer[], waitMs = 2000) {
  const hs = `GET /ws?token=${token} HTTP/1.1\r\n${upgradeHeaders()}\r\n`;
  return exchange(Buffer.concat([Buffer.from(hs, 'latin1'), ...frames]), waitMs);
}

/** A client that writes requests and never reads its socket: the server must not buffer replies without limit. */
function neverRead(seconds: number): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    sock.pause(); // never read a byte
    let written = 0;
    let closed = false;
    sock.on('error', () => undefined);
    sock.on('close', () => (closed = true));
    sock.write(`GET /ws?token=${token} HTTP/1.1\r\n${upgradeHeaders()}\r\n`);
    const one = text('{"id":1,"command":"scan.status","args":{}}');
    const batch = Buffer.concat(Array.from({ length: 1000 }, () => one));
    const end = Date.now() + seconds * 1000;
    const pump = () => {
      while (!closed && Date.now() < end && written < 400_000) {
        written += 1000;
        if (!sock.write(batch)) return void sock.once('drain', pump);
      }
      if (!closed && Date.now() < end && written < 400_000) return void setTimeout(pump, 10);
      const result = { written, closedByServer: closed };
      sock.destroy();
      resolve(result);
    };
    setTimeout(pump, 200);
    setTimeout(
      () => {
        if (!sock.destroyed) {
          const result = { written, closedByServer: closed, timedOut: true };
          sock.destroy();
          resolve(result);
        }
      },
      seconds * 1000 + 2000,
    );
  });
}

const SCENARIOS: Record<string, () => Promise<Record<string, unknown>>> = {
  'get-root': () => exchange(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
  'bad-url-upgrade': () => exchange(`GET //a:99999/ws HTTP/1.1\r\n${upgradeHeaders()}\r\n`),
  'bad-url-upgrade-2': () => exchange(`GET http://[zz/ws HTTP/1.1\r\n${upgradeHeaders()}\r\n`),
  'bad-url-upgrade-3': () => exchange(`GET /ws?token=%ZZ%E0%A4 HTTP/1.1\r\n${upgradeHeaders()}\r\n`),
  'bad-url-get': () => exchange(`GET //a:99999/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
  'bad-host-get': () => exchange(`GET / HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`),
  'bad-host-upgrade': () => exchange(`GET /ws?token=${token} HTTP/1.1\r\n${upgradeHeaders(`attacker.example:${port}`)}\r\n`),
  'ws-invalid-utf8': () => wsThen([frame(0x81, Buffer.from([0xff, 0xfe, 0xfd]))]),
  'ws-reserved-opcode': () => wsThen([frame(0x83, Buffer.from('x'))]),
  'ws-unmasked': () => wsThen([frame(0x81, Buffer.from('{"id":1}'), { mask: false })]),
  'ws-rsv1': () => wsThen([frame(0xc1, Buffer.from('{"id":1}'))]),
  'ws-close-999': () => wsThen([frame(0x88, Buffer.from([0x03, 0xe7]))]),
  'ws-oversize': () => wsThen([frame(0x82, Buffer.alloc(16), { declaredLength: 2 ** 40 })]),
  'ws-bad-json': () => wsThen([text('not json'), text('{"command":"devices.list"}'), text('{"id":7}')]),
  'never-read': () => neverRead(Number(process.env.NEVER_READ_SECONDS ?? 8)),
};

for (const name of scenarios) {
  const run = SCENARIOS[name];
  out(run ? { name, ...(await run()) } : { name, error: 'unknown scenario' });
}

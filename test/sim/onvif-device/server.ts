/**
 * Stand-alone HTTP server for one simulated ONVIF camera (and optionally its VAPIX subset on the same port,
 * as an Axis camera serves both). Binds only where it is told: unit tests 127.0.0.1, the lab an address
 * inside its namespace.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OnvifDevice, RawReply } from './device.js';

const MAX_BODY = 256 * 1024;

export interface RequestHandler {
  /** The reply for this request, or null when the path is not this handler's. */
  answer(req: IncomingMessage, body: string): RawReply | null;
}

export const onvifHandler = (device: OnvifDevice): RequestHandler => ({
  answer: (req, body) => (req.method === 'POST' && (req.url ?? '').split('?')[0] === device.path ? device.answer(req, body) : null),
});

export interface SimServer {
  /** http://host:port */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function send(res: ServerResponse, reply: RawReply): void {
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(reply.body);
}

/** One server answering every handler in order; 404 when none claims the path. */
export function startSimServer(options: { host: string; port?: number; handlers: RequestHandler[] }): Promise<SimServer> {
  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    void readBody(req).then((body) => {
      if (body === null) return;
      for (const handler of options.handlers) {
        const reply = handler.answer(req, body);
        if (reply) return send(res, reply);
      }
      send(res, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        host: options.host,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

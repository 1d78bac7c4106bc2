import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';

// Runs inside the target namespace: a byte pipe between stdin/stdout and a loopback port there.
const PIPE = (port: number): string =>
  `const s=require('net').connect(${port},'127.0.0.1');process.stdin.pipe(s);s.pipe(process.stdout);` +
  `s.on('error',()=>process.exit(1));s.on('close',()=>process.exit(0));`;

/**
 * Lets a browser in the root namespace reach 127.0.0.1:<port> inside `ns`. Listens on loopback only and carries
 * each connection through `ip netns exec <ns> node`, so no route or interface is added and nothing reaches a LAN.
 */
export function forwardLoopbackInto(ns: string, port: number): Promise<Server> {
  const server = createServer((socket) => {
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', PIPE(port)], { stdio: ['pipe', 'pipe', 'ignore'] });
    socket.pipe(child.stdin);
    child.stdout.pipe(socket);
    child.stdin.on('error', () => undefined);
    socket.on('error', () => child.kill());
    socket.on('close', () => child.kill());
    child.on('exit', () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

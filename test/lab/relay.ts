/**
 * Runs inside the technician namespace: connects to the app's browser-mode WebSocket and relays frames
 * between it and stdin/stdout as JSON lines, so a test in the root namespace can drive the real front door.
 * Usage: ip netns exec <tech> tsx test/lab/relay.ts <ws-url>
 */
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: relay.ts <ws-url>\n');
  process.exit(2);
}
// Optional second argument: extra headers as JSON (e.g. a foreign Origin, to prove it is refused).
const headers = JSON.parse(process.argv[3] ?? '{}') as Record<string, string>;
const ws = new WebSocket(url, { headers });
ws.on('open', () => process.stdout.write(JSON.stringify({ relay: 'open' }) + '\n'));
ws.on('message', (data) => process.stdout.write(String(data) + '\n'));
ws.on('close', (code) => {
  process.stdout.write(JSON.stringify({ relay: 'closed', code }) + '\n');
  process.exit(0);
});
ws.on('unexpected-response', (_req, res) => {
  process.stdout.write(JSON.stringify({ relay: 'refused', status: res.statusCode }) + '\n');
  process.exit(0);
});
ws.on('error', (error) => {
  process.stdout.write(JSON.stringify({ relay: 'error', message: error.message }) + '\n');
});
createInterface({ input: process.stdin }).on('line', (line) => ws.send(line));
process.stdin.on('end', () => ws.close());

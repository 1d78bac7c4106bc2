/**
 * Run the cloud simulator as a process (the lab starts it inside a namespace it created:
 * `ip netns exec <ns> npx tsx test/sim/cloud/main.ts --host 198.18.0.2 --port 8080`).
 * Secrets come from the environment so they stay out of process lists; prints one JSON line with the URL.
 */
import { createInterface } from 'node:readline';
import { startCloudSim } from './cloud-sim.js';
import type { FaultAction } from './faults.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const host = arg('host');
if (!host) {
  process.stderr.write('usage: main.ts --host <address> [--port N] [--latency-ms N] [--page-size N]\n');
  process.exit(2);
}
const sim = await startCloudSim({
  host,
  port: Number(arg('port') ?? 0),
  latencyMs: Number(arg('latency-ms') ?? 0),
  pageSize: Number(arg('page-size') ?? 1000),
  licenseKey: process.env['SIM_LICENSE_KEY'] ?? 'sim-license-key',
  provisioningUser: process.env['SIM_PROVISIONING_USER'] ?? 'sim-user',
  provisioningPassword: process.env['SIM_PROVISIONING_PASSWORD'] ?? 'sim-password',
});
process.stdout.write(`${JSON.stringify({ event: 'ready', url: sim.url })}\n`);

/**
 * Control over stdin, one JSON object a line (the lab test drives the simulator in its namespace this way):
 * {cmd:'state'} → channels (with tokens: the test greps the app's output for them), records, request counts;
 * {cmd:'fault', route, action, times}; {cmd:'clear'}; {cmd:'add-channel', name, meta};
 * {cmd:'add-record', serialId, password, channelId} (a provisioning record made earlier, with that channel's `all`
 * token). `state` also lists the camera connections (which token each camera connected with). Replies carry `re`.
 */
type Control =
  | { re: number; cmd: 'state' }
  | { re: number; cmd: 'fault'; route: string; action: FaultAction; times?: number }
  | { re: number; cmd: 'clear' }
  | { re: number; cmd: 'add-channel'; name: string; meta: Record<string, string> }
  | { re: number; cmd: 'add-record'; serialId: string; password: string; channelId: number };
const reply = (value: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  let c: Control;
  try {
    c = JSON.parse(line) as Control;
  } catch {
    return;
  }
  if (c.cmd === 'state') {
    reply({
      re: c.re,
      channels: [...sim.state.channels.values()],
      records: [...sim.state.records.values()],
      requests: Object.fromEntries(sim.state.requests),
      connections: sim.state.connections,
    });
  } else if (c.cmd === 'fault') {
    sim.faults.add(c.route, c.action, c.times ?? 1);
    reply({ re: c.re });
  } else if (c.cmd === 'clear') {
    sim.faults.clear();
    reply({ re: c.re });
  } else if (c.cmd === 'add-channel') {
    reply({ re: c.re, id: sim.state.addChannel(c.name, c.meta).id });
  } else if (c.cmd === 'add-record') {
    const channel = sim.state.channels.get(c.channelId);
    const serialId = String(c.serialId).toUpperCase();
    if (channel) {
      sim.state.records.set(serialId, {
        serialId,
        password: c.password,
        accessToken: channel.allToken,
        createdAt: new Date().toISOString(),
      });
    }
    reply({ re: c.re, ok: channel !== undefined });
  }
});
const stop = (): void => void sim.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

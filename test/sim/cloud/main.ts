/**
 * Run the cloud simulator as a process (the lab starts it inside a namespace it created:
 * `ip netns exec <ns> npx tsx test/sim/cloud/main.ts --host 198.18.0.2 --port 8080`).
 * Secrets come from the environment so they stay out of process lists; prints one JSON line with the URL.
 */
import { startCloudSim } from './cloud-sim.js';

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
const stop = (): void => void sim.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

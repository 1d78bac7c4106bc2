/**
 * Run the VXG gateway simulator as a process (the lab starts it inside a namespace it created, beside the cloud
 * simulator: `ip netns exec <ns> node gateway-sim.mjs --host 198.18.0.10 --port 8090 --cloud-url http://…:8080`).
 * The gateway's login comes from the environment (SIM_GATEWAY_USER / SIM_GATEWAY_PASSWORD) so it stays out of
 * process lists; after each restart the gateway connects every camera it carries to the cloud simulator with
 * that camera's token. Prints one JSON line with the URL; `{cmd:'state', re}` on stdin answers the gateway's
 * state (cameras with their tokens: the test compares them), `{cmd:'fault', route: 'add-camera'|'restart', times}`.
 */
import { createInterface } from 'node:readline';
import { cloudSimConnector } from '../vapix/agent-camera.js';
import { startGatewaySim } from './gateway-sim.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const host = arg('host');
const cloudUrl = arg('cloud-url');
if (!host) {
  process.stderr.write('usage: main.ts --host <address> [--port N] [--cloud-url URL]\n');
  process.exit(2);
}
const sim = await startGatewaySim({
  host,
  ...(arg('port') ? { port: Number(arg('port')) } : {}),
  username: process.env['SIM_GATEWAY_USER'] ?? 'admin',
  password: process.env['SIM_GATEWAY_PASSWORD'] ?? 'sim-gateway-password',
  ...(cloudUrl ? { connect: cloudSimConnector(cloudUrl, 'vxg-gateway') } : {}),
});
process.stdout.write(`${JSON.stringify({ event: 'ready', url: sim.url })}\n`);

type Control = { re: number; cmd: 'state' } | { re: number; cmd: 'fault'; route: 'add-camera' | 'restart'; times?: number };
const reply = (value: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  let c: Control;
  try {
    c = JSON.parse(line) as Control;
  } catch {
    return;
  }
  if (c.cmd === 'state') {
    void sim.idle().then(() =>
      reply({
        re: c.re,
        cameras: [...sim.state.cameras.values()],
        logins: sim.state.logins,
        failedLogins: sim.state.failedLogins,
        restarts: sim.state.restarts,
        connections: sim.state.connections,
      }),
    );
  } else if (c.cmd === 'fault') {
    const times = Math.max(0, Math.floor(c.times ?? 1));
    if (c.route === 'add-camera') sim.faults.addCamera = times;
    else sim.faults.restart = times;
    reply({ re: c.re });
  }
});
const stop = (): void => void sim.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

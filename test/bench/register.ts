/**
 * `npm run bench -- register --cameras 250 [--latency-ms 50]`: register + provision N cameras through the real
 * core (contract command `cloud.register`, real HTTP, 8 at a time) against the cloud simulator with a fixed
 * latency per call. Loopback only (127.0.0.1): no traffic leaves this machine. Target: 250 cameras ≤ 10 s.
 * Prints one JSON report and writes it to bench-results/. Nothing here asserts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createCore } from '../../electron/core/core.js';
import { createMemoryAuditLog } from '../../electron/platform/audit-log.js';
import { silentLogger } from '../../electron/platform/logger.js';
import { createNodePorts } from '../../electron/platform/node-ports.js';
import { createMemorySecretStore } from '../../electron/platform/secrets.js';
import { createMemorySettings } from '../../electron/platform/settings.js';
import { startCloudSim } from '../sim/cloud/cloud-sim.js';

export async function benchRegister(count: number, latencyMs: number): Promise<void> {
  const secrets = { licenseKey: 'bench-license-key', provisioningUser: 'bench', provisioningPassword: 'bench-provisioning' };
  const sim = await startCloudSim({ host: '127.0.0.1', latencyMs, ...secrets });
  const ports = createNodePorts(silentLogger, createMemorySettings(), createMemorySecretStore(), createMemoryAuditLog());
  // No discovery source: this core never opens a UDP socket.
  const core = createCore(ports, {
    sources: [],
    via: 'cli',
    env: {
      CAMERA_FINDER_CLOUD_API_URL: sim.url,
      CAMERA_FINDER_LICENSE_KEY: secrets.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${sim.url}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: secrets.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: secrets.provisioningPassword,
    },
  });
  const mac = (i: number) => `02:cf:be:${[i >> 16, (i >> 8) & 0xff, i & 0xff].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
  const cameras = Array.from({ length: count }, (_, i) => ({ mac: mac(i + 1), password: `pw-${i + 1}` }));
  try {
    const started = Date.now();
    const result = await core['cloud.register']({ cameras });
    const ms = Date.now() - started;
    if (!result.ok) throw new Error(result.message);
    const failures = result.value.results.filter((r) => !r.ok);
    const calls = [...sim.state.requests.values()].reduce((a, b) => a + b, 0);
    const report = {
      benchmark: 'register',
      at: new Date().toISOString(),
      cameras: count,
      latencyMsPerCall: latencyMs,
      ms,
      calls,
      callsByRoute: Object.fromEntries(sim.state.requests),
      failures: failures.length,
      firstFailure: failures[0]?.message ?? null,
      channels: sim.state.channels.size,
      records: sim.state.records.size,
      targetMs: 10_000,
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(`bench-results/register-${count}.json`, JSON.stringify(report, null, 2) + '\n');
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } finally {
    await core.close();
    await sim.close();
  }
}

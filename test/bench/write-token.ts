/**
 * `npm run bench -- write-token --cameras 250`: the forced token change on N Axis cameras with VXG Cloud Agent
 * through the real core (contract command `token.write`, real HTTP with Digest, default concurrency and online
 * check) — each camera holds an old channel's token and gets a new channel's: check, read, write, read-back,
 * restart, and the channel reported online by the cloud simulator. Cameras (ONVIF + VAPIX simulators) listen on
 * their own loopback IPs (127.9.x.y) and the cloud simulator on 127.0.0.1: no traffic leaves this machine.
 * Identification (the login that tells the writer which set works) runs first and is timed apart.
 * Target: 250 cameras ≤ 15 s. Prints one JSON report and writes it to bench-results/. Nothing here asserts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dispatch } from '../../shared/dispatch.js';
import { startTokenLab } from '../unit/electron/core/token-lab.js';

export async function benchWriteToken(count: number): Promise<void> {
  const setupStart = Date.now();
  // Default token options (16 at once, online check 250 ms → 2 s): what the app does, not a test's fast settings.
  const lab = await startTokenLab(
    Array.from({ length: count }, () => ({ cloudToken: (cloud) => cloud.state.addChannel('Old place', {}).allToken })),
    { core: { via: 'cli', tokens: {}, identify: { concurrency: 32 } } },
  );
  const setupMs = Date.now() - setupStart;
  try {
    const targets = lab.cameras.map((c) => ({ camera: c, channel: lab.cloud.state.addChannel(`New ${c.serial}`, {}) }));
    const connectionsBefore = lab.cloud.state.connections.length;
    const started = Date.now();
    const result = await dispatch(lab.core, 'token.write', {
      cameras: targets.map((t) => ({ deviceId: t.camera.deviceId, channelId: t.channel.id })),
    });
    const ms = Date.now() - started;
    if (!result.ok) throw new Error(result.message);
    const results = result.value.results;
    const devices = await lab.devices();
    const onCamera = targets.filter((t) => t.camera.agent.state.cloudToken === t.channel.allToken).length;
    const report = {
      benchmark: 'write-token',
      at: new Date().toISOString(),
      cameras: count,
      ms,
      targetMs: 15_000,
      written: results.filter((r) => r.ok && r.status === 'written').length,
      statuses: results.reduce<Record<string, number>>((a, r) => ({ ...a, [r.status]: (a[r.status] ?? 0) + 1 }), {}),
      tokenOnCamera: onCamera,
      channelsOnline: targets.filter((t) => t.channel.streaming).length,
      recordsOnline: targets.filter((t) => devices.get(t.camera.ip)?.cloud.state === 'online').length,
      agentRestarts: lab.cameras.reduce((a, c) => a + c.agent.state.restarts, 0),
      cloudConnections: lab.cloud.state.connections.length - connectionsBefore,
      provisioningPolls: lab.cloud.state.count('GET /v1/token') + lab.cloud.state.count('POST /v1/camera/get_token/'),
      vapixRequests: lab.cameras.reduce((a, c) => a + c.agent.state.requests, 0),
      refusedLogins: lab.cameras.reduce((a, c) => a + c.agent.state.failures, 0),
      firstProblem: results.find((r) => !r.ok)?.message ?? null,
      setupMsIncludingIdentify: setupMs,
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(`bench-results/write-token-${count}.json`, JSON.stringify(report, null, 2) + '\n');
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } finally {
    await lab.close();
  }
}

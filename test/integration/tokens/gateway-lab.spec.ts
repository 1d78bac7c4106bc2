/**
 * A token written through the site's VXG gateway, in the lab (issue #9 item 3): an Axis camera without VXG Cloud
 * Agent (so the Axis writer does not fit), the cloud simulator and the gateway simulator in the lab cloud
 * namespace (gateway on :8090, test/lab/gateway-in-lab.ts), and the real CLI (`write-token --ip … --credentials
 * FILE --json`, built) in the tech namespace with the gateway configured only through CAMERA_FINDER_GATEWAY_*.
 * It ends with the camera added to the gateway and its own channel online in the cloud simulator; a wrong gateway
 * password changes nothing. Every byte the CLI printed and the data folder are searched for the run's secrets.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenWriteResult } from '../../../shared/contract.js';
import { announceSkip } from '../../lab/can-run.js';
import { LAB_CLOUD_URL, startCloudInLab, type CloudInLab } from '../../lab/cloud-in-lab.js';
import { startGatewayInLab, type GatewayInLab } from '../../lab/gateway-in-lab.js';
import type { ExecResult } from '../../lab/ip.js';
import { createLab, type Lab } from '../../lab/lab.js';
import { AXIS_SET, agentCamera, cameraIdOf, stickerPassword } from '../../lab/token-cameras.js';

const skip = announceSkip('Token writing through a VXG gateway in the lab');
const SECRETS = { licenseKey: 'LK-gw-lab-71c2e0aa-licence', provisioningUser: 'cf-gw-backend', provisioningPassword: 'prov-gw-4b7e91' };
const GATEWAY = { username: 'gw-site-admin', password: 'Gw-lab-pass-6d2f81' };
const WRONG_GATEWAY_PASSWORD = 'Gw-lab-wrong-0c3a57';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function resultOf(run: ExecResult): TokenWriteResult {
  let out: unknown;
  try {
    out = JSON.parse(run.stdout);
  } catch {
    throw new Error(`write-token printed no JSON (exit ${run.code}): ${run.stdout.slice(0, 300)} ${run.stderr.slice(0, 600)}`);
  }
  const result = (out as { result?: unknown }).result;
  if (typeof result !== 'object' || result === null || !('status' in result))
    throw new Error(`write-token printed no result (exit ${run.code}): ${run.stdout.slice(0, 400)} ${run.stderr.slice(0, 400)}`);
  return result as TokenWriteResult;
}

describe.skipIf(skip)('Token writing through the VXG gateway (Axis camera without the agent, CLI in the tech namespace)', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  let gateway: GatewayInLab;
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-gw-lab-data-'));
  const credsDir = mkdtempSync(join(tmpdir(), 'cf-gw-lab-creds-'));
  const runs: ExecResult[] = [];
  const saved = { ...process.env };
  let credentials = '';

  const cam = () => lab.cameras.find((c) => c.id === 'gw')!;
  const writeToken = async (): Promise<ExecResult> => {
    const run = await lab.execInTech(
      'node',
      ['dist/electron/cli.js', 'write-token', '--ip', cam().ip, '--credentials', credentials, '--json'],
      {
        timeoutMs: 60_000,
      },
    );
    runs.push(run);
    return run;
  };

  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfgw', cameras: [agentCamera('gw', { agent: 'absent' })] });
    cloud = await startCloudInLab(lab, SECRETS);
    gateway = await startGatewayInLab(cloud, GATEWAY);
    // Inherited through `ip netns exec` by the CLI: cloud and gateway settings from the environment only.
    Object.assign(process.env, {
      CAMERA_FINDER_CLOUD_API_URL: LAB_CLOUD_URL,
      CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${LAB_CLOUD_URL}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
      CAMERA_FINDER_GATEWAY_URL: gateway.url,
      CAMERA_FINDER_GATEWAY_USER: GATEWAY.username,
      CAMERA_FINDER_GATEWAY_PASSWORD: GATEWAY.password,
      CAMERA_FINDER_DATA_DIR: dataDir,
    });
    credentials = join(credsDir, 'right.json');
    writeFileSync(credentials, JSON.stringify([AXIS_SET]), { mode: 0o600 });
    chmodSync(credentials, 0o600);
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await gateway?.stop();
    await cloud?.stop();
    await lab?.destroy();
  });

  it('a wrong gateway password: refused after one login, nothing added to the gateway, no channel left behind', async () => {
    process.env['CAMERA_FINDER_GATEWAY_PASSWORD'] = WRONG_GATEWAY_PASSWORD;
    try {
      const run = await writeToken();
      expect(run.code).not.toBe(0);
      expect(resultOf(run)).toMatchObject({ ok: false, status: 'unchanged', failedStep: 'check', writer: 'vxg-gateway' });
    } finally {
      process.env['CAMERA_FINDER_GATEWAY_PASSWORD'] = GATEWAY.password;
    }
    const state = await gateway.state();
    expect(state).toMatchObject({ logins: 0, failedLogins: 1, restarts: 0, cameras: [] });
    // The channel the run created for the camera was deleted again.
    expect((await cloud.state()).channels.filter((c) => c.meta['rsid'] === cameraIdOf(cam().mac))).toEqual([]);
  });

  it("writes the camera's own channel token through the gateway: added there, and the channel online in the cloud", async () => {
    const run = await writeToken();
    expect(run.code, run.stderr).toBe(0);
    const result = resultOf(run);
    expect(result).toMatchObject({ ok: true, status: 'written', failedStep: null, writer: 'vxg-gateway' });
    expect(result.steps.map((s) => `${s.step}:${s.result}`)).toEqual(['check:info', 'check:ok', 'write:ok', 'restart:ok', 'confirm:ok']);

    const cloudState = await cloud.state();
    const own = cloudState.channels.filter((c) => c.meta['rsid'] === cameraIdOf(cam().mac));
    expect(own).toHaveLength(1);
    expect(result.channelId).toBe(own[0]!.id);
    expect(own[0]!.streaming).toBe(true);
    expect(cloudState.connections.at(-1)).toMatchObject({ channelId: own[0]!.id, token: own[0]!.allToken, serialId: 'vxg-gateway' });

    const state = await gateway.state();
    expect(state.cameras).toEqual([expect.objectContaining({ id: own[0]!.id, ip: cam().ip, accessToken: own[0]!.allToken })]);
    expect(state).toMatchObject({ logins: 1, restarts: 1 });
    // The camera itself was not written: its (absent) agent holds nothing and was never restarted.
    expect(await lab.sim.agent('gw')).toMatchObject({ cloudToken: '', restarts: 0 });
  });

  it('leaves no token or password in anything the CLI printed or the data folder', async () => {
    const state = await cloud.state();
    const secrets = [
      GATEWAY.password,
      WRONG_GATEWAY_PASSWORD,
      AXIS_SET.password,
      SECRETS.licenseKey,
      SECRETS.provisioningPassword,
      stickerPassword('gw'),
      ...state.channels.flatMap((c) => [c.allToken, c.watchToken]),
      ...state.channels.flatMap((c) =>
        [c.allToken, c.watchToken].map((t) => /"token": "([^"]+)"/.exec(Buffer.from(t, 'base64').toString())?.[1] ?? t),
      ),
    ];
    expect(runs).toHaveLength(2);
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...filesUnder(dataDir).map((f) => readFileSync(f, 'latin1'))];
    expect(texts.length).toBeGreaterThan(4);
    expect(secrets.filter((s) => texts.some((t) => t.includes(s)))).toEqual([]);
  });
});

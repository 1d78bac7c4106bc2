/**
 * Batch onboarding in write-token mode in the lab (issue #11 §3; until now only the loopback token lab proved it):
 * 8 Axis cameras with VXG Cloud Agent that also run the seed's provisioning loop in its hourly phase
 * (test/lab/token-cameras.ts: a camera-hour is 12 s), the cloud simulator in its namespace, and the real CLI
 * (`onboard --mode write-token --credentials FILE --ledger FILE --json`, built) in the tech namespace with its own
 * data folder. Every camera must end holding its own channel's token, online, with one channel each, and never poll
 * the provisioning service again; the same command with the same ledger then writes nothing. Afterwards every byte
 * the CLI printed or wrote is searched for the run's secrets.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnboardJob } from '../../../shared/contract/onboard.js';
import { announceSkip } from '../../lab/can-run.js';
import { LAB_CLOUD_URL, startCloudInLab, type CloudInLab } from '../../lab/cloud-in-lab.js';
import type { ExecResult } from '../../lab/ip.js';
import { createLab, type Lab, type LabCamera } from '../../lab/lab.js';
import { AXIS_SET, SCALED_HOUR_MS, agentCamera, cameraIdOf, stickerPassword } from '../../lab/token-cameras.js';

const skip = announceSkip('Batch onboarding in write-token mode in the lab');
const SECRETS = {
  licenseKey: 'LK-onbw-lab-7c1e5a02-licence',
  provisioningUser: 'cf-onbw-backend',
  provisioningPassword: 'prov-onbw-4b8e21fd',
};
const IDS = Array.from({ length: 8 }, (_, i) => `w${i + 1}`);
const cameras = IDS.map((id) => agentCamera(id));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The JSON lines `onboard --json` prints; the last is `{type: 'result', job, report}`. */
function resultOf(run: ExecResult): { job: OnboardJob; report: string | null } {
  const lines = run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const last = lines.at(-1);
  if (last?.['type'] !== 'result')
    throw new Error(`onboard printed no result (exit ${run.code}): ${run.stdout.slice(-400)} ${run.stderr.slice(0, 600)}`);
  return last as unknown as { job: OnboardJob; report: string | null };
}

describe.skipIf(skip)('batch onboarding in write-token mode in the lab (8 Axis agent cameras, the real CLI in the tech namespace)', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  const dir = mkdtempSync(join(tmpdir(), 'cf-onboard-write-lab-'));
  const dataDir = join(dir, 'data');
  const ledger = join(dir, 'site-ledger.jsonl');
  const credsDir = mkdtempSync(join(tmpdir(), 'cf-onboard-write-creds-'));
  const credentials = join(credsDir, 'admin.json');
  const runs: ExecResult[] = [];
  const saved = { ...process.env };

  const cam = (id: string): LabCamera => lab.cameras.find((c) => c.id === id)!;
  const polls = (id: string): number => lab.sim.cloudEvents(id).filter((e) => e.state === 'polling').length;
  const onboard = async (): Promise<ExecResult> => {
    const args = ['dist/electron/cli.js', 'onboard', '--mode', 'write-token', '--credentials', credentials, '--ledger', ledger];
    const run = await lab.execInTech('node', [...args, '--interface', lab.techIface, '--timeout', '3000', '--json'], { timeoutMs: 40_000 });
    runs.push(run);
    return run;
  };

  beforeAll(async () => {
    // Inherited through `ip netns exec` by the CLI: cloud settings from the environment, a data folder of its own.
    Object.assign(process.env, {
      CAMERA_FINDER_CLOUD_API_URL: LAB_CLOUD_URL,
      CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${LAB_CLOUD_URL}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
      CAMERA_FINDER_DATA_DIR: dataDir,
    });
    writeFileSync(credentials, JSON.stringify([AXIS_SET]), { mode: 0o600 });
    chmodSync(credentials, 0o600);
    lab = await createLab({ prefix: 'cfow', cameras });
    cloud = await startCloudInLab(lab, SECRETS);
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await cloud?.stop();
    await lab?.destroy();
  });

  it("writes each camera its own channel's token: online, one channel each, no more polls; the same command again writes nothing", async () => {
    const started = Date.now();
    const run = await onboard();
    const jobMs = Date.now() - started;
    const endedAt = Date.now();
    expect(run.code, run.stderr.slice(0, 2000)).toBe(0);
    const { job } = resultOf(run);
    expect(job.progress, JSON.stringify(job.cameras.map((c) => [c.cameraId, c.state, c.message]))).toMatchObject({
      total: IDS.length,
      done: IDS.length,
      failed: 0,
    });
    const pollsAfterJob = IDS.map(polls);
    // The provisioning loops did run (each camera polled before its token came), so "no poll after" means something.
    expect(
      pollsAfterJob.every((n) => n >= 1),
      JSON.stringify(pollsAfterJob),
    ).toBe(true);

    const state = await cloud.state();
    expect(state.channels).toHaveLength(IDS.length);
    for (const id of IDS) {
      const cameraId = cameraIdOf(cam(id).mac);
      const own = state.channels.filter((c) => c.meta['rsid'] === cameraId);
      expect(own, `channels of ${id}`).toHaveLength(1);
      expect(own[0]!.streaming, `${id} online in the cloud`).toBe(true);
      expect(job.cameras.find((c) => c.cameraId === cameraId)).toMatchObject({ state: 'onboarded', channelId: own[0]!.id });
      const agent = await lab.sim.agent(id);
      expect(agent, `agent of ${id}`).toMatchObject({ cloudToken: own[0]!.allToken, restarts: 1 });
      expect(state.connections.filter((c) => c.serialId === cameraId).at(-1), `${id}'s last connection`).toMatchObject({
        channelId: own[0]!.id,
        token: own[0]!.allToken,
      });
    }
    const before = {
      channels: state.channels.length,
      connections: state.connections.length,
      agents: await Promise.all(IDS.map((id) => lab.sim.agent(id))),
    };

    // The same command with the same ledger: the CLI resumes the finished job, every step reconciles, nothing is written.
    const again = await onboard();
    expect(again.code, again.stderr.slice(0, 2000)).toBe(0);
    const second = resultOf(again).job;
    expect(second.jobId, 'the same job, resumed').toBe(job.jobId);
    expect(second.progress).toMatchObject({ total: IDS.length, done: IDS.length, failed: 0 });
    const after = await Promise.all(IDS.map((id) => lab.sim.agent(id)));
    expect(after.map((a) => a?.restarts)).toEqual(before.agents.map((a) => a?.restarts));
    expect(after.map((a) => a?.cloudToken)).toEqual(before.agents.map((a) => a?.cloudToken));
    const stateAfter = await cloud.state();
    expect(stateAfter.channels).toHaveLength(before.channels);
    expect(stateAfter.connections).toHaveLength(before.connections);

    // Past the hourly poll every camera had scheduled when the job ended: holding a token, none asked again.
    await new Promise((r) => setTimeout(r, Math.max(0, endedAt + SCALED_HOUR_MS + 1500 - Date.now())));
    expect(IDS.map(polls)).toEqual(pollsAfterJob);
    console.log(
      `[onboarding write-token lab] ${IDS.length} cameras onboarded by the CLI in ${jobMs} ms (scan + identify + job); second run wrote nothing; polls after the job: 0`,
    );
  }, 60_000);

  it('leaves no license key, provisioning credential, camera password or token in any output or file of the app', async () => {
    const state = await cloud.state();
    const secrets = [
      SECRETS.licenseKey,
      SECRETS.provisioningPassword,
      Buffer.from(`${SECRETS.provisioningUser}:${SECRETS.provisioningPassword}`).toString('base64'),
      AXIS_SET.password,
      ...IDS.map(stickerPassword),
      ...state.channels.flatMap((c) => [c.allToken, c.watchToken]),
    ];
    const written = filesUnder(dir);
    expect(written.some((f) => f.endsWith('.jsonl'))).toBe(true);
    expect(written.some((f) => f.endsWith('.csv'))).toBe(true);
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...written.map((f) => readFileSync(f, 'latin1'))];
    expect(secrets.filter((s) => texts.some((t) => t.includes(s)))).toEqual([]);
  });
});

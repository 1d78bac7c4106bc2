/**
 * Writing a token straight onto a camera, in the lab (issue #9 "Must show"): Axis cameras with VXG Cloud Agent
 * (VAPIX + ONVIF on :80) that also run the seed's provisioning loop in its hourly phase (test/lab/token-cameras.ts:
 * clock ×300, a camera-hour is 12 s), the cloud simulator in its namespace, and the real CLI
 * (`write-token --ip … --credentials FILE --json`, built) in the tech namespace with its own data folder. Faults are
 * armed per camera through the simulator's control channel. Afterwards the audit log, the data folder and every
 * byte the CLI printed are searched for the tokens and passwords of the run.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenWriteResult } from '../../../shared/contract.js';
import { announceSkip } from '../../lab/can-run.js';
import { LAB_CLOUD_URL, startCloudInLab, type CloudInLab, type CloudState } from '../../lab/cloud-in-lab.js';
import type { ExecResult } from '../../lab/ip.js';
import { createLab, type Lab, type LabCamera } from '../../lab/lab.js';
import { AXIS_SET, WRONG_SET, agentCamera, cameraIdOf, nextHourlyPollAtLeast, stickerPassword } from '../../lab/token-cameras.js';

const skip = announceSkip('Token writing in the lab');
const SECRETS = {
  licenseKey: 'LK-tok-lab-5e2a9c71-licence',
  provisioningUser: 'cf-tok-backend',
  provisioningPassword: 'prov-tok-9d31c0aa',
};
const IDS = ['hourly', 'forced', 'readback', 'restart', 'wrongpw', 'watch'] as const;
const cameras = [...IDS.map((id) => agentCamera(id)), agentCamera('noagent', { agent: 'absent' })];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The token-write result `write-token --json` prints: `{device, identify, result, errors}`. */
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

describe.skipIf(skip)('Token writing in the lab (7 Axis cameras, VXG Cloud Agent + provisioning loop, CLI in the tech namespace)', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-token-lab-data-'));
  const credsDir = mkdtempSync(join(tmpdir(), 'cf-token-lab-creds-'));
  const runs: ExecResult[] = [];
  const saved = { ...process.env };
  /** channel id by name, created before the tests */
  const channels = new Map<string, number>();
  let rightFile = '';
  let wrongFile = '';

  const cam = (id: string): LabCamera => lab.cameras.find((c) => c.id === id)!;
  const serial = (id: string): string => cameraIdOf(cam(id).mac);
  const channel = (state: CloudState, id: number) => state.channels.find((c) => c.id === id)!;
  const writeToken = async (id: string, extra: string[], file = rightFile): Promise<{ run: ExecResult; ms: number; started: number }> => {
    const started = Date.now();
    const run = await lab.execInTech(
      'node',
      ['dist/electron/cli.js', 'write-token', '--ip', cam(id).ip, ...extra, '--credentials', file, '--json'],
      { timeoutMs: 60_000 },
    );
    runs.push(run);
    return { run, ms: Date.now() - started, started };
  };
  /** The camera's last connection to the cloud (token and channel), once it matches `token`. */
  const connectedWith = (id: string, token: string, timeoutMs = 10_000) =>
    until(
      async () => {
        const last = (await cloud.state()).connections.filter((c) => c.serialId === serial(id)).at(-1);
        return last?.token === token ? last : undefined;
      },
      timeoutMs,
      `${id} to be connected with the expected token`,
    );
  const polls = (id: string): number => lab.sim.cloudEvents(id).filter((e) => e.state === 'polling').length;
  const credentialsFile = (name: string, sets: object[]): string => {
    const path = join(credsDir, name);
    writeFileSync(path, JSON.stringify(sets), { mode: 0o600 });
    chmodSync(path, 0o600);
    return path;
  };

  beforeAll(async () => {
    // Inherited through `ip netns exec` by the CLI: cloud settings from the environment, data folder of its own.
    Object.assign(process.env, {
      CAMERA_FINDER_CLOUD_API_URL: LAB_CLOUD_URL,
      CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${LAB_CLOUD_URL}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
      CAMERA_FINDER_DATA_DIR: dataDir,
    });
    lab = await createLab({ prefix: 'cftk', cameras });
    cloud = await startCloudInLab(lab, SECRETS);
    rightFile = credentialsFile('right.json', [AXIS_SET]);
    wrongFile = credentialsFile('wrong.json', [WRONG_SET]);
    // Cameras provisioned earlier: each holds its own channel's token and is online with it.
    for (const id of ['forced', 'readback', 'restart', 'watch'] as const) {
      const cameraId = serial(id);
      const own = await cloud.addChannel(`Camera ${cameraId}`, { rsid: cameraId, [cameraId]: 'rsid' });
      channels.set(id, own);
      const token = channel(await cloud.state(), own).allToken;
      await lab.sim.agent(id, { token });
      await connectedWith(id, token);
    }
    for (const name of ['other-forced', 'other-readback', 'other-restart']) channels.set(name, await cloud.addChannel(name, {}));
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await cloud?.stop();
    await lab?.destroy();
  });

  it("writes its own channel's token onto a camera in its hourly polling phase: online at once, and it never polls again", async () => {
    // Line up with the camera's schedule: its next hourly poll at least 8 s away, time enough for the write.
    const { lastPollAt, nextPollAt, polls: pollsBefore } = await nextHourlyPollAtLeast(lab, 'hourly', 8000);
    const { run, ms, started } = await writeToken('hourly', []);
    expect(run.code, run.stderr).toBe(0);
    const result = resultOf(run);
    expect(result).toMatchObject({ ok: true, status: 'written', failedStep: null, writer: 'axis-vxg-agent' });
    const state = await cloud.state();
    const own = state.channels.filter((c) => c.meta['rsid'] === serial('hourly'));
    expect(own).toHaveLength(1);
    expect(result.channelId).toBe(own[0]!.id);
    expect(own[0]!.streaming).toBe(true);
    const connection = await connectedWith('hourly', own[0]!.allToken, 1000);
    const agent = await lab.sim.agent('hourly');
    expect(agent).toMatchObject({ cloudToken: own[0]!.allToken, restarts: 1 });
    expect(polls('hourly')).toBe(pollsBefore);
    // Past the poll it had scheduled (a camera-hour after the last one): it holds a token, so it did not ask.
    await new Promise((r) => setTimeout(r, Math.max(0, nextPollAt + 1500 - Date.now())));
    expect(polls('hourly')).toBe(pollsBefore);
    await until(() => (lab.sim.cloudEvents('hourly').at(-1)?.state === 'online' ? true : undefined), 3000, 'the camera to report online');
    console.log(
      `[token lab] write-token on an hourly-phase camera: CLI ${ms} ms end to end, online ${connection.at - started} ms after the CLI started (${connection.at - lastPollAt} ms after the camera's last poll); polls ${pollsBefore} → ${polls('hourly')}`,
    );
  }, 60_000);

  it("forced change: a camera holding another channel's token ends connected with the new channel's", async () => {
    const target = channels.get('other-forced')!;
    const { run } = await writeToken('forced', ['--channel', String(target)]);
    expect(run.code, run.stderr).toBe(0);
    expect(resultOf(run)).toMatchObject({ ok: true, status: 'written', channelId: target });
    const token = channel(await cloud.state(), target).allToken;
    await connectedWith('forced', token, 2000);
    expect(await lab.sim.agent('forced')).toMatchObject({ cloudToken: token });
    expect(channel(await cloud.state(), target).streaming).toBe(true);
  });

  it('rolls back a write whose read-back differs: the old token is on the camera and it is online with it again', async () => {
    const old = channel(await cloud.state(), channels.get('readback')!).allToken;
    await lab.sim.agent('readback', { faults: { readBack: 1 } });
    const { run } = await writeToken('readback', ['--channel', String(channels.get('other-readback')!)]);
    expect(run.code).not.toBe(0);
    const result = resultOf(run);
    expect(result).toMatchObject({ ok: false, status: 'rolled-back', failedStep: 'read-back' });
    expect(result.steps.find((s) => s.step === 'rollback')).toMatchObject({ result: 'ok' });
    const agent = await lab.sim.agent('readback');
    expect(agent).toMatchObject({ cloudToken: old, faults: { readBack: 0 } });
    await connectedWith('readback', old, 2000);
    expect(agent?.connections.at(-1)).toBe(old);
    expect(channel(await cloud.state(), channels.get('other-readback')!).streaming).toBe(false);
  });

  it('reports a failed agent restart and rolls back: old token, agent restarted with it, online', async () => {
    const old = channel(await cloud.state(), channels.get('restart')!).allToken;
    await lab.sim.agent('restart', { faults: { restart: 1 } });
    const { run } = await writeToken('restart', ['--channel', String(channels.get('other-restart')!)]);
    expect(run.code).not.toBe(0);
    const result = resultOf(run);
    expect(result).toMatchObject({ ok: false, status: 'rolled-back', failedStep: 'restart' });
    expect(result.message).toMatch(/restart/i);
    expect(run.stderr + run.stdout).toMatch(/restart/i);
    const agent = await lab.sim.agent('restart');
    expect(agent).toMatchObject({ cloudToken: old, faults: { restart: 0 } });
    await connectedWith('restart', old, 2000);
    expect(channel(await cloud.state(), channels.get('other-restart')!).streaming).toBe(false);
  });

  it('changes nothing with wrong credentials: exactly one refused login, no lockout', async () => {
    const { run } = await writeToken('wrongpw', [], wrongFile);
    expect(run.code).not.toBe(0);
    const printed = JSON.parse(run.stdout) as { result: unknown; identify: { status: string } | null; errors: string[] };
    expect(printed.identify).toMatchObject({ status: 'refused' });
    expect(printed.errors.join(' ')).toMatch(/Nothing was written/);
    const agent = await lab.sim.agent('wrongpw');
    expect(agent).toMatchObject({ cloudToken: '', restarts: 0, connections: [] });
    const device = await lab.sim.deviceState('wrongpw');
    expect(device).toMatchObject({ lockouts: 0, locked: false });
    expect((device?.failures ?? 0) + (device?.vapixFailures ?? 0), JSON.stringify(device)).toBe(1);
    // Still polling on its own schedule: nothing was written, so nothing stopped it.
    expect(lab.sim.cloudEvents('wrongpw').some((e) => e.state === 'online')).toBe(false);
  });

  it('refuses an Axis camera without VXG Cloud Agent, and a pasted watch token, changing neither camera', async () => {
    const noAgent = await writeToken('noagent', []);
    expect(noAgent.run.code).not.toBe(0);
    expect(resultOf(noAgent.run)).toMatchObject({ ok: false, status: 'unchanged' });
    expect(noAgent.run.stderr + noAgent.run.stdout).toMatch(/agent/i);
    expect(await lab.sim.agent('noagent')).toMatchObject({ agent: 'absent', cloudToken: '', restarts: 0 });

    const own = channel(await cloud.state(), channels.get('watch')!);
    const before = await lab.sim.agent('watch');
    const watch = await writeToken('watch', ['--token', own.watchToken]);
    expect(watch.run.code).not.toBe(0);
    expect(resultOf(watch.run)).toMatchObject({ ok: false, status: 'unchanged', failedStep: 'check' });
    expect(watch.run.stderr + watch.run.stdout).toMatch(/watch/i);
    expect(await lab.sim.agent('watch')).toMatchObject({ cloudToken: own.allToken, restarts: before?.restarts });
  });

  it('audits every write, read-back, restart and rollback, without a token or a password', () => {
    const lines = readFileSync(join(dataDir, 'audit.jsonl'), 'utf8').trim().split('\n');
    const entries = lines.map((l) => JSON.parse(l) as { action: string; result: string; message: string; camera: string | null });
    const actions = new Set(entries.map((e) => e.action));
    for (const step of ['write', 'read-back', 'restart', 'rollback']) expect([...actions], step).toContain(`camera.token.${step}`);
    expect(entries.some((e) => e.action === 'camera.token.read-back' && e.result === 'failed')).toBe(true);
    expect(entries.some((e) => e.action === 'camera.token.read-back' && e.result === 'ok')).toBe(true);
    expect(entries.filter((e) => e.action === 'camera.token.rollback' && e.result === 'ok').length).toBeGreaterThanOrEqual(2);
    expect(entries.some((e) => e.action === 'camera.token.write' && e.result === 'ok')).toBe(true);
    expect(entries.some((e) => e.action === 'camera.token.restart' && e.result === 'failed')).toBe(true);
  });

  it('leaves no token or password in the audit log, the data folder, or anything the CLI printed', async () => {
    const state = await cloud.state();
    const secrets = [
      AXIS_SET.password,
      WRONG_SET.password,
      SECRETS.licenseKey,
      SECRETS.provisioningPassword,
      ...cameras.map((c) => stickerPassword(c.id)),
      ...state.channels.flatMap((c) => [c.allToken, c.watchToken]),
      // the secret inside a token, in case something decoded one and printed a field
      ...state.channels.flatMap((c) =>
        [c.allToken, c.watchToken].map((t) => /"token": "([^"]+)"/.exec(Buffer.from(t, 'base64').toString())?.[1] ?? t),
      ),
    ];
    expect(runs.length).toBeGreaterThanOrEqual(7);
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...filesUnder(dataDir).map((f) => readFileSync(f, 'latin1'))];
    expect(secrets.filter((s) => texts.some((t) => t.includes(s)))).toEqual([]);
  });
});

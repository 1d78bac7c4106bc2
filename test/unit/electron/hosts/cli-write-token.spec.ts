/**
 * `camera-finder write-token` end to end through runCli and the real core, against Axis cameras with VXG Cloud
 * Agent on 127.9.x.y and the cloud simulator: exit codes, the JSON shape, the camera's token afterwards, and that
 * no token or password ever reaches stdout or stderr (each run is grepped for every secret the lab knows).
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core.js';
import { EXIT, usage } from '../../../../electron/hosts/cli-args.js';
import { runCli } from '../../../../electron/hosts/cli.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';
import { tokenWriteResultSchema } from '../../../../shared/contract/tokens.js';
import { CAMERA_PASSWORD, FAST, labSecrets, startTokenRig, type CameraPlan, type TokenRig } from '../core/token-lab.js';

let dir = '';
let rig: TokenRig | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cf-cli-write-token-'));
});
afterEach(async () => {
  await rig?.close();
  rig = null;
  await rm(dir, { recursive: true, force: true });
});

async function credentials(password = CAMERA_PASSWORD): Promise<string> {
  const path = join(dir, 'credentials.json');
  await writeFile(path, JSON.stringify([{ name: 'axis root', username: 'root', password }]));
  await chmod(path, 0o600);
  return path;
}

async function lab(plans: CameraPlan[]): Promise<TokenRig> {
  rig = await startTokenRig(plans);
  return rig;
}

async function cli(argv: string[], stdin: string | null = null) {
  const r = rig!;
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    createCore: () =>
      createCore(r.ports, { sources: [], env: r.env, via: 'cli', credentialStore: createMemorySecretStore('memory only'), ...FAST }),
    readStdin: async () => stdin,
    stdout: { write: (t) => out.push(t) },
    stderr: { write: (t) => err.push(t) },
  });
  const stdout = out.join('');
  const stderr = err.join('');
  const secrets = [...labSecrets(r), 'Wrong-root-pw-1'];
  expect(secrets.filter((s) => stdout.includes(s) || stderr.includes(s))).toEqual([]);
  const audit = JSON.stringify(await r.audit.list(5000));
  expect(secrets.filter((s) => audit.includes(s) || r.logs.join('\n').includes(s))).toEqual([]);
  return {
    code,
    stdout,
    stderr,
    json: () => JSON.parse(stdout) as { result: unknown; identify: unknown; device: unknown; errors: string[] },
  };
}

describe('camera-finder write-token', () => {
  it('--channel: moves a camera holding another channel to it; exit 0, online, JSON result', async () => {
    const r = await lab([{ cloudToken: (cloud) => cloud.state.addChannel('Old', {}).allToken }]);
    const cam = r.cameras[0]!;
    const next = r.cloud.state.addChannel('Lobby', {});
    const run = await cli(['write-token', '--ip', cam.ip, '--channel', String(next.id), '--credentials', await credentials(), '--json']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const { result, identify } = run.json();
    expect(tokenWriteResultSchema.parse(result)).toMatchObject({ ok: true, status: 'written', channelId: next.id });
    expect(identify).toMatchObject({ status: 'authenticated' });
    expect(cam.agent.state.cloudToken).toBe(next.allToken);
    expect(next.streaming).toBe(true);
  });

  it('--token: writes a pasted token and never prints it (also from stdin)', async () => {
    const r = await lab([{}, {}]);
    const [a, b] = r.cameras;
    const one = r.cloud.state.addChannel('One', {});
    const two = r.cloud.state.addChannel('Two', {});
    const file = await credentials();
    const pasted = await cli(['write-token', '--ip', a!.ip, '--token', one.allToken, '--credentials', file]);
    expect(pasted.code, pasted.stderr).toBe(EXIT.ok);
    expect(pasted.stdout).toMatch(/written: .*channel/);
    expect(a!.agent.state.cloudToken).toBe(one.allToken);
    const piped = await cli(['write-token', '--ip', b!.ip, '--token', '-', '--credentials', file, '--json'], `${two.allToken}\n`);
    expect(piped.code, piped.stderr).toBe(EXIT.ok);
    expect(b!.agent.state.cloudToken).toBe(two.allToken);
  });

  it("with neither: the camera's own channel (created by its ID), written and online", async () => {
    const r = await lab([{}]);
    const cam = r.cameras[0]!;
    const run = await cli(['write-token', '--ip', cam.ip, '--credentials', await credentials(), '--json']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const own = [...r.cloud.state.channels.values()].find((c) => c.meta['rsid'] === cam.serial)!;
    expect(cam.agent.state.cloudToken).toBe(own.allToken);
    expect(r.cloud.state.records.size).toBe(0);
  });

  it('wrong credentials: exit 1, the camera unchanged, no lockout, nothing sent to the agent', async () => {
    const r = await lab([{ cloudToken: (cloud) => cloud.state.addChannel('Old', {}).allToken }]);
    const cam = r.cameras[0]!;
    const before = cam.agent.state.cloudToken;
    const next = r.cloud.state.addChannel('Lobby', {});
    const run = await cli([
      'write-token',
      '--ip',
      cam.ip,
      '--channel',
      String(next.id),
      '--credentials',
      await credentials('Wrong-root-pw-1'),
    ]);
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toMatch(/could not be identified.*Nothing was written/);
    expect(cam.agent.state.cloudToken).toBe(before);
    expect(cam.agent.state.restarts).toBe(0);
    expect(cam.lab.device.state.lockouts ?? 0).toBe(0);
  });

  it('a camera without VXG Cloud Agent: exit 1 with a sentence', async () => {
    const r = await lab([{ agent: 'absent' }]);
    const next = r.cloud.state.addChannel('Lobby', {});
    const run = await cli(['write-token', '--ip', r.cameras[0]!.ip, '--channel', String(next.id), '--credentials', await credentials()]);
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toMatch(/VXG Cloud Agent is not installed/);
  });

  it('a watch token: exit 1, refused without a single request to the camera', async () => {
    const r = await lab([{}]);
    const cam = r.cameras[0]!;
    const channel = r.cloud.state.addChannel('Lobby', {});
    const run = await cli(['write-token', '--ip', cam.ip, '--token', channel.watchToken, '--credentials', await credentials(), '--json']);
    expect(run.code).toBe(EXIT.failed);
    expect(run.json().result).toMatchObject({ ok: false, status: 'unchanged', message: expect.stringMatching(/view-only/) });
    expect(cam.agent.state.requests).toBe(0);
    expect(cam.lab.device.state.requests).toBe(0);
  });

  it.each([
    [['write-token', '--credentials', 'x.json'], 'exactly one --ip'],
    [['write-token', '--ip', '10.0.0.1', '--ip', '10.0.0.2'], 'exactly one --ip'],
    [['write-token', '--ip', '10.0.0.01'], 'is not an IPv4 address'],
    [['write-token', '--ip', '10.0.0.1', '--channel', '7', '--token', 'abc'], 'not both'],
    [['write-token', '--ip', '10.0.0.1', '--channel', 'seven'], '--channel must be a channel number'],
    [['scan', '--token', 'abc'], 'belong to write-token'],
    [['register', '--mac', '00:40:8c:00:00:01', '--password', 'x', '--channel', '3'], 'belong to write-token'],
  ])('usage error for %j', async (argv, message) => {
    rig = await startTokenRig([]);
    const run = await cli(argv);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain(message);
  });

  it('a malformed --token is a usage error (exit 2), never quoted, and the camera is not contacted', async () => {
    const r = await lab([{}]);
    const cam = r.cameras[0]!;
    const garbage = 'not-a-token-Secretish-8812';
    const run = await cli(['write-token', '--ip', cam.ip, '--token', garbage, '--credentials', await credentials()]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/--token is not a VXG access token/);
    expect(run.stderr).not.toContain(garbage);
    expect(cam.lab.device.state.requests + cam.agent.state.requests).toBe(0);
  });

  it('--help documents write-token', () => {
    for (const text of ['write-token --ip <IP>', '--channel <id>', '--token <token>', 'never printed']) expect(usage).toContain(text);
  });
});

/** `camera-finder onboard` through runCli with a real core on the onboarding rig (cloud simulator on 127.0.0.1). */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core.js';
import { runCli, type CliDeps } from '../../../../electron/hosts/cli.js';
import { parseCliArgs } from '../../../../electron/hosts/cli-args.js';
import { createMemoryAuditLog } from '../../../../electron/platform/audit-log.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../electron/platform/settings.js';
import { startCloudSim, type CloudSim } from '../../../sim/cloud/cloud-sim.js';
import { CAMERA_PASSWORD, FAST, labSecrets, startTokenRig, type TokenRig } from '../core/token-lab.js';
import { scriptedSource } from '../core/devices/identify/lab-core.js';
import {
  RIG_SECRETS,
  rigCamera,
  rigCameraId,
  rigCsv,
  rigEnv,
  rigSource,
  startRigFleet,
  type RigCamera,
  rigPorts,
} from '../../../support/onboard-rig.js';

let sim: CloudSim | null = null;
let stopFleet: (() => void) | null = null;
afterEach(async () => {
  stopFleet?.();
  await sim?.close();
  sim = stopFleet = null;
});

function sink() {
  let text = '';
  return { write: (chunk: string) => void (text += chunk), text: () => text };
}

async function rig(count: number) {
  sim = await startCloudSim({ host: '127.0.0.1', ...RIG_SECRETS });
  const cameras = Array.from({ length: count }, (_, i) => rigCamera(i + 1));
  stopFleet = startRigFleet(sim, cameras);
  const dir = mkdtempSync(join(tmpdir(), 'cf-cli-onboard-'));
  const stdout = sink();
  const stderr = sink();
  const deps: CliDeps = {
    createCore: () => {
      throw new Error('onboard must use its own core');
    },
    createOnboardCore: (log, options) =>
      createCore(rigPorts(log, createMemorySettings(), createMemorySecretStore(), createMemoryAuditLog()), {
        sources: [rigSource(cameras)],
        env: rigEnv(sim!.url),
        via: 'cli',
        onboarding: { ledgerPath: options.ledgerPath ?? null, dataDir: dir, pollMs: 10, backoff: { baseMs: 5, maxMs: 20 } },
      }),
    stdout,
    stderr,
  };
  return { cameras, dir, deps, stdout, stderr };
}

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string } & Record<string, unknown>);

describe('camera-finder onboard', () => {
  it('parses its flags and refuses what a technician could get wrong with exit-2 sentences', () => {
    expect(
      parseCliArgs(['onboard', '--mode', 'provision', '--csv', 'a.csv', '--subnet', '198.18.4.0/24', '--concurrency', '16', '--json']),
    ).toMatchObject({
      kind: 'onboard',
      mode: 'provision',
      subnets: ['198.18.4.0/24'],
      concurrency: 16,
      json: true,
    });
    const refused = (argv: string[]) => {
      const parsed = parseCliArgs(argv);
      return parsed.kind === 'usage-error' ? parsed.message : 'accepted';
    };
    expect(refused(['onboard', '--csv', 'a.csv'])).toMatch(/--mode provision/);
    expect(refused(['onboard', '--mode', 'provision'])).toMatch(/needs --csv/);
    expect(refused(['onboard', '--mode', 'provision', '--csv', 'a', '--concurrency', '0'])).toMatch(/1 to 64/);
    expect(refused(['onboard', '--mode', 'provision', '--csv', 'a', '--subnet', '10.0.0.0/8'])).toMatch(/confirmation/);
    expect(refused(['onboard', '--mode', 'provision', '--csv', 'a', '--mac', '00:11:22:33:44:55'])).toMatch(/does not belong/);
    expect(refused(['scan', '--ledger', 'x'])).toMatch(/belongs to the onboard command/);
  });

  it('onboards a site from a sheet with a bad row and an absent camera: the rest proceeds, exit 1, report next to the ledger', async () => {
    const { cameras, dir, deps, stdout, stderr } = await rig(6);
    const csv = join(dir, 'site.csv');
    writeFileSync(csv, '\uFEFF' + rigCsv(cameras, ['zz:zz;pw;Broken', '02:CF:0B:99:99:99;pw;Absent']));
    const ledger = join(dir, 'job.jsonl');
    const code = await runCli(['onboard', '--mode', 'provision', '--csv', csv, '--ledger', ledger, '--timeout', '500', '--json'], deps);
    expect(code, stderr.text()).toBe(1);
    const lines = jsonLines(stdout.text());
    const preview = lines.find((l) => l.type === 'preview') as unknown as {
      problems: { line: number }[];
      rowsWithoutCamera: { line: number }[];
    };
    expect(preview.problems.map((p) => p.line)).toEqual([8]);
    expect(preview.rowsWithoutCamera.map((r) => r.line)).toEqual([9]);
    expect(lines.some((l) => l.type === 'progress')).toBe(true);
    const result = lines.at(-1) as unknown as { type: string; job: { progress: { done: number } }; report: string };
    expect(result.type).toBe('result');
    expect(result.job.progress.done).toBe(6);
    expect(sim!.state.records.size).toBe(6);
    const report = readFileSync(result.report, 'utf8');
    expect(report).toContain('Line 9: no camera with MAC 02:cf:0b:99:99:99');
    expect(report.split('\r\n').filter((l) => l.includes(',onboarded,'))).toHaveLength(6);
    for (const camera of cameras)
      expect(stdout.text() + stderr.text() + report + readFileSync(ledger, 'utf8')).not.toContain(camera.password);

    // The same command again with the same ledger resumes: nothing new in the cloud, still exit 1 for the sheet's rows.
    const again = await runCli(['onboard', '--mode', 'provision', '--csv', csv, '--ledger', ledger, '--timeout', '500'], deps);
    expect(again).toBe(1);
    expect(sim!.state.channels.size).toBe(6);
    expect(sim!.state.count('POST /v1/token')).toBe(6);
  });

  it('exits 0 when every camera in scope is onboarded and every row used; refuses an unreadable sheet with exit 2', async () => {
    const { cameras, dir, deps, stderr } = await rig(3);
    const csv = join(dir, 'site.csv');
    writeFileSync(csv, rigCsv(cameras));
    expect(await runCli(['onboard', '--mode', 'provision', '--csv', csv, '--timeout', '500'], deps), stderr.text()).toBe(0);
    expect(readdirSync(join(dir, 'onboarding')).some((f) => f.endsWith('.csv'))).toBe(true);
    expect(
      cameras.map((c: RigCamera) => [...sim!.state.channels.values()].filter((ch) => ch.meta['rsid'] === rigCameraId(c)).length),
    ).toEqual([1, 1, 1]);

    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('mac;password;name\n02:CF:0B:00:00:01;pw;Caf\xe9\n', 'latin1'));
    expect(await runCli(['onboard', '--mode', 'provision', '--csv', latin1, '--timeout', '500'], deps)).toBe(2);
    expect(stderr.text()).toMatch(/UTF-8/);
    expect(await runCli(['onboard', '--mode', 'provision', '--csv', join(dir, 'missing.csv')], deps)).toBe(2);
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(await runCli(['onboard', '--mode', 'provision', '--csv', huge], deps)).toBe(2);
    expect(stderr.text()).toMatch(/larger than 10 MB; split it/);
    expect(sim!.state.count('POST /api/v3/channels/')).toBe(3);
  });
});

describe('camera-finder onboard --mode write-token', () => {
  let tokenRig: TokenRig | null = null;
  afterEach(async () => {
    await tokenRig?.close();
    tokenRig = null;
  });

  it('identifies with the credentials file, writes each camera its own channel token, exits 0; the same command again writes nothing', async () => {
    const r = (tokenRig = await startTokenRig(Array.from({ length: 3 }, () => ({}))));
    const dir = mkdtempSync(join(tmpdir(), 'cf-cli-onboard-wt-'));
    const creds = join(dir, 'credentials.json');
    writeFileSync(creds, JSON.stringify([{ name: 'axis root', username: 'root', password: CAMERA_PASSWORD }]), { mode: 0o600 });
    const seen = () =>
      r.cameras.map((c) => ({
        source: 'wsd' as const,
        kind: 'alive' as const,
        at: Date.now(),
        ip: c.ip,
        interface: 'lab0',
        endpoint: `uuid-${c.ip}`,
        isCamera: true,
        facts: [{ name: 'manufacturer' as const, value: 'AXIS', source: 'wsd-scope' as const, hint: false }],
        onvif: { endpoint: `uuid-${c.ip}`, xaddrs: [`http://${c.ip}/onvif/device_service`], scopes: [], types: [], metadataVersion: 1 },
      }));
    const stdout = sink();
    const stderr = sink();
    const deps: CliDeps = {
      createCore: () => {
        throw new Error('onboard must use its own core');
      },
      createOnboardCore: (log, options) =>
        createCore(r.ports, {
          sources: [scriptedSource(seen)],
          env: r.env,
          via: 'cli',
          credentialStore: createMemorySecretStore('memory only'),
          ...FAST,
          onboarding: { ledgerPath: options.ledgerPath ?? null, pollMs: 10, backoff: { baseMs: 5, maxMs: 20 } },
        }),
      stdout,
      stderr,
    };
    const ledger = join(dir, 'job.jsonl');
    const argv = ['onboard', '--mode', 'write-token', '--credentials', creds, '--ledger', ledger, '--timeout', '200', '--json'];
    expect(await runCli(argv, deps), stderr.text() + stdout.text()).toBe(0);
    const result = jsonLines(stdout.text()).at(-1) as unknown as { job: { progress: { done: number } } };
    expect(result.job.progress.done).toBe(3);
    for (const cam of r.cameras) {
      const channel = [...r.cloud.state.channels.values()].find((c) => c.meta['rsid'] === cam.serial.toUpperCase());
      expect(cam.agent.state.cloudToken).toBe(channel?.allToken);
    }
    const restarts = r.cameras.map((c) => c.agent.state.restarts);
    expect(await runCli(argv, deps), stderr.text()).toBe(0);
    expect(r.cameras.map((c) => c.agent.state.restarts)).toEqual(restarts);
    expect(r.cloud.state.channels.size).toBe(3);
    const texts = stdout.text() + stderr.text() + readFileSync(ledger, 'utf8');
    expect(labSecrets(r).filter((s) => texts.includes(s))).toEqual([]);
  });
});

/**
 * Batch onboarding end to end in the lab (issue #11 "Must show"): the cloud simulator in its namespace, 48
 * cameras running the seed's provisioning loop (600× faster), and the real CLI (`dist/electron/cli.js onboard`)
 * in the technician namespace. A 40-camera provision job is killed with SIGKILL at three random points (counted
 * in ledger lines) and the same command is run again each time; in the end every camera is onboarded with exactly
 * one channel and one record. The sheet carries a bad row and a row for an absent camera, reported line by line
 * while the rest proceeds. A second job of 8 cameras runs through a 429 storm. Afterwards every byte the app
 * wrote is grepped for the run's secrets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { LAB_CLOUD_URL, startCloudInLab, type CloudInLab } from '../../lab/cloud-in-lab.js';
import { createLab, type CameraSpec, type Lab } from '../../lab/lab.js';
import { REPO_ROOT } from '../../lab/sim-bundle.js';

const skip = announceSkip('Batch onboarding in the lab (kill -9, resume, 429 storm)');
const SECRETS = { licenseKey: 'LK-onb-lab-3e9d0a71-licence', provisioningUser: 'cf-onb-lab', provisioningPassword: 'prov-onb-c41f7b' };
const password = (id: string) => `pw;${id},"x"Q7`;
const KILLED = Array.from({ length: 40 }, (_, i) => `k${i + 1}`);
const STORM = Array.from({ length: 8 }, (_, i) => `s${i + 1}`);
const cameras: CameraSpec[] = [...KILLED, ...STORM].map((id, i) => ({
  id,
  profile: 'axis' as const,
  provisioning: {
    url: LAB_CLOUD_URL,
    variant: i % 2 ? ('get-token-post' as const) : ('token-get' as const),
    password: password(id),
    timeScale: 600,
  },
}));
const idOf = (mac: string) => mac.replaceAll(':', '').toUpperCase();
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

describe.skipIf(skip)('batch onboarding in the lab: the real CLI, killed and resumed', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  const dir = mkdtempSync(join(tmpdir(), 'cf-onboard-lab-'));
  const dataDir = join(dir, 'data');
  const captured: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      CAMERA_FINDER_CLOUD_API_URL: LAB_CLOUD_URL,
      CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
      CAMERA_FINDER_PROVISIONING_URL: `${LAB_CLOUD_URL}/v1/token`,
      CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
      CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
      CAMERA_FINDER_DATA_DIR: dataDir,
    });
    lab = await createLab({ prefix: 'cfob', cameras });
    cloud = await startCloudInLab(lab, SECRETS);
  }, 180_000);
  afterAll(async () => {
    await cloud?.stop();
    await lab?.destroy();
    process.env = saved;
  });

  const camera = (id: string) => lab.cameras.find((c) => c.id === id)!;
  const sheet = (name: string, ids: string[], extra: string[] = []) => {
    const path = join(dir, name);
    const rows = ids.map((id) => `${camera(id).mac.toUpperCase()};${csvCell(password(id))};Camera ${id}`);
    writeFileSync(path, '\uFEFF' + ['MAC;Password;Name', ...rows, ...extra].join('\r\n') + '\r\n');
    return path;
  };
  const ledgerLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0);

  /** The CLI in the tech namespace; killed with SIGKILL once the ledger holds `killAt` lines (if given). */
  function onboard(csv: string, ledger: string, killAt: number | null): Promise<Run> {
    const args = ['dist/electron/cli.js', 'onboard', '--mode', 'provision', '--csv', csv, '--ledger', ledger];
    args.push('--interface', lab.techIface, '--timeout', '3000', '--json');
    // `ip netns exec` execs node in place, so the child's pid is the app's: SIGKILL hits the app itself.
    const child: ChildProcess = spawn('ip', ['netns', 'exec', lab.techNs, 'node', ...args], { cwd: REPO_ROOT, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const watch =
      killAt === null
        ? null
        : setInterval(() => {
            if (ledgerLines(ledger) >= killAt) child.kill('SIGKILL');
          }, 5);
    const deadline = setTimeout(() => child.kill('SIGKILL'), 170_000);
    return new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        if (watch) clearInterval(watch);
        clearTimeout(deadline);
        captured.push(stdout, stderr);
        resolve({ code, signal, stdout, stderr });
      }),
    );
  }

  it('40 cameras, killed with kill -9 at three random points and resumed each time: 40/40 onboarded, no duplicates, nothing lost', async () => {
    const absent = '02:CF:0E:00:00:99';
    const csv = sheet('site.csv', KILLED, ['not-a-mac;pw;Broken row', `${absent};pw;Not on site`]);
    const ledger = join(dir, 'site-ledger.jsonl');
    // 1 job-start + 40 cameras × 3 steps × (started + done) ≈ 241 lines: kill somewhere in each third.
    const random = (from: number, to: number) => from + Math.floor(Math.random() * (to - from));
    const points = [random(3, 70), random(90, 150), random(170, 225)];
    const kills: { at: number; lines: number; signal: NodeJS.Signals | null }[] = [];
    for (const at of points) {
      const run = await onboard(csv, ledger, at);
      kills.push({ at, lines: ledgerLines(ledger), signal: run.signal });
    }
    // Each run was killed (not finished) and left the job unfinished in the ledger.
    expect(
      kills.map((k) => k.signal),
      JSON.stringify(kills),
    ).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL']);
    const final = await onboard(csv, ledger, null);
    process.stdout.write(`[onboarding lab] killed at ledger lines ${JSON.stringify(kills)}; final run exit ${final.code}\n`);

    // The sheet's bad row and absent camera were reported line by line; the job still did the rest → exit 1.
    expect(final.code, final.stderr).toBe(1);
    const lines = final.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const preview = lines.find((l) => l['type'] === 'preview') as {
      problems: { line: number; message: string }[];
      rowsWithoutCamera: { line: number }[];
    };
    expect(preview.problems).toMatchObject([{ line: 42, column: 'mac' }]);
    expect(preview.rowsWithoutCamera.map((r) => r.line)).toEqual([43]);
    const result = lines.at(-1) as { type: string; job: { progress: { done: number; failed: number; total: number } }; report: string };
    expect(result.type).toBe('result');
    expect(result.job.progress).toMatchObject({ total: 40, done: 40, failed: 0 });

    // Counted in the cloud: one channel and one record per camera, every channel online, nothing for the absent row.
    const state = await cloud.state();
    for (const id of KILLED) {
      const cameraId = idOf(camera(id).mac);
      const channels = state.channels.filter((c) => c.meta['rsid'] === cameraId);
      expect(channels, `channels of ${id}`).toHaveLength(1);
      expect(channels[0]!.streaming, `${id} online`).toBe(true);
      expect(
        state.records.filter((r) => r.serialId === cameraId && r.password === password(id)),
        `record of ${id}`,
      ).toHaveLength(1);
    }
    expect(state.channels.some((c) => c.meta['rsid'] === idOf(absent))).toBe(false);

    // The handover report: 40 onboarded rows, the two refused lines with their reasons.
    const report = readFileSync(result.report, 'utf8');
    expect(report.split('\r\n').filter((l) => l.includes(',onboarded,'))).toHaveLength(40);
    expect(report).toContain('Line 43: no camera with MAC 02:cf:0e:00:00:99 was found on site.');
    expect(report).toMatch(/Line 42, column mac/);
  }, 900_000);

  it('a 429 storm slows an 8-camera job but loses nothing', async () => {
    const csv = sheet('storm.csv', STORM);
    const ledger = join(dir, 'storm-ledger.jsonl');
    await cloud.fault('*', { kind: 'status', status: 429, retryAfter: '1' }, 60);
    const run = await onboard(csv, ledger, null);
    expect(run.code, run.stderr).toBe(0);
    const state = await cloud.state();
    expect(state.requests['GET /api/v3/channels/'] ?? 0).toBeGreaterThan(0);
    for (const id of STORM) {
      const cameraId = idOf(camera(id).mac);
      expect(
        state.channels.filter((c) => c.meta['rsid'] === cameraId),
        `channels of ${id}`,
      ).toHaveLength(1);
      expect(
        state.records.filter((r) => r.serialId === cameraId),
        `record of ${id}`,
      ).toHaveLength(1);
    }
    await cloud.clearFaults();
  }, 300_000);

  it('leaves no license key, provisioning credential, sticker password or access token in any file or output of the app', async () => {
    const state = await cloud.state();
    const secrets = [
      SECRETS.licenseKey,
      SECRETS.provisioningPassword,
      Buffer.from(`${SECRETS.provisioningUser}:${SECRETS.provisioningPassword}`).toString('base64'),
      ...cameras.map((c) => password(c.id!)),
      ...state.channels.flatMap((c) => [c.allToken, c.watchToken]),
    ];
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((name) => {
        const path = join(d, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    // The sheets themselves hold the passwords (the technician's files); everything else is the app's.
    const written = files(dir).filter((f) => !f.endsWith('site.csv') && !f.endsWith('storm.csv'));
    expect(written.some((f) => f.endsWith('.jsonl'))).toBe(true);
    const texts = [...captured, ...written.map((f) => readFileSync(f, 'latin1'))];
    expect(secrets.filter((s) => texts.some((t) => t.includes(s)))).toEqual([]);
  });
});

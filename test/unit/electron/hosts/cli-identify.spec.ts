/**
 * `identify --ip` and `scan --identify` end to end through runCli and the real core, against simulated cameras on
 * 127.0.0.x: the credentials file rules (owner-only, well-formed), the environment set, exit codes, the JSON
 * shape, and that no password ever reaches stdout or stderr.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceSchema, type Device } from '../../../../shared/device.js';
import { EXIT, usage } from '../../../../electron/hosts/cli-args.js';
import { runCli } from '../../../../electron/hosts/cli.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';
import { BOSCH } from '../core/devices/onvif/onvif-fixture.js';
import { scriptedSource, startCamera, startLabCore, type LabCamera } from '../core/devices/identify/lab-core.js';

const RIGHT = 'Rïght-pass-77';
const WRONG = 'wrong-pass-11';
const SECRETS = [RIGHT, WRONG];

let dir = '';
let cameras: LabCamera[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cf-cli-identify-'));
});
afterEach(async () => {
  await Promise.all(cameras.map((c) => c.server.close()));
  cameras = [];
  await rm(dir, { recursive: true, force: true });
});

async function credentialsFile(content: unknown, mode = 0o600): Promise<string> {
  const path = join(dir, 'credentials.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  await chmod(path, mode);
  return path;
}

async function cli(argv: string[], env: Record<string, string> = {}, withScan = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    createCore: (allowedInterfaces) => {
      const sources = withScan
        ? [
            scriptedSource(() =>
              cameras.map((c) => ({
                source: 'wsd' as const,
                kind: 'alive' as const,
                at: Date.now(),
                ip: c.ip,
                interface: 'lab0',
                endpoint: `uuid-${c.ip}`,
                isCamera: true,
                facts: [],
                onvif: {
                  endpoint: `uuid-${c.ip}`,
                  xaddrs: [`http://${c.ip}/onvif/device_service`],
                  scopes: [],
                  types: [],
                  metadataVersion: 1,
                },
              })),
            ),
          ]
        : [];
      const lab = startLabCore(cameras, { sources, env, via: 'cli', credentialStore: createMemorySecretStore('memory only') });
      void allowedInterfaces;
      return lab.core;
    },
    stdout: { write: (t) => out.push(t) },
    stderr: { write: (t) => err.push(t) },
  });
  const stdout = out.join('');
  const stderr = err.join('');
  for (const secret of SECRETS) {
    expect(stdout).not.toContain(secret);
    expect(stderr).not.toContain(secret);
  }
  return { code, stdout, stderr };
}

const camera = async (ip: string, n: number) =>
  startCamera(ip, {
    auth: 'digest-sha256+md5',
    users: { admin: RIGHT },
    facts: { ...BOSCH, mac: `00:07:5f:00:01:${n}`, serial: `40475473401234${n}00` },
  });

describe('camera-finder identify --ip', () => {
  it('identifies the named IPs with the file sets in order and prints {devices, results} (exit 0)', async () => {
    cameras = [await camera('127.0.0.91', 91), await camera('127.0.0.92', 92)];
    const file = await credentialsFile([
      { name: 'old default', username: 'admin', password: WRONG },
      { name: 'site', username: 'admin', password: RIGHT },
    ]);
    const r = await cli(['identify', '--ip', '127.0.0.91', '--ip', '127.0.0.92', '--credentials', file, '--json']);
    expect(r.code).toBe(EXIT.ok);
    const json = JSON.parse(r.stdout) as { devices: Device[]; results: { status: string; set: string }[] };
    expect(json.devices.map((d) => [d.ip, d.serial, d.mac, d.macSource, d.auth?.status, d.auth?.set])).toEqual([
      ['127.0.0.91', '40475473401234' + '9100', '00:07:5f:00:01:91', 'onvif', 'authenticated', 'site'],
      ['127.0.0.92', '40475473401234' + '9200', '00:07:5f:00:01:92', 'onvif', 'authenticated', 'site'],
    ]);
    expect(json.results.map((x) => x.status)).toEqual(['authenticated', 'authenticated']);
    // Every device is a full contract Device, the same shape `scan --json` prints.
    for (const d of json.devices) expect(deviceSchema.safeParse(d).success).toBe(true);
  });

  it('refuses a credentials file that group or others may read, before any camera is asked (exit 2)', async () => {
    cameras = [await camera('127.0.0.93', 93)];
    const file = await credentialsFile([{ name: 'site', username: 'admin', password: RIGHT }], 0o644);
    const r = await cli(['identify', '--ip', '127.0.0.93', '--credentials', file, '--json']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('can be read by other users (mode 644); refusing to use it. Run: chmod 600');
    expect(r.stdout).toBe('');
    expect(cameras[0]!.device.state.requests).toBe(0);
  });

  it.each([
    ['not JSON', `[{"name":"a","username":"admin","password":"${RIGHT}"`],
    ['an object instead of a list', { name: 'a', username: 'admin', password: RIGHT }],
    ['an entry without a password', [{ name: 'a', username: 'admin' }]],
    ['an entry with an unknown field', [{ name: 'a', username: 'admin', password: RIGHT, pasword: WRONG }]],
  ])('refuses a malformed credentials file (%s) with a sentence and no secret (exit 2)', async (_label, content) => {
    cameras = [await camera('127.0.0.94', 94)];
    const file = await credentialsFile(content);
    const r = await cli(['identify', '--ip', '127.0.0.94', '--credentials', file]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/credentials file .* (is not valid JSON|should be a non-empty JSON array|is malformed)/);
  });

  it('uses the one set from CAMERA_FINDER_CAMERA_USER / _PASSWORD when no file is given', async () => {
    cameras = [await camera('127.0.0.95', 95)];
    const r = await cli(['identify', '--ip', '127.0.0.95', '--json'], {
      CAMERA_FINDER_CAMERA_USER: 'admin',
      CAMERA_FINDER_CAMERA_PASSWORD: RIGHT,
    });
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.stdout).devices[0].auth).toMatchObject({ status: 'authenticated', set: 'environment' });
  });

  it('says what to do when there are no credentials at all (exit 2)', async () => {
    cameras = [await camera('127.0.0.96', 96)];
    const r = await cli(['identify', '--ip', '127.0.0.96']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('pass --credentials <file>');
    expect(r.stderr).toContain('CAMERA_FINDER_CAMERA_USER');
  });

  it('reports an unreachable IP in the result, not as a crash (exit 0: the run happened)', async () => {
    const file = await credentialsFile([{ name: 'site', username: 'admin', password: RIGHT }]);
    const r = await cli(['identify', '--ip', '127.0.0.97', '--credentials', file, '--json']);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ status: 'unreachable' });
  });

  it.each([
    [['identify', '--credentials', 'x.json'], 'identify needs at least one --ip'],
    [['identify', '--ip', '999.1.1.1'], 'is not an IPv4 address'],
    [['identify', '--ip', '10.0.0.01'], 'is not an IPv4 address'],
    [['scan', '--ip', '10.0.0.1'], '--ip belongs to the identify command'],
    [['scan', '--credentials', 'x.json'], '--credentials needs --identify'],
    [['register', '--identify', '--mac', '00:40:8c:00:00:01', '--password', 'x'], 'belong to scan and identify'],
  ])('usage error for %j (exit 2)', async (argv, sentence) => {
    const r = await cli(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(sentence);
  });

  it('documents the new flags in --help', () => {
    for (const flag of ['--identify', '--credentials <f>', '--ip <IP>', 'CAMERA_FINDER_CAMERA_USER', 'chmod 600'])
      expect(usage).toContain(flag);
  });
});

describe('camera-finder scan --json --identify', () => {
  it('scans, identifies every camera found and prints {devices, diagnostics} with auth per device', async () => {
    cameras = [await camera('127.0.0.98', 98)];
    const file = await credentialsFile([{ name: 'site', username: 'admin', password: RIGHT }]);
    const r = await cli(['scan', '--json', '--timeout', '200', '--interface', 'lab0', '--identify', '--credentials', file], {}, true);
    expect(r.code).toBe(EXIT.ok);
    const json = JSON.parse(r.stdout) as { devices: Device[]; diagnostics: { errors: string[] } };
    expect(json.diagnostics.errors).toEqual([]);
    expect(json.devices).toHaveLength(1);
    expect(json.devices[0]).toMatchObject({
      ip: '127.0.0.98',
      serial: '40475473401234' + '9800',
      firmware: BOSCH.firmware,
      auth: { status: 'authenticated', set: 'site' },
    });
  });

  it('refuses a world-readable file before scanning (exit 2, nothing on stdout)', async () => {
    cameras = [await camera('127.0.0.99', 99)];
    const file = await credentialsFile([{ name: 'site', username: 'admin', password: RIGHT }], 0o604);
    const r = await cli(['scan', '--json', '--timeout', '200', '--interface', 'lab0', '--identify', '--credentials', file], {}, true);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
  });
});

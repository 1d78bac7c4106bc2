/**
 * `camera-finder register` with the real core and the cloud simulator on 127.0.0.1: the settings come from
 * CAMERA_FINDER_* variables as on a headless site box; exit codes and JSON are what scripts rely on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core.js';
import { EXIT } from '../../../../electron/hosts/cli-args.js';
import { runCli } from '../../../../electron/hosts/cli.js';
import { readPasswordFromStdin } from '../../../../electron/hosts/cli-register.js';
import { createMemoryAuditLog, type AuditLog } from '../../../../electron/platform/audit-log.js';
import { createNodeHttpClient } from '../../../../electron/platform/http.js';
import type { Ports } from '../../../../electron/platform/ports.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../electron/platform/settings.js';
import type { RegisterResult } from '../../../../shared/contract.js';
import { startCloudSim, type CloudSim } from '../../../sim/cloud/cloud-sim.js';
import { InstantClock, leakedSecrets, SECRETS } from '../core/cloud/cloud-fixture.js';

let sim: CloudSim;
let audit: AuditLog;
beforeEach(async () => {
  sim = await startCloudSim({ host: '127.0.0.1', ...SECRETS });
  audit = createMemoryAuditLog();
});
afterEach(() => sim.close());

async function cli(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const env = {
    CAMERA_FINDER_CLOUD_API_URL: sim.url,
    CAMERA_FINDER_LICENSE_KEY: SECRETS.licenseKey,
    CAMERA_FINDER_PROVISIONING_URL: `${sim.url}/v1/token`,
    CAMERA_FINDER_PROVISIONING_USER: SECRETS.provisioningUser,
    CAMERA_FINDER_PROVISIONING_PASSWORD: SECRETS.provisioningPassword,
    ...options.env,
  };
  const code = await runCli(argv, {
    createCore: () => {
      throw new Error('register must not build the scanning core');
    },
    createCloudCore: (log) => {
      const ports = {
        clock: new InstantClock(),
        log,
        settings: createMemorySettings(),
        http: createNodeHttpClient(),
        secrets: createMemorySecretStore(),
        audit,
        network: { interfaces: () => [] },
        neighbours: { read: async () => [] },
        udp: () => {
          throw new Error('no sockets');
        },
      } as Ports;
      return createCore(ports, { env, via: 'cli', sources: [], cloud: { timeoutMs: 2000, random: () => 0.5 } });
    },
    readStdin: () => readPasswordFromStdin(stdinOf(options.stdin)),
    stdout: { write: (t) => out.push(t) },
    stderr: { write: (t) => err.push(t) },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function* stdinOf(text: string | undefined): AsyncGenerator<string> {
  if (text !== undefined) yield text;
}

const results = (stdout: string) => (JSON.parse(stdout) as { results: RegisterResult[] }).results;
const secrets = () => [
  SECRETS.licenseKey,
  SECRETS.provisioningPassword,
  SECRETS.cameraPassword,
  ...[...sim.state.channels.values()].flatMap((c) => [c.allToken, c.watchToken]),
];

describe('camera-finder register', () => {
  it('registers a camera, prints one JSON object, and a second run changes nothing (exit 0 both times)', async () => {
    const argv = ['register', '--mac', 'ac:cc:8e:12:ab:34', '--password', SECRETS.cameraPassword, '--json'];
    const first = await cli(argv);
    expect(first.code).toBe(EXIT.ok);
    expect(results(first.stdout)).toMatchObject([{ ok: true, status: 'registered', cameraId: 'ACCC8E12AB34', channelCreated: true }]);
    const second = await cli(argv);
    expect(second.code).toBe(EXIT.ok);
    expect(results(second.stdout)).toMatchObject([{ ok: true, status: 'already-registered', channelCreated: false }]);
    expect(sim.state.channels.size).toBe(1);
    expect(sim.state.records.size).toBe(1);
    const entries = await audit.list(100);
    expect(entries.every((e) => e.via === 'cli')).toBe(true);
    expect(leakedSecrets([first.stdout, first.stderr, second.stdout, second.stderr, JSON.stringify(entries)], secrets())).toEqual([]);
  });

  it('reuses a channel that already exists for the camera instead of creating another', async () => {
    const existing = sim.state.addChannel('Lobby', { rsid: 'ACCC8E12AB34', ACCC8E12AB34: 'rsid' });
    const r = await cli(['register', '--mac', 'AC:CC:8E:12:AB:34', '--password', '-', '--json'], { stdin: `${SECRETS.cameraPassword}\n` });
    expect(r.code).toBe(EXIT.ok);
    expect(results(r.stdout)).toMatchObject([{ status: 'registered', channelId: existing.id, channelCreated: false }]);
    expect(sim.state.channels.size).toBe(1);
    // The newline `echo` adds is not part of the password.
    expect(sim.state.records.get('ACCC8E12AB34')?.password).toBe(SECRETS.cameraPassword);
  });

  it('leaves nothing behind and exits 1 when the provisioning service refuses', async () => {
    sim.faults.add('POST /v1/token', { kind: 'status', status: 403 }, 10);
    const r = await cli([
      'register',
      '--mac',
      'ac:cc:8e:12:ab:34',
      '--mac',
      'ac:cc:8e:12:ab:35',
      '--password',
      SECRETS.cameraPassword,
      '--json',
    ]);
    expect(r.code).toBe(EXIT.failed);
    const list = results(r.stdout);
    expect(list.map((x) => [x.ok, x.rolledBack])).toEqual([
      [false, true],
      [false, true],
    ]);
    expect(list[0]?.message).toMatch(/refused the credentials.*deleted again/);
    expect(r.stderr).toContain('2 of 2 cameras not registered.');
    expect(sim.state.channels.size).toBe(0);
    expect(sim.state.records.size).toBe(0);
  });

  it('uses --id and --name for a single camera, and prints sentences without --json', async () => {
    const r = await cli(['register', '--mac', 'ac:cc:8e:12:ab:34', '--id', 'b8a44f-serial-1', '--name', 'Gate', '--password', 'pw1']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^B8A44F-SERIAL-1 {2}registered channel \d+: Camera B8A44F-SERIAL-1 registered with new channel/);
    expect([...sim.state.channels.values()][0]).toMatchObject({
      name: 'Gate',
      meta: { rsid: 'B8A44F-SERIAL-1', mac: 'AC:CC:8E:12:AB:34' },
    });
  });

  it('exits 1 with a sentence naming the missing setting when the cloud is not configured', async () => {
    const r = await cli(['register', '--mac', 'ac:cc:8e:12:ab:34', '--password', 'pw1'], { env: { CAMERA_FINDER_LICENSE_KEY: '' } });
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toMatch(/the license key \(CAMERA_FINDER_LICENSE_KEY\)/);
  });

  it.each([
    [['register', '--password', 'x'], /needs --mac/],
    [['register', '--mac', 'ac:cc:8e:12:ab:34'], /needs --password/],
    [['register', '--mac', 'ac:cc:8e:12:ab:34', '--mac', 'ac:cc:8e:12:ab:35', '--id', 'X', '--password', 'x'], /single --mac/],
    [['scan', '--mac', 'ac:cc:8e:12:ab:34'], /belongs to the register command/],
  ])('refuses %j with exit 2', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 when --password - finds nothing on stdin', async () => {
    const r = await cli(['register', '--mac', 'ac:cc:8e:12:ab:34', '--password', '-']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/No password on stdin/);
  });
});

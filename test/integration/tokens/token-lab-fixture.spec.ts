/**
 * The token lab itself (no app): an Axis camera in its namespace serves VAPIX with VXG Cloud Agent beside ONVIF
 * on :80, polls the provisioning service in its hourly phase, stops polling once a written token is in place and
 * the agent restarted, connects to the cloud its token names (a second cloud account included), polls again when
 * the token is cleared, and fails write / read-back / restart on demand. Driven with curl (HTTP Digest) from the
 * tech namespace, so the lab tests of the app (write-token-lab, move-lab) stand on a fixture proven here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { labCloudIp, startCloudInLab, type CloudInLab } from '../../lab/cloud-in-lab.js';
import { createLab, type Lab, type LabCamera } from '../../lab/lab.js';
import { AXIS_SET, agentCamera, nextHourlyPollAtLeast, cameraIdOf, stickerPassword } from '../../lab/token-cameras.js';

const skip = announceSkip('Token lab fixture', { needsBuild: false });
const KEY = 'root.VXGCloudAgent.CloudToken';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip)('Token lab fixture (agent cameras, provisioning loop, two cloud accounts)', () => {
  let lab: Lab;
  let cloud: CloudInLab;
  let second: CloudInLab;

  const cam = (id: string): LabCamera => lab.cameras.find((c) => c.id === id)!;
  /** A VAPIX call from the technician's namespace, with HTTP Digest. */
  const vapix = async (id: string, path: string, password = AXIS_SET.password) => {
    const r = await lab.execInTech(
      'curl',
      [
        '-s',
        '--max-time',
        '5',
        '--digest',
        '-u',
        `${AXIS_SET.username}:${password}`,
        '-w',
        '\n%{http_code}',
        `http://${cam(id).ip}${path}`,
      ],
      { timeoutMs: 10_000 },
    );
    const at = r.stdout.lastIndexOf('\n');
    return { status: Number(r.stdout.slice(at + 1)), body: r.stdout.slice(0, at) };
  };
  const setToken = (id: string, token: string) => vapix(id, `/axis-cgi/param.cgi?action=update&${KEY}=${encodeURIComponent(token)}`);
  const restart = (id: string) => vapix(id, '/axis-cgi/applications/control.cgi?action=restart&package=VXGCloudAgent');
  const polls = (id: string): number => lab.sim.cloudEvents(id).filter((e) => e.state === 'polling').length;

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cftf',
      cameras: [agentCamera('a1'), agentCamera('a2'), agentCamera('plain', { agent: 'absent' })],
    });
    cloud = await startCloudInLab(lab, { licenseKey: 'lk-fixture-1', provisioningUser: 'u1', provisioningPassword: 'p1-fixture' });
    second = await startCloudInLab(
      lab,
      { licenseKey: 'lk-fixture-2', provisioningUser: 'u2', provisioningPassword: 'p2-fixture' },
      { slot: 2 },
    );
  }, 120_000);

  afterAll(async () => {
    await cloud?.stop();
    await second?.stop();
    await lab?.destroy();
  });

  it('polls in its hourly phase; a written token and an agent restart put it online and stop its polling', async () => {
    const { nextPollAt, polls: pollsThen } = await nextHourlyPollAtLeast(lab, 'a1', 4000);
    const channel = await cloud.addChannel('a1', {});
    const token = (await cloud.state()).channels.find((c) => c.id === channel)!.allToken;
    expect(await setToken('a1', token)).toEqual({ status: 200, body: 'OK' });
    expect((await vapix('a1', `/axis-cgi/param.cgi?action=list&group=${KEY}`)).body.trim()).toBe(`${KEY}=${token}`);
    expect(await restart('a1')).toEqual({ status: 200, body: 'OK' });
    const connection = await until(
      async () => (await cloud.state()).connections.find((c) => c.serialId === cameraIdOf(cam('a1').mac) && c.token === token),
      5000,
      'the connection with the written token',
    );
    expect(connection.channelId).toBe(channel);
    await until(() => (lab.sim.cloudEvents('a1').at(-1)?.state === 'online' ? true : undefined), 3000, 'the camera to report online');
    await new Promise((r) => setTimeout(r, Math.max(0, nextPollAt + 1500 - Date.now())));
    expect(polls('a1')).toBe(pollsThen);
    expect(await lab.sim.agent('a1')).toMatchObject({ cloudToken: token, restarts: 1, connections: [token] });
  }, 60_000);

  it('connects to the cloud its token names: a token of the second account takes it there', async () => {
    const channel = await second.addChannel('a2 in account 2', {});
    const token = (await second.state()).channels.find((c) => c.id === channel)!.allToken;
    expect(second.url).toBe(`http://${labCloudIp(2)}:8080`);
    expect(await setToken('a2', token)).toEqual({ status: 200, body: 'OK' });
    expect(await restart('a2')).toEqual({ status: 200, body: 'OK' });
    await until(
      async () => ((await second.state()).channels.find((c) => c.id === channel)?.streaming ? true : undefined),
      5000,
      'the second account to see the camera',
    );
    expect((await cloud.state()).connections.some((c) => c.serialId === cameraIdOf(cam('a2').mac))).toBe(false);
  });

  it('polls again (minutely phase) once its token is cleared and the agent restarted; a record then brings it online', async () => {
    const before = polls('a2');
    expect(await setToken('a2', '')).toEqual({ status: 200, body: 'OK' });
    expect(await restart('a2')).toEqual({ status: 200, body: 'OK' });
    await until(() => (polls('a2') >= before + 2 ? true : undefined), 3000, 'two minutely polls');
    const channel = await cloud.addChannel('a2 back home', {});
    await cloud.addRecord(cameraIdOf(cam('a2').mac), stickerPassword('a2'), channel);
    const token = (await cloud.state()).channels.find((c) => c.id === channel)!.allToken;
    await until(async () => ((await lab.sim.agent('a2'))?.cloudToken === token ? true : undefined), 5000, 'the polled token on the agent');
    await until(
      async () => ((await cloud.state()).channels.find((c) => c.id === channel)?.streaming ? true : undefined),
      5000,
      'the camera online with its polled token',
    );
  });

  it('fails a write, a read-back or a restart when told to, and refuses a wrong password with 401', async () => {
    const held = (await lab.sim.agent('a1'))!.cloudToken;
    await lab.sim.agent('a1', { faults: { write: 1, readBack: 1, restart: 1 } });
    expect((await setToken('a1', 'bm90LWEtdG9rZW4=')).body).toMatch(/^# Request failed/);
    expect((await lab.sim.agent('a1'))?.cloudToken).toBe(held);
    expect(await setToken('a1', 'bm90LWEtdG9rZW4=')).toEqual({ status: 200, body: 'OK' });
    expect((await lab.sim.agent('a1'))?.cloudToken).toBe('bm90LWEtdG9rZW4'); // cut short: the read-back differs
    expect((await restart('a1')).body).toBe('Error: 1');
    expect(await lab.sim.agent('a1')).toMatchObject({ restarts: 1, faults: { write: 0, readBack: 0, restart: 0 } });
    expect(await setToken('a1', held)).toEqual({ status: 200, body: 'OK' });
    expect((await vapix('a1', '/axis-cgi/applications/list.cgi', 'wrong-password')).status).toBe(401);
    expect(await lab.sim.deviceState('a1')).toMatchObject({ vapixFailures: 1, locked: false });
  });

  it('an Axis camera without the agent lists no VXGCloudAgent and refuses the parameter', async () => {
    expect((await vapix('plain', '/axis-cgi/applications/list.cgi')).body).not.toContain('VXGCloudAgent');
    expect((await setToken('plain', 'x')).body).toMatch(/^# Request failed/);
    expect(await lab.sim.agent('plain')).toMatchObject({ agent: 'absent', cloudToken: '' });
  });
});

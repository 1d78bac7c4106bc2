/**
 * token.write through the real core and the contract gate (issue #9): identified Axis cameras with VXG Cloud
 * Agent, the cloud simulator, what the technician sees afterwards — the camera's token, the channel online,
 * the record's cloud state and its device-updated events, the audit log — and that no token or password
 * leaks into results, audit entries or log lines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/device.js';
import { dispatch } from '../../../../shared/dispatch.js';
import { labSecrets, startTokenLab, type TokenLab } from './token-lab.js';

let lab: TokenLab | null = null;

afterEach(async () => {
  if (lab) {
    const entries = await lab.audit.list(5000);
    const texts = [...lab.logs, JSON.stringify(entries)];
    const secrets = labSecrets(lab);
    expect(texts.filter((t) => secrets.some((s) => t.includes(s)))).toEqual([]);
  }
  await lab?.close();
  lab = null;
});

async function write(l: TokenLab, cameras: { deviceId: string; channelId?: number; token?: string }[], rotate?: boolean) {
  const result = await dispatch(l.core, 'token.write', { cameras, ...(rotate ? { rotate } : {}) });
  if (!result.ok) throw new Error(result.message);
  // Results carry no secret either.
  const secrets = labSecrets(l);
  expect(secrets.filter((s) => JSON.stringify(result.value).includes(s))).toEqual([]);
  return result.value.results;
}

describe('token.write in the core', () => {
  it('forces another channel onto a camera: written, read back, restarted, online; the record goes token-delivered → online', async () => {
    lab = await startTokenLab([{ cloudToken: (cloud) => cloud.state.addChannel('Old place', {}).allToken }]);
    const [cam] = lab.cameras;
    const next = lab.cloud.state.addChannel('Lobby', {});
    const requestsBefore = cam!.agent.state.requests;
    const states: Device['cloud'][] = [];
    lab.core.on('device-updated', (e) => void (e.device.id === cam!.deviceId && states.push(e.device.cloud)));

    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: next.id }]);
    expect(result).toMatchObject({ ok: true, status: 'written', channelId: next.id, writer: 'axis-vxg-agent', failedStep: null });
    expect(result!.steps.map((s) => `${s.step}:${s.result}`)).toEqual([
      'check:info',
      'check:ok',
      'read:ok',
      'write:ok',
      'read-back:ok',
      'restart:ok',
      'confirm:ok',
    ]);
    expect(cam!.agent.state.cloudToken).toBe(next.allToken);
    expect(cam!.agent.state.restarts).toBe(1);
    expect(lab.cloud.state.connections.at(-1)).toMatchObject({ channelId: next.id, serialId: cam!.serial });
    expect(states.map((s) => s.state)).toEqual(['token-delivered', 'online']);
    expect((await lab.devices()).get(cam!.ip)?.cloud).toMatchObject({ state: 'online', channelId: next.id });
    // The camera never asked the provisioning service: a written token takes effect without any poll.
    expect(lab.cloud.state.count('GET /v1/token') + lab.cloud.state.count('POST /v1/camera/get_token/')).toBe(0);
    // check, read, write, read-back, restart: five exchanges after identification, each one digest round (2 requests).
    expect(cam!.agent.state.requests - requestsBefore).toBeGreaterThan(0);
    const actions = (await lab.audit.list(500)).filter((e) => e.action.startsWith('camera.token.')).map((e) => `${e.action}:${e.result}`);
    expect(actions).toEqual(
      expect.arrayContaining(['camera.token.write:ok', 'camera.token.read-back:ok', 'camera.token.restart:ok', 'camera.token.confirm:ok']),
    );
  });

  it("with neither channel nor token, finds or creates the camera's own channel by its ID (no provisioning record)", async () => {
    lab = await startTokenLab([{}, {}]);
    const [a, b] = lab.cameras;
    const existing = lab.cloud.state.addChannel('Existing', { rsid: a!.serial.toUpperCase(), [a!.serial.toUpperCase()]: 'rsid' });
    const results = await write(lab, [{ deviceId: a!.deviceId }, { deviceId: b!.deviceId }]);
    expect(results.map((r) => r.deviceId)).toEqual([a!.deviceId, b!.deviceId]); // input order
    expect(results[0]).toMatchObject({ ok: true, channelId: existing.id });
    expect(a!.agent.state.cloudToken).toBe(existing.allToken);
    const created = [...lab.cloud.state.channels.values()].find((c) => c.meta['rsid'] === b!.serial);
    expect(results[1]).toMatchObject({ ok: true, channelId: created?.id });
    expect(b!.agent.state.cloudToken).toBe(created?.allToken);
    expect(lab.cloud.state.records.size).toBe(0);
  });

  it('refuses a pasted watch token without a single request to the camera', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    const channel = lab.cloud.state.addChannel('Lobby', {});
    const before = cam!.agent.state.requests;
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, token: channel.watchToken }]);
    expect(result).toMatchObject({ ok: false, status: 'unchanged', failedStep: 'check' });
    expect(result!.message).toMatch(/view-only \("watch"\) token.*Nothing was changed/);
    expect(cam!.agent.state.requests).toBe(before);
    expect(cam!.lab.device.state.requests).toBeGreaterThan(0); // identified earlier, untouched since
  });

  it('writes a pasted all token after checking it with the codec', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    const channel = lab.cloud.state.addChannel('Lobby', {});
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, token: `  ${channel.allToken}\n` }]);
    expect(result).toMatchObject({ ok: true, status: 'written', channelId: channel.id });
    expect(cam!.agent.state.cloudToken).toBe(channel.allToken);
  });

  it('rolls back a read-back that differs: the old token is back and the record still online on the old channel', async () => {
    let old = 0;
    lab = await startTokenLab([
      {
        cloudToken: (cloud) => {
          const ch = cloud.state.addChannel('Old', {});
          old = ch.id;
          return ch.allToken;
        },
      },
    ]);
    const [cam] = lab.cameras;
    const oldToken = cam!.agent.state.cloudToken;
    const next = lab.cloud.state.addChannel('New', {});
    cam!.agent.faults.readBack = 1;
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: next.id }]);
    expect(result).toMatchObject({ ok: false, status: 'rolled-back', failedStep: 'read-back', channelId: null });
    expect(cam!.agent.state.cloudToken).toBe(oldToken);
    await cam!.agent.idle();
    expect(lab.cloud.state.connections.map((c) => c.channelId)).toEqual([old]);
    expect((await lab.devices()).get(cam!.ip)?.cloud.state).toBe('unknown');
    const rollback = (await lab.audit.list(500)).find((e) => e.action === 'camera.token.rollback');
    expect(rollback).toMatchObject({ result: 'ok' });
  });

  it('reports a failed restart and rolls back', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    const next = lab.cloud.state.addChannel('New', {});
    cam!.agent.faults.restart = 1;
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: next.id }]);
    expect(result).toMatchObject({ ok: false, status: 'rolled-back', failedStep: 'restart' });
    expect(result!.message).toMatch(/failed at the agent restart/);
    expect(cam!.agent.state.cloudToken).toBe('');
    expect(next.streaming).toBe(false);
    const restart = (await lab.audit.list(500)).find((e) => e.action === 'camera.token.restart');
    expect(restart).toMatchObject({ result: 'failed' });
  });

  it('changes nothing with wrong credentials and costs exactly one 401', async () => {
    lab = await startTokenLab([{ cloudToken: (cloud) => cloud.state.addChannel('Old', {}).allToken }]);
    const [cam] = lab.cameras;
    const oldToken = cam!.agent.state.cloudToken;
    // The set that identified the camera now holds a wrong password (changed on the camera since).
    await dispatch(lab.core, 'credentials.save', {
      name: 'axis root',
      scope: 'vendor',
      match: 'axis',
      username: 'root',
      password: 'Wrong-pass-123',
    });
    const next = lab.cloud.state.addChannel('New', {});
    const failuresBefore = cam!.agent.state.failures;
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: next.id }]);
    expect(result).toMatchObject({ ok: false, status: 'unchanged', failedStep: 'check' });
    expect(result!.message).toMatch(/refused the user name or password/);
    expect(cam!.agent.state.failures - failuresBefore).toBe(1);
    expect(cam!.agent.state.cloudToken).toBe(oldToken);
    expect(cam!.agent.state.restarts).toBe(0);
    // The refusal is remembered: a second write does not spend another login on the same wrong password.
    expect((await lab.devices()).get(cam!.ip)?.auth).toMatchObject({ status: 'refused', set: 'axis root' });
    const [again] = await write(lab, [{ deviceId: cam!.deviceId, channelId: next.id }]);
    expect(again).toMatchObject({ ok: false, status: 'unchanged', message: expect.stringMatching(/identify it/) });
    expect(cam!.agent.state.failures - failuresBefore).toBe(1);
    expect(JSON.stringify(result)).not.toContain('Wrong-pass-123');
    expect(JSON.stringify(await lab.audit.list(500))).not.toContain('Wrong-pass-123');
    expect(lab.logs.join('\n')).not.toContain('Wrong-pass-123');
  });

  it('refuses a camera without the agent, with no request to it', async () => {
    lab = await startTokenLab([{ agent: 'absent' }]);
    const [cam] = lab.cameras;
    const next = lab.cloud.state.addChannel('New', {});
    const before = cam!.agent.state.requests;
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: next.id }]);
    expect(result).toMatchObject({ ok: false, status: 'unchanged', writer: null });
    expect(result!.message).toMatch(/VXG Cloud Agent is not installed/);
    expect(cam!.agent.state.requests).toBe(before);
  });

  it('answers every camera in input order, a missing device included, 20 at once', async () => {
    lab = await startTokenLab(Array.from({ length: 20 }, () => ({})));
    const targets = [...lab.cameras.map((c) => ({ deviceId: c.deviceId })), { deviceId: 'no-such-device' }];
    const results = await write(lab, targets);
    expect(results.map((r) => r.deviceId)).toEqual(targets.map((t) => t.deviceId));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, status: 'unchanged', message: expect.stringMatching(/No device/) });
  });

  it('rotates: re-writes the own channel token with read-back, audited as a rotation', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    const own = lab.cloud.state.addChannel('Own', { rsid: cam!.serial, [cam!.serial]: 'rsid' });
    const [first] = await write(lab, [{ deviceId: cam!.deviceId }], true);
    expect(first).toMatchObject({ ok: true, channelId: own.id });
    expect(cam!.agent.state.cloudToken).toBe(own.allToken);
    const entries = await lab.audit.list(500);
    expect(entries.some((e) => e.action === 'camera.token.rotate' && e.result === 'ok')).toBe(true);
    expect(entries.filter((e) => e.action === 'camera.token.read-back').every((e) => e.message.startsWith('Rotation: '))).toBe(true);
    const [refused] = await write(lab, [{ deviceId: cam!.deviceId, channelId: own.id }], true);
    expect(refused).toMatchObject({ ok: false, status: 'unchanged' });
  });

  it('rotation of an unregistered camera creates nothing', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    const [result] = await write(lab, [{ deviceId: cam!.deviceId }], true);
    expect(result).toMatchObject({ ok: false, status: 'unchanged', message: expect.stringMatching(/register it first/) });
    expect(lab.cloud.state.channels.size).toBe(0);
  });

  it('deletes a channel it created when the write does not happen', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    cam!.agent.faults.write = 1;
    const [result] = await write(lab, [{ deviceId: cam!.deviceId }]);
    expect(result).toMatchObject({ ok: false, status: 'rolled-back', failedStep: 'write' });
    expect(lab.cloud.state.channels.size).toBe(0);
    expect(cam!.agent.state.cloudToken).toBe('');
  });
});

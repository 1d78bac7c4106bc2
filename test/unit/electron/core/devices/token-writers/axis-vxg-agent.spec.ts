/**
 * The Axis + VXG Cloud Agent token writer against the VAPIX simulator with its agent (test/sim/vapix/agent-camera.ts)
 * and the cloud simulator, all on 127.0.0.1: what a technician sees on the camera and in the cloud afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAxisAgentWriter } from '../../../../../../electron/core/devices/token-writers/axis-vxg-agent.js';
import type { TokenTarget, TokenWriteStep } from '../../../../../../electron/core/devices/token-writers/writer.js';
import { createNodeHttpClient } from '../../../../../../electron/platform/http.js';
import { startCloudSim, type CloudSim } from '../../../../../sim/cloud/cloud-sim.js';
import type { SimChannel } from '../../../../../sim/cloud/state.js';
import { startSimServer, type SimServer } from '../../../../../sim/onvif-device/server.js';
import { cloudSimConnector, createAgentCamera, type AgentCamera } from '../../../../../sim/vapix/agent-camera.js';
import type { AgentInstall } from '../../../../../sim/vapix/vapix.js';
import { awkwardToken, decoded, leaks, secretsOf } from './token-fixtures.js';

const SERIAL = 'ACCC8E0A1B2C';
const PASSWORD = 'Zq9-vapix-admin-pw';
const target: TokenTarget = {
  id: 'acc8e0a1b2c',
  ip: '127.0.0.1',
  mac: 'ac:cc:8e:0a:1b:2c',
  serial: SERIAL,
  vendor: 'Axis Communications',
  manufacturer: 'AXIS',
  cloudAgent: { installed: 'running', token: 'has-token' },
};

let cloud: CloudSim;
let server: SimServer | null = null;
let camera: AgentCamera;
let old: SimChannel;
let next: SimChannel;
let steps: TokenWriteStep[];
let said: string[];
let secrets: string[];

beforeEach(async () => {
  cloud = await startCloudSim({ host: '127.0.0.1', licenseKey: 'lk-test', provisioningUser: 'pu', provisioningPassword: 'pp' });
  old = cloud.state.addChannel('Old place', {});
  next = cloud.state.addChannel('Lobby', {});
  next.allToken = awkwardToken(next.id); // the channel's token carries "+", "/" and "="
  steps = [];
  said = [];
  secrets = [PASSWORD, ...secretsOf(old.allToken), ...secretsOf(next.allToken), ...secretsOf(next.watchToken)];
});

afterEach(async () => {
  // No sentence, step or outcome ever carries a token, its inner secret or the password.
  expect(leaks([...said, ...steps.map((s) => s.message)], secrets)).toEqual([]);
  await server?.close();
  server = null;
  await cloud.close();
});

async function axisCamera(agent: AgentInstall, cloudToken: string): Promise<void> {
  camera = createAgentCamera({
    profile: { serial: SERIAL, model: 'P3265-LVE', firmware: '11.11.73', users: { root: PASSWORD }, agent, cloudToken },
    connect: cloudSimConnector(cloud.url, SERIAL),
  });
  server = await startSimServer({ host: '127.0.0.1', handlers: [camera] });
}

function writer(password = PASSWORD) {
  return createAxisAgentWriter({
    http: createNodeHttpClient(),
    credentialsFor: () => ({ username: 'root', password }),
    baseUrlFor: () => server!.url,
    confirmOnline: async (channelId) => {
      await camera.idle();
      return cloud.state.channels.get(channelId)?.streaming
        ? { ok: true }
        : { ok: false, message: `Channel ${channelId} did not report the camera online.` };
    },
  });
}

async function write(raw: string, options: { force?: boolean; password?: string } = {}) {
  const outcome = await writer(options.password).write({
    camera: target,
    token: decoded(raw),
    force: options.force ?? false,
    onStep: (step) => steps.push(step),
  });
  said.push(outcome.message);
  return outcome;
}

describe('Axis VXG Cloud Agent token writer', () => {
  it('writes a token with "+", "/" and "=" intact, restarts the agent, and the channel comes online with it', async () => {
    await axisCamera('running', '');
    const outcome = await write(next.allToken);
    expect(outcome).toMatchObject({ status: 'written', channelId: next.id, failedStep: null });
    expect(camera.state.cloudToken).toBe(next.allToken);
    expect(camera.state.restarts).toBe(1);
    expect(cloud.state.connections.at(-1)).toMatchObject({ channelId: next.id, token: next.allToken, serialId: SERIAL });
    expect(next.streaming).toBe(true);
    expect(steps.map((s) => `${s.step}:${s.result}`)).toEqual([
      'check:ok',
      'read:ok',
      'write:ok',
      'read-back:ok',
      'restart:ok',
      'confirm:ok',
    ]);
  });

  it('rolls back a read-back that differs: the old token is restored and the agent reconnects with it', async () => {
    await axisCamera('running', old.allToken);
    camera.faults.readBack = 1;
    const outcome = await write(next.allToken, { force: true });
    expect(outcome).toMatchObject({ status: 'rolled-back', failedStep: 'read-back' });
    expect(outcome.message).toMatch(/failed at the read-back.*previous token \(channel 1001\) was written back, read back equal/);
    expect(camera.state.cloudToken).toBe(old.allToken);
    expect(camera.connections).toEqual([old.allToken]);
    await camera.idle();
    expect(cloud.state.connections.map((c) => c.channelId)).toEqual([old.id]);
    expect(steps.at(-1)).toMatchObject({ step: 'rollback', result: 'ok' });
  });

  it('reports a failed restart and rolls back to the old token', async () => {
    await axisCamera('running', old.allToken);
    camera.faults.restart = 1;
    const outcome = await write(next.allToken, { force: true });
    expect(outcome).toMatchObject({ status: 'rolled-back', failedStep: 'restart' });
    expect(outcome.message).toMatch(/failed at the agent restart: The camera at 127\.0\.0\.1:\d+ did not accept the request to restart/);
    expect(camera.state.cloudToken).toBe(old.allToken);
    expect(camera.state.restarts).toBe(1); // only the rollback's restart took
    expect(camera.connections).toEqual([old.allToken]);
  });

  it('rolls back a write the camera refused, without repeating the echoed token', async () => {
    await axisCamera('running', old.allToken);
    camera.faults.write = 1;
    const outcome = await write(next.allToken, { force: true });
    expect(outcome).toMatchObject({ status: 'rolled-back', failedStep: 'write' });
    expect(camera.state.cloudToken).toBe(old.allToken);
  });

  it('clears the token again when the channel never comes online after a write onto a camera that had none', async () => {
    await axisCamera('running', '');
    const stranger = awkwardToken(4242); // a channel the cloud does not have: the camera never comes online
    secrets.push(...secretsOf(stranger));
    const outcome = await write(stranger);
    expect(outcome).toMatchObject({ status: 'rolled-back', failedStep: 'confirm' });
    expect(outcome.message).toMatch(/did not report the camera online.*empty token it had was written back/);
    expect(camera.state.cloudToken).toBe('');
  });

  it('still rolls back when the online check itself breaks', async () => {
    await axisCamera('running', old.allToken);
    const broken = createAxisAgentWriter({
      http: createNodeHttpClient(),
      credentialsFor: () => ({ username: 'root', password: PASSWORD }),
      baseUrlFor: () => server!.url,
      confirmOnline: () => Promise.reject(new Error('watcher crashed')),
    });
    const outcome = await broken.write({ camera: target, token: decoded(next.allToken), force: true });
    said.push(outcome.message);
    expect(outcome).toMatchObject({ status: 'rolled-back', failedStep: 'confirm' });
    expect(camera.state.cloudToken).toBe(old.allToken);
    expect(camera.connections).toEqual([next.allToken, old.allToken]);
  });

  it('changes nothing on wrong credentials and costs exactly one failed login', async () => {
    await axisCamera('running', old.allToken);
    const outcome = await write(next.allToken, { force: true, password: 'Wrong-pw-123' });
    secrets.push('Wrong-pw-123');
    expect(outcome).toMatchObject({ status: 'unchanged', failedStep: 'check' });
    expect(outcome.message).toMatch(/refused the user name or password.*Nothing was changed/);
    expect(camera.state.failures).toBe(1);
    expect(camera.state.cloudToken).toBe(old.allToken);
    expect(camera.state.restarts).toBe(0);
  });

  it('refuses a camera without the agent with a sentence, and does not claim to fit it', async () => {
    await axisCamera('absent', '');
    expect(writer().fits({ ...target, cloudAgent: { installed: 'absent', token: 'unknown' } })).toMatchObject({
      fits: false,
      reason: expect.stringMatching(/not installed/),
    });
    const outcome = await write(next.allToken);
    expect(outcome).toMatchObject({ status: 'unchanged', failedStep: 'check' });
    expect(outcome.message).toMatch(/VXG Cloud Agent is not installed on the camera at .*Nothing was changed/);
  });

  it('refuses a view-only token before talking to the camera', async () => {
    await axisCamera('running', old.allToken);
    const outcome = await write(next.watchToken);
    expect(outcome).toMatchObject({ status: 'unchanged', failedStep: 'check' });
    expect(outcome.message).toMatch(/view-only \("watch"\) token/);
    expect(camera.state.requests).toBe(0);
  });

  it('refuses to take a camera from another channel without force, and moves it with force', async () => {
    await axisCamera('running', old.allToken);
    const refused = await write(next.allToken);
    expect(refused.status).toBe('unchanged');
    expect(refused.message).toContain(`belongs to channel ${old.id}; moving it to channel ${next.id} needs force`);
    expect(camera.state.cloudToken).toBe(old.allToken);
    const moved = await write(next.allToken, { force: true });
    expect(moved.status).toBe('written');
    expect(camera.state.cloudToken).toBe(next.allToken);
  });

  it('clears the token (read back empty) and restarts the agent, so the camera polls again', async () => {
    await axisCamera('running', old.allToken);
    const outcome = await writer().clear!({ camera: target, onStep: (step) => steps.push(step) });
    said.push(outcome.message);
    expect(outcome).toMatchObject({ status: 'written', failedStep: null, channelId: null });
    expect(camera.state.cloudToken).toBe('');
    expect(camera.state.restarts).toBe(1);
    expect(camera.connections).toEqual([]);
    expect(steps.map((s) => `${s.step}:${s.result}`)).toEqual(['check:ok', 'read:ok', 'write:ok', 'read-back:ok', 'restart:ok']);
  });

  it('puts the old token back when the restart after clearing fails', async () => {
    await axisCamera('running', old.allToken);
    camera.faults.restart = 1;
    const outcome = await writer().clear!({ camera: target, onStep: (step) => steps.push(step) });
    said.push(outcome.message);
    expect(outcome).toMatchObject({ status: 'rolled-back', failedStep: 'restart' });
    expect(outcome.message).toMatch(/^Emptying the token on the camera .* failed at the agent restart/);
    expect(camera.state.cloudToken).toBe(old.allToken);
  });

  it('fits an identified Axis camera with the agent, and nothing else', () => {
    const w = createAxisAgentWriter({ http: createNodeHttpClient(), credentialsFor: () => null });
    expect(w.fits(target)).toEqual({ fits: true });
    expect(w.fits({ ...target, vendor: 'Hikvision', manufacturer: 'HIKVISION' }).fits).toBe(false);
    expect(w.fits({ ...target, cloudAgent: null })).toMatchObject({ fits: false, reason: expect.stringMatching(/Identify the camera/) });
  });
});

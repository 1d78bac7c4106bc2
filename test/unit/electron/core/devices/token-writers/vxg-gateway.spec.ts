/** The VXG gateway token writer against the gateway and cloud simulators on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGatewayWriter } from '../../../../../../electron/core/devices/token-writers/vxg-gateway.js';
import type { TokenTarget, TokenWriteStep } from '../../../../../../electron/core/devices/token-writers/writer.js';
import { createNodeHttpClient } from '../../../../../../electron/platform/http.js';
import { startCloudSim, type CloudSim } from '../../../../../sim/cloud/cloud-sim.js';
import type { SimChannel } from '../../../../../sim/cloud/state.js';
import { startGatewaySim, type GatewaySim } from '../../../../../sim/gateway/gateway-sim.js';
import { cloudSimConnector } from '../../../../../sim/vapix/agent-camera.js';
import { awkwardToken, decoded, leaks, secretsOf } from './token-fixtures.js';

const PASSWORD = 'Gw-admin-pw-77';
const camera: TokenTarget = {
  id: '00408c123456',
  ip: '192.0.2.40',
  mac: '00:40:8c:12:34:56',
  serial: '00408C123456',
  vendor: 'Axis Communications',
  manufacturer: 'AXIS',
  cloudAgent: null,
};

let cloud: CloudSim;
let gateway: GatewaySim;
let channel: SimChannel;
let steps: TokenWriteStep[];
let said: string[];
let secrets: string[];

beforeEach(async () => {
  cloud = await startCloudSim({ host: '127.0.0.1', licenseKey: 'lk', provisioningUser: 'pu', provisioningPassword: 'pp' });
  channel = cloud.state.addChannel('Gate', {});
  channel.allToken = awkwardToken(channel.id);
  gateway = await startGatewaySim({
    host: '127.0.0.1',
    username: 'admin',
    password: PASSWORD,
    connect: cloudSimConnector(cloud.url, 'gw'),
  });
  steps = [];
  said = [];
  secrets = [PASSWORD, ...secretsOf(channel.allToken)];
});

afterEach(async () => {
  expect(leaks([...said, ...steps.map((s) => s.message)], secrets)).toEqual([]);
  await gateway.close();
  await cloud.close();
});

async function write(password = PASSWORD) {
  const writer = createGatewayWriter({
    http: createNodeHttpClient(),
    url: gateway.url,
    credentials: { username: 'admin', password },
    confirmOnline: async (id) => {
      await gateway.idle();
      return cloud.state.channels.get(id)?.streaming
        ? { ok: true }
        : { ok: false, message: `Channel ${id} did not report the camera online.` };
    },
  });
  const outcome = await writer.write({ camera, token: decoded(channel.allToken), onStep: (s) => steps.push(s) });
  said.push(outcome.message);
  return outcome;
}

describe('VXG gateway token writer', () => {
  it('logs in, adds the camera with its channel token intact, restarts, and the channel comes online', async () => {
    const outcome = await write();
    expect(outcome).toMatchObject({ status: 'written', channelId: channel.id });
    expect(gateway.state.cameras.get(channel.id)).toMatchObject({
      ip: '192.0.2.40',
      httpPort: 80,
      rtspPort: 554,
      accessToken: channel.allToken,
      serial: '00408C123456',
    });
    expect(gateway.state.restarts).toBe(1);
    expect(channel.streaming).toBe(true);
    expect(steps.map((s) => `${s.step}:${s.result}`)).toEqual(['check:ok', 'write:ok', 'restart:ok', 'confirm:ok']);
  });

  it('stops at a refused login: one failed attempt, no camera added', async () => {
    const outcome = await write('not-the-password');
    secrets.push('not-the-password');
    expect(outcome).toMatchObject({ status: 'unchanged', failedStep: 'check' });
    expect(outcome.message).toMatch(/refused the user name or password \(HTTP 400\)\. Nothing was changed\./);
    expect(gateway.state.failedLogins).toBe(1);
    expect(gateway.state.cameras.size).toBe(0);
  });

  it('removes the camera again when the gateway restart fails', async () => {
    gateway.faults.restart = 1;
    const outcome = await write();
    expect(outcome).toMatchObject({ status: 'rolled-back', failedStep: 'restart' });
    expect(outcome.message).toMatch(/removed from the gateway again/);
    expect(gateway.state.cameras.size).toBe(0);
  });

  it('refuses a watch token without contacting the gateway', async () => {
    const writer = createGatewayWriter({
      http: createNodeHttpClient(),
      url: gateway.url,
      credentials: { username: 'admin', password: PASSWORD },
    });
    const outcome = await writer.write({ camera, token: decoded(channel.watchToken), onStep: (s) => steps.push(s) });
    said.push(outcome.message);
    expect(outcome.status).toBe('unchanged');
    expect(gateway.state.logins + gateway.state.failedLogins).toBe(0);
  });
});

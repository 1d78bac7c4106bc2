/**
 * token.write through the real core (issue #9 leftovers): the site's VXG gateway, configured in the cloud settings
 * like any other front-door setting, carries the cameras the Axis agent writer does not fit; and after a write or
 * clear through the camera's own agent, the record's `cloudAgent.token` says what the camera now holds without
 * another Identify. Secrets (the gateway password, every token) never reach results, settings, audit or logs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/device.js';
import { dispatch } from '../../../../shared/dispatch.js';
import { startGatewaySim, type GatewaySim } from '../../../sim/gateway/gateway-sim.js';
import { cloudSimConnector } from '../../../sim/vapix/agent-camera.js';
import { labSecrets, OLD_CLOUD, startTokenLab, STICKER, type TokenLab } from './token-lab.js';

const GATEWAY_USER = 'gw-admin';
const GATEWAY_PASSWORD = 'Gw-site-pass-5190';

let lab: TokenLab | null = null;
let gateway: GatewaySim | null = null;

afterEach(async () => {
  if (lab) {
    const secrets = [...labSecrets(lab), GATEWAY_PASSWORD];
    const texts = [...lab.logs, JSON.stringify(await lab.audit.list(5000)), JSON.stringify(lab.settings.get('cloud') ?? null)];
    expect(texts.filter((t) => secrets.some((s) => t.includes(s)))).toEqual([]);
  }
  await gateway?.close();
  await lab?.close();
  gateway = null;
  lab = null;
});

async function write(l: TokenLab, cameras: { deviceId: string; channelId?: number; token?: string }[]) {
  const result = await dispatch(l.core, 'token.write', { cameras });
  if (!result.ok) throw new Error(result.message);
  const secrets = [...labSecrets(l), GATEWAY_PASSWORD];
  expect(secrets.filter((s) => JSON.stringify(result.value).includes(s))).toEqual([]);
  return result.value.results;
}

/** A gateway simulator on loopback whose cameras connect to the lab's cloud simulator; the core's HTTP may reach it. */
async function startGateway(l: TokenLab, serialId: string): Promise<GatewaySim> {
  const sim = await startGatewaySim({
    host: '127.0.0.1',
    username: GATEWAY_USER,
    password: GATEWAY_PASSWORD,
    connect: cloudSimConnector(l.cloud.url, serialId),
  });
  l.passThrough.push(new URL(sim.url).host);
  return sim;
}

const agentOf = async (l: TokenLab, ip: string): Promise<Device['cloudAgent']> => (await l.devices()).get(ip)?.cloudAgent ?? null;

describe('token.write through the VXG gateway configured in the cloud settings', () => {
  it('picks the gateway for a camera the Axis writer does not fit, and the Axis agent for one it fits', async () => {
    lab = await startTokenLab([{ agent: 'absent' }, {}]);
    const [noAgent, withAgent] = lab.cameras;
    gateway = await startGateway(lab, noAgent!.serial);
    const settings = await dispatch(lab.core, 'cloud.settings.set', {
      gatewayUrl: gateway.url,
      gatewayUser: GATEWAY_USER,
      gatewayPassword: GATEWAY_PASSWORD,
    });
    if (!settings.ok) throw new Error(settings.message);
    expect(settings.value).toMatchObject({ gatewayUrl: gateway.url, gatewayUser: GATEWAY_USER, gatewayPasswordSet: true });
    expect(JSON.stringify(settings.value)).not.toContain(GATEWAY_PASSWORD);

    const viaGateway = lab.cloud.state.addChannel('Gate', {});
    const viaAgent = lab.cloud.state.addChannel('Agent', {});
    const agentRequests = noAgent!.agent.state.requests;
    const agentBefore = await agentOf(lab, noAgent!.ip);
    const [first, second] = await write(lab, [
      { deviceId: noAgent!.deviceId, channelId: viaGateway.id },
      { deviceId: withAgent!.deviceId, channelId: viaAgent.id },
    ]);

    expect(first).toMatchObject({ ok: true, status: 'written', writer: 'vxg-gateway', channelId: viaGateway.id, failedStep: null });
    expect(first!.steps.map((s) => `${s.step}:${s.result}`)).toEqual(['check:info', 'check:ok', 'write:ok', 'restart:ok', 'confirm:ok']);
    expect(gateway.state.cameras.get(viaGateway.id)).toMatchObject({ ip: noAgent!.ip, accessToken: viaGateway.allToken });
    expect(gateway.state).toMatchObject({ logins: 1, failedLogins: 0, restarts: 1 });
    expect(viaGateway.streaming).toBe(true);
    expect((await lab.devices()).get(noAgent!.ip)?.cloud).toMatchObject({ state: 'online', channelId: viaGateway.id });
    // The camera itself was not asked anything, and its agent record is untouched (the gateway holds the token).
    expect(noAgent!.agent.state.requests).toBe(agentRequests);
    expect(await agentOf(lab, noAgent!.ip)).toEqual(agentBefore);

    expect(second).toMatchObject({ ok: true, status: 'written', writer: 'axis-vxg-agent', channelId: viaAgent.id });
    expect(withAgent!.agent.state.cloudToken).toBe(viaAgent.allToken);
    expect(gateway.state.cameras.has(viaAgent.id)).toBe(false);
  });

  it('a wrong gateway password changes nothing and names no secret', async () => {
    lab = await startTokenLab([{ agent: 'absent' }]);
    const [cam] = lab.cameras;
    gateway = await startGateway(lab, cam!.serial);
    const set = await dispatch(lab.core, 'cloud.settings.set', {
      gatewayUrl: gateway.url,
      gatewayUser: GATEWAY_USER,
      gatewayPassword: 'Not-the-gw-pass-1',
    });
    expect(set.ok).toBe(true);
    const channel = lab.cloud.state.addChannel('Gate', {});
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: channel.id }]);
    expect(result).toMatchObject({ ok: false, status: 'unchanged', failedStep: 'check', writer: 'vxg-gateway' });
    expect(result!.message).toMatch(/refused the user name or password/);
    expect(gateway.state).toMatchObject({ failedLogins: 1, restarts: 0 });
    expect(gateway.state.cameras.size).toBe(0);
    expect(JSON.stringify(result)).not.toContain('Not-the-gw-pass-1');
    expect(lab.logs.join('\n')).not.toContain('Not-the-gw-pass-1');
  });

  it('refuses a gateway address with credentials in it, and a half-configured gateway (no password) is not used', async () => {
    lab = await startTokenLab([{ agent: 'absent' }]);
    const [cam] = lab.cameras;
    const bad = await dispatch(lab.core, 'cloud.settings.set', { gatewayUrl: 'http://admin:pw@198.18.0.20' });
    expect(bad).toMatchObject({ ok: false });
    const half = await dispatch(lab.core, 'cloud.settings.set', { gatewayUrl: 'http://198.18.0.20:8000', gatewayUser: 'admin' });
    expect(half.ok && half.value.gatewayPasswordSet).toBe(false);
    const channel = lab.cloud.state.addChannel('Gate', {});
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: channel.id }]);
    expect(result).toMatchObject({ ok: false, status: 'unchanged', writer: null });
    expect(result!.message).toMatch(/VXG Cloud Agent is not installed/);
    expect(lab.strayRequests).toEqual([]);
  });
});

describe("the record's cloudAgent after a write or clear through the camera's agent", () => {
  it('goes from no-token to has-token with the write (a device-updated event), without another Identify', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    expect(await agentOf(lab, cam!.ip)).toEqual({ installed: 'running', token: 'no-token' });
    const events: string[] = [];
    lab.core.on('device-updated', (e) => {
      if (e.device.id === cam!.deviceId) events.push(`${e.device.cloud.state}/${e.device.cloudAgent?.token ?? 'none'}`);
    });
    const identifyRequests = cam!.lab.device.state.requests;
    const channel = lab.cloud.state.addChannel('Lobby', {});
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: channel.id }]);
    expect(result).toMatchObject({ ok: true, status: 'written' });
    expect(await agentOf(lab, cam!.ip)).toEqual({ installed: 'running', token: 'has-token' });
    // One update per change: the agent's token arrives with the record going online, not as an extra event.
    expect(events).toEqual(['token-delivered/no-token', 'online/has-token']);
    expect(cam!.lab.device.state.requests).toBe(identifyRequests); // no ONVIF identification ran
  });

  it('stays as it was after a rolled-back write', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    cam!.agent.faults.restart = 1;
    const channel = lab.cloud.state.addChannel('Lobby', {});
    const [result] = await write(lab, [{ deviceId: cam!.deviceId, channelId: channel.id }]);
    expect(result).toMatchObject({ ok: false, status: 'rolled-back' });
    expect(await agentOf(lab, cam!.ip)).toEqual({ installed: 'running', token: 'no-token' });
  });

  it('goes to no-token after cloud.move clears the token', async () => {
    lab = await startTokenLab(
      [
        {
          cloudToken: (_cloud, old) => {
            const channel = old!.state.addChannel('Old', {});
            old!.state.connect(channel.allToken, 'ACCC8E09000A');
            return channel.allToken;
          },
        },
      ],
      { oldAccount: true },
    );
    const [cam] = lab.cameras;
    expect(await agentOf(lab, cam!.ip)).toEqual({ installed: 'running', token: 'has-token' });
    const old = lab.oldCloud!;
    const moved = await dispatch(lab.core, 'cloud.move', {
      deviceId: cam!.deviceId,
      password: STICKER,
      method: 'clear-token',
      previous: {
        provisioningUrl: `${old.url}/v1/token`,
        provisioningUser: OLD_CLOUD.provisioningUser,
        provisioningPassword: OLD_CLOUD.provisioningPassword,
      },
    });
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.value.steps.find((s) => s.step === 'clear-token')).toMatchObject({ result: 'ok' });
    expect(cam!.agent.state.cloudToken).toBe('');
    expect(await agentOf(lab, cam!.ip)).toEqual({ installed: 'running', token: 'no-token' });
  });
});

/** The VAPIX simulator's VXG Cloud Agent behaviour (test/sim/vapix/agent-camera.ts): connect after restart, faults, 401. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestClient } from '../../../electron/platform/http-digest.js';
import { createNodeHttpClient } from '../../../electron/platform/http.js';
import { startSimServer, type SimServer } from '../../sim/onvif-device/server.js';
import { createAgentCamera, type AgentCamera } from '../../sim/vapix/agent-camera.js';

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<{
  camera: AgentCamera;
  connected: string[];
  get: (path: string, password?: string) => Promise<string | number>;
}> {
  const connected: string[] = [];
  const camera = createAgentCamera({
    profile: {
      serial: 'ACCC8E000001',
      model: 'M3106-L',
      firmware: '10.12.1',
      users: { root: 'pw' },
      agent: 'running',
      cloudToken: 'T0ld==',
    },
    connect: async (token) => connected.push(token),
  });
  server = await startSimServer({ host: '127.0.0.1', handlers: [camera] });
  const url = server.url;
  const get = async (path: string, password = 'pw'): Promise<string | number> => {
    const outcome = await createDigestClient(createNodeHttpClient(), { username: 'root', password }).request({
      method: 'GET',
      url: url + path,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.response.status === 200 ? outcome.response.body.trim() : outcome.response.status;
  };
  return { camera, connected, get };
}

const update = (value: string): string => `/axis-cgi/param.cgi?action=update&root.VXGCloudAgent.CloudToken=${encodeURIComponent(value)}`;
const restart = '/axis-cgi/applications/control.cgi?action=restart&package=VXGCloudAgent';

describe('VAPIX simulator: VXG Cloud Agent', () => {
  it('connects to the cloud with the stored token only after a restart', async () => {
    const { camera, connected, get } = await start();
    expect(await get(update('T+new/=='))).toBe('OK');
    expect(connected).toEqual([]);
    expect(await get(restart)).toBe('OK');
    await camera.idle();
    expect(connected).toEqual(['T+new/==']);
  });

  it('can be told to fail a write, a read-back and a restart, once each', async () => {
    const { camera, connected, get } = await start();
    camera.faults.write = 1;
    expect(await get(update('T+a=='))).toMatch(/^# Request failed/);
    expect(camera.state.cloudToken).toBe('T0ld==');
    camera.faults.readBack = 1;
    expect(await get(update('T+a=='))).toBe('OK');
    expect(camera.state.cloudToken).toBe('T a==');
    camera.faults.restart = 1;
    expect(await get(restart)).toBe('Error: 1');
    expect(camera.state.restarts).toBe(0);
    expect(connected).toEqual([]);
    expect(await get(restart)).toBe('OK');
    expect(camera.state.restarts).toBe(1);
  });

  it('answers a wrong password with 401 and counts it', async () => {
    const { camera, get } = await start();
    expect(await get(update('T+x=='), 'wrong')).toBe(401);
    expect(camera.state.failures).toBe(1);
    expect(camera.state.cloudToken).toBe('T0ld==');
  });
});

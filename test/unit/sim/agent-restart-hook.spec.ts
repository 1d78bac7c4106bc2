/** The agent simulator tells the lab camera after every successful restart which token it now holds (agent-camera.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestClient } from '../../../electron/platform/http-digest.js';
import { createNodeHttpClient } from '../../../electron/platform/http.js';
import { startSimServer, type SimServer } from '../../sim/onvif-device/server.js';
import { createAgentCamera } from '../../sim/vapix/agent-camera.js';

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const update = (value: string): string => `/axis-cgi/param.cgi?action=update&root.VXGCloudAgent.CloudToken=${encodeURIComponent(value)}`;
const restart = '/axis-cgi/applications/control.cgi?action=restart&package=VXGCloudAgent';

describe('VAPIX simulator: restart hook', () => {
  it('reports the token after each successful restart (empty once cleared), nothing after a failed one', async () => {
    const heard: string[] = [];
    const camera = createAgentCamera({
      profile: { serial: 'ACCC8E000002', model: 'M3106-L', firmware: '10.12.1', users: { root: 'pw' }, agent: 'running', cloudToken: '' },
      restarted: (token) => heard.push(token),
    });
    server = await startSimServer({ host: '127.0.0.1', handlers: [camera] });
    const client = createDigestClient(createNodeHttpClient(), { username: 'root', password: 'pw' });
    const get = async (path: string): Promise<string> => {
      const outcome = await client.request({ method: 'GET', url: server!.url + path });
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.response.body.trim();
    };
    expect(await get(update('T1=='))).toBe('OK');
    expect(await get(restart)).toBe('OK');
    camera.faults.restart = 1;
    expect(await get(update('T2=='))).toBe('OK');
    expect(await get(restart)).toBe('Error: 1');
    expect(await get(update(''))).toBe('OK');
    expect(await get(restart)).toBe('OK');
    expect(heard).toEqual(['T1==', '']);
    expect(camera.connections).toEqual(['T1==']);
  });
});

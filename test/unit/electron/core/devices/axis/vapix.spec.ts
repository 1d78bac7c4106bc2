import { afterEach, describe, expect, it } from 'vitest';
import { createVapixClient, type VapixClient } from '../../../../../../electron/core/devices/axis/client.js';
import { createNodeHttpClient } from '../../../../../../electron/platform/http.js';
import type { RawReply } from '../../../../../sim/onvif-device/device.js';
import { startSimServer, type SimServer } from '../../../../../sim/onvif-device/server.js';
import { createVapixDevice, type VapixDevice, type VapixProfile } from '../../../../../sim/vapix/vapix.js';

// A token-shaped secret with every base64 character that needs care in a query (+ / =).
const TOKEN =
  Buffer.from(JSON.stringify({ camid: 4711, access: 'all', token: 'inner-secret+/=', api: 'cloud.example' })).toString('base64') + '+/=';
const PASSWORD = 'Pässwörd-1';

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function axis(profile: Partial<VapixProfile> = {}, password = PASSWORD): Promise<{ device: VapixDevice; client: VapixClient }> {
  const device = createVapixDevice({
    serial: 'ACCC8E012345',
    model: 'M1065-LW',
    firmware: '10.12.228',
    users: { root: PASSWORD },
    agent: 'running',
    cloudToken: '',
    ...profile,
  });
  server = await startSimServer({ host: '127.0.0.1', handlers: [device] });
  const client = createVapixClient({ http: createNodeHttpClient(), baseUrl: server.url, credentials: { username: 'root', password } });
  return { device, client };
}

describe('VAPIX client against the Axis simulator', () => {
  it('reads basic device info and takes the MAC from the serial', async () => {
    const { client } = await axis();
    const info = await client.deviceInfo();
    expect(info.ok && info.value).toEqual({
      brand: 'AXIS',
      model: 'M1065-LW',
      fullName: 'AXIS M1065-LW Network Camera',
      firmware: '10.12.228',
      serial: 'ACCC8E012345',
      hardwareId: '768.1',
      mac: 'ac:cc:8e:01:23:45',
    });
  });

  it('falls back to param.cgi on firmware without basicdeviceinfo.cgi', async () => {
    const { client } = await axis({ basicDeviceInfo: false });
    const info = await client.deviceInfo();
    expect(info.ok && info.value).toMatchObject({
      model: 'M1065-LW',
      firmware: '10.12.228',
      serial: 'ACCC8E012345',
      mac: 'ac:cc:8e:01:23:45',
    });
  });

  it.each([
    ['running', 'running', /is running/],
    ['stopped', 'stopped', /installed .* but "Stopped"; start it/],
    ['absent', 'absent', /not installed .* install it before writing a token/],
  ] as const)('agent %s → %s, with a sentence', async (agent, state, sentence) => {
    const { client } = await axis({ agent });
    const status = await client.agentStatus();
    expect(status.ok && status.value.state).toBe(state);
    expect(status.ok && status.value.sentence).toMatch(sentence);
  });

  it('says "no token" for an empty CloudToken and "has token" for a set one, never returning the token', async () => {
    const empty = await axis({ cloudToken: '' });
    expect(await empty.client.cloudTokenState()).toEqual({ ok: true, value: 'no-token' });
    await server?.close();
    const set = await axis({ cloudToken: TOKEN });
    const state = await set.client.cloudTokenState();
    expect(state).toEqual({ ok: true, value: 'has-token' });
    expect(JSON.stringify(state)).not.toContain('inner-secret');
  });

  it('reports an absent agent as agent-absent (param.cgi "# Error" line), not as a failure', async () => {
    const { client } = await axis({ agent: 'absent' });
    expect(await client.cloudTokenState()).toEqual({ ok: true, value: 'agent-absent' });
    const read = await client.readCloudToken();
    expect(!read.ok && read.failure.kind).toBe('not-supported');
  });

  it('readCloudToken gives the token exactly, in an object that prints nothing secret', async () => {
    const { client } = await axis({ cloudToken: TOKEN });
    const read = await client.readCloudToken();
    if (!read.ok || read.value === null) throw new Error('expected a token');
    expect(read.value.reveal()).toBe(TOKEN);
    expect(JSON.stringify({ token: read.value })).toBe('{"token":"[cloud token on camera]"}');
    expect(`${read.value}`).toBe('[cloud token on camera]');
  });

  it('a wrong password is one refused attempt with a sentence, never the password', async () => {
    const { client, device } = await axis({}, 'wrong-pass-9');
    const info = await client.deviceInfo();
    expect(!info.ok && info.failure.kind).toBe('unauthorized');
    expect(JSON.stringify(info)).not.toContain('wrong-pass-9');
    expect(device.state.failures).toBe(1);
  });

  const hostile: [string, string, RawReply, string][] = [
    [
      'a DOCTYPE application list',
      '/axis-cgi/applications/list.cgi',
      { status: 200, body: '<!DOCTYPE r [<!ENTITY x "y">]><reply result="ok"/>' },
      'bad-reply',
    ],
    ['malformed XML', '/axis-cgi/applications/list.cgi', { status: 200, body: '<reply result="ok"><application Name="a"' }, 'bad-reply'],
    [
      'an error reply',
      '/axis-cgi/applications/list.cgi',
      { status: 200, body: '<reply result="error"><error type="4"/></reply>' },
      'bad-reply',
    ],
    ['a huge reply', '/axis-cgi/applications/list.cgi', { status: 200, body: 'x'.repeat(100 * 1024) }, 'bad-reply'],
    ['a locked account', '/axis-cgi/applications/list.cgi', { status: 423, body: 'Locked' }, 'locked'],
  ];
  it.each(hostile)('%s gives a typed failure', async (_name, path, reply, kind) => {
    const { client } = await axis({ override: (p) => (p === path ? reply : undefined) });
    const result = await client.agentStatus();
    expect(!result.ok && result.failure.kind).toBe(kind);
  });

  it('a param list that is not one gives bad-reply; prototype-named parameters stay plain data', async () => {
    const junk = await axis({ override: (p) => (p === '/axis-cgi/param.cgi' ? { status: 200, body: '<html>hello</html>' } : undefined) });
    const result = await junk.client.cloudTokenState();
    expect(!result.ok && result.failure.kind).toBe('bad-reply');
    await server?.close();
    const proto = await axis({
      override: (p) =>
        p === '/axis-cgi/param.cgi' ? { status: 200, body: 'root.VXGCloudAgent.__proto__=x\nroot.VXGCloudAgent.CloudToken=\n' } : undefined,
    });
    expect(await proto.client.cloudTokenState()).toEqual({ ok: true, value: 'no-token' });
  });
});

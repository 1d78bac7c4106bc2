/** The VXG docker-gateway simulator (test/sim/gateway): login, Token auth, add, delete, restart → connect. */
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewaySim, type GatewaySim } from '../../sim/gateway/gateway-sim.js';

let gateway: GatewaySim | null = null;
afterEach(async () => {
  await gateway?.close();
  gateway = null;
});

const token = (camid: number): string => Buffer.from(JSON.stringify({ camid, access: 'all', token: 'x' })).toString('base64');

async function call(method: string, path: string, body?: unknown, session?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(gateway!.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Token ${session}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

describe('VXG gateway simulator', () => {
  it('issues a session token, adds a camera, connects it on restart and deletes it', async () => {
    const connected: string[] = [];
    gateway = await startGatewaySim({ host: '127.0.0.1', username: 'admin', password: 'pw', connect: async (t) => connected.push(t) });
    const login = await call('POST', '/api/auth-token/', { username: 'admin', password: 'pw' });
    const session = (login.json as { token: string }).token;
    expect(login.status).toBe(200);
    expect(await call('POST', '/api/add-camera/', { ip: '192.0.2.9', access_token: token(7) })).toMatchObject({ status: 401 });
    expect(await call('POST', '/api/add-camera/', { ip: '192.0.2.9', access_token: token(7) }, session)).toMatchObject({
      status: 201,
      json: { id: 7 },
    });
    expect((await call('POST', '/api/restart/', undefined, session)).status).toBe(200);
    await gateway.idle();
    expect(connected).toEqual([token(7)]);
    expect((await call('DELETE', '/api/cameras/7/', undefined, session)).status).toBe(204);
    expect((await call('DELETE', '/api/cameras/7/', undefined, session)).status).toBe(404);
  });

  it('refuses wrong credentials with 400 and counts them', async () => {
    gateway = await startGatewaySim({ host: '127.0.0.1', username: 'admin', password: 'pw' });
    expect((await call('POST', '/api/auth-token/', { username: 'admin', password: 'nope' })).status).toBe(400);
    expect(gateway.state.failedLogins).toBe(1);
  });
});

/** Provisioning back-end client against the simulator on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAccessToken, type AccessToken } from '../../../../../shared/access-token.js';
import { createProvisioningClient } from '../../../../../electron/core/cloud/provisioning.js';
import { createNodeHttpClient } from '../../../../../electron/platform/http.js';
import { leakedSecrets, SECRETS, startFixture, type CloudFixture } from './cloud-fixture.js';

let fx: CloudFixture;
let token: AccessToken;
beforeEach(async () => {
  fx = await startFixture();
  const decoded = decodeAccessToken(fx.sim.state.addChannel('c', {}).allToken);
  if (!decoded.ok) throw new Error(decoded.message);
  token = decoded.token;
});
afterEach(() => fx.sim.close());

describe('provisioning service client', () => {
  it('writes a record with HTTP Basic, sees it in the list, and deletes it on request', async () => {
    expect(await fx.provisioning.isRegistered('ACCC8E12AB34')).toEqual({ ok: true, value: false });
    expect(await fx.provisioning.register({ serialId: 'ACCC8E12AB34', password: SECRETS.cameraPassword, token })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(fx.sim.state.records.get('ACCC8E12AB34')).toMatchObject({ password: SECRETS.cameraPassword, accessToken: token.reveal() });
    expect(await fx.provisioning.isRegistered('ACCC8E12AB34')).toEqual({ ok: true, value: true });
    expect(await fx.provisioning.unregister('ACCC8E12AB34')).toEqual({ ok: true, value: true });
    expect(await fx.provisioning.unregister('ACCC8E12AB34')).toEqual({ ok: true, value: false });
    expect(fx.sim.state.records.size).toBe(0);
  });

  it('reports a record held with a different password as a conflict, without quoting any secret', async () => {
    fx.sim.state.records.set('X1', { serialId: 'X1', password: 'someone-else', accessToken: 'other', createdAt: '' });
    const result = await fx.provisioning.register({ serialId: 'X1', password: SECRETS.cameraPassword, token });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'conflict' } });
    expect(leakedSecrets([JSON.stringify(result)], fx.allSecrets())).toEqual([]);
  });

  it('says which credentials to check when Basic auth is refused, and never quotes them', async () => {
    const client = createProvisioningClient({
      http: createNodeHttpClient(),
      clock: fx.clock,
      tokenUrl: `${fx.sim.url}/v1/token`,
      user: 'cf-backend',
      password: 'wrong-pass-77',
    });
    const result = await client.isRegistered('X1');
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'unauthorized', message: expect.stringMatching(/provisioning user name and password/) },
    });
    expect(JSON.stringify(result)).not.toContain('wrong-pass-77');
  });

  it('scrubs the camera password and token if a server echoes them back in an error', async () => {
    fx.sim.faults.add('POST /v1/token', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ detail: `bad ${SECRETS.cameraPassword} for ${token.reveal()}` }),
    });
    const result = await fx.provisioning.register({ serialId: 'X1', password: SECRETS.cameraPassword, token });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'refused', message: expect.stringMatching(/It said: "bad \[redacted\] for \[redacted\]"/) },
    });
  });

  it('retries the idempotent list through 503s but not the record POST', async () => {
    fx.sim.faults.add('GET /v1/tokens', { kind: 'status', status: 503 }, 2);
    expect(await fx.provisioning.isRegistered('X1')).toEqual({ ok: true, value: false });
    expect(fx.sim.state.count('GET /v1/tokens')).toBe(3);
    fx.sim.faults.add('POST /v1/token', { kind: 'status', status: 503 }, 2);
    expect(await fx.provisioning.register({ serialId: 'X1', password: 'p', token })).toMatchObject({
      ok: false,
      failure: { kind: 'server' },
    });
    expect(fx.sim.state.count('POST /v1/token')).toBe(1);
  });
});

/** The register flow against the cloud simulator on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelMeta } from '../../../../../electron/core/cloud/admin-api.js';
import { registerCamera, type RegisterInput, type RegisterOutcome } from '../../../../../electron/core/cloud/register.js';
import { createLogger } from '../../../../../electron/platform/logger.js';
import { leakedSecrets, SECRETS, startFixture, type CloudFixture } from './cloud-fixture.js';

const ID = 'ACCC8E12AB34';
let fx: CloudFixture;
let logLines: string[];

beforeEach(async () => {
  fx = await startFixture();
  logLines = [];
});
afterEach(async () => {
  // Whatever happened, no secret reached a log line.
  expect(leakedSecrets(logLines, fx.allSecrets())).toEqual([]);
  await fx.sim.close();
});

function register(overrides: Partial<RegisterInput> = {}): Promise<RegisterOutcome> {
  return registerCamera({
    admin: fx.admin,
    provisioning: fx.provisioning,
    cameraId: ID,
    mac: 'AC:CC:8E:12:AB:34',
    password: SECRETS.cameraPassword,
    log: createLogger({ level: 'debug', sink: (line) => logLines.push(line) }),
    ...overrides,
  });
}

const channels = (): number => fx.sim.state.channels.size;

describe('registerCamera', () => {
  it('registers a new camera: one channel tagged with its ID and MAC, one provisioning record holding the channel token', async () => {
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: true, status: 'registered', channelCreated: true, cameraId: ID });
    const [channel] = [...fx.sim.state.channels.values()];
    expect(channel?.meta).toEqual({ rsid: ID, [ID]: 'rsid', mac: 'AC:CC:8E:12:AB:34' });
    const record = fx.sim.state.records.get(ID);
    expect(record?.password).toBe(SECRETS.cameraPassword);
    expect(record?.accessToken).toBe(channel?.allToken); // byte for byte, the `all` token
    expect(outcome.ok && outcome.token).toMatchObject({ kind: 'all', camid: channel?.id });
    expect(leakedSecrets([JSON.stringify(outcome)], fx.allSecrets())).toEqual([]);
    // The steps are logged (so the no-secret check after each test has something to check).
    expect(logLines.some((line) => line.includes('cloud channel created') && line.includes(ID))).toBe(true);
    expect(logLines.some((line) => line.includes('"status":"registered"'))).toBe(true);
  });

  it('registering the same camera twice changes nothing the second time and says so', async () => {
    await register();
    const before = { channels: channels(), records: fx.sim.state.records.size, posts: fx.sim.state.count('POST /v1/token') };
    const again = await register();
    expect(again).toMatchObject({ ok: true, status: 'already-registered', channelCreated: false });
    expect(again.message).toMatch(/already registered.*nothing changed/);
    expect({ channels: channels(), records: fx.sim.state.records.size, posts: fx.sim.state.count('POST /v1/token') }).toEqual(before);
  });

  it('reuses an existing channel tagged with the camera ID instead of creating a duplicate', async () => {
    const existing = fx.sim.state.addChannel('Lobby', channelMeta(ID));
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: true, status: 'registered', channelCreated: false, channelId: existing.id });
    expect(channels()).toBe(1);
    expect(fx.sim.state.records.get(ID)?.accessToken).toBe(existing.allToken);
  });

  it('ignores channels that merely carry the ID as another kind of tag', async () => {
    fx.sim.state.addChannel('Gateway', { [ID]: 'gateway_id' });
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: true, channelCreated: true });
    expect(channels()).toBe(2);
  });

  it('rolls the new channel back when the provisioning service refuses the record, and says nothing is left half-done', async () => {
    fx.sim.faults.add('POST /v1/token', { kind: 'status', status: 500 });
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: false, stage: 'write-record', rolledBack: true });
    expect(outcome.message).toMatch(/internal error.*deleted again, so nothing is left half-done/);
    expect(channels()).toBe(0);
    expect(fx.sim.state.records.size).toBe(0);
    expect(fx.sim.state.count('POST /v1/token')).toBe(1); // a POST is not repeated after a 5xx
  });

  it('keeps a channel it did not create when the record write fails', async () => {
    fx.sim.state.addChannel('Lobby', channelMeta(ID));
    fx.sim.faults.add('POST /v1/token', { kind: 'status', status: 403 });
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: false, stage: 'write-record', rolledBack: null, kind: 'unauthorized' });
    expect(outcome.message).toMatch(/Check the provisioning user name and password/);
    expect(channels()).toBe(1);
  });

  it('refuses an ID the provisioning service already knows when this account has no channel for it, creating nothing', async () => {
    fx.sim.state.records.set(ID, { serialId: ID, password: 'other', accessToken: 'x', createdAt: '' });
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: false, stage: 'check-record', kind: 'conflict' });
    expect(outcome.message).toMatch(/another account/);
    expect(fx.sim.state.count('POST /api/v3/channels/')).toBe(0);
  });

  it('rides out a 429 storm, honouring Retry-After, without duplicating the channel or the record', async () => {
    fx.sim.faults.add('*', { kind: 'status', status: 429, retryAfter: '7' }, 4);
    fx.sim.faults.add('POST /api/v3/channels/', { kind: 'status', status: 429, retryAfter: '3' }, 3);
    fx.sim.faults.add('POST /v1/token', { kind: 'status', status: 429 }, 3);
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: true, status: 'registered' });
    expect(channels()).toBe(1);
    expect(fx.sim.state.records.size).toBe(1);
    expect(fx.clock.delays.filter((ms) => ms === 7000)).toHaveLength(4);
    expect(fx.clock.delays.filter((ms) => ms === 3000)).toHaveLength(3);
  });

  it('turns a cloud that never answers into a sentence the technician can act on', async () => {
    fx = await restart({ timeoutMs: 100, retry: { attempts: 2 } });
    fx.sim.faults.add('GET /api/v3/channels/', { kind: 'hang' }, 5);
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: false, stage: 'find-channel', kind: 'timeout' });
    expect(outcome.message).toMatch(/did not answer within .*\(2 attempts\).*internet connection/);
    expect(fx.sim.state.count('GET /api/v3/channels/')).toBe(2);
  });

  it('does not repeat a channel POST that timed out (it may have been applied) and says registering again is safe', async () => {
    fx = await restart({ timeoutMs: 100 });
    fx.sim.faults.add('POST /api/v3/channels/', { kind: 'slow-body', tickMs: 50 });
    const outcome = await register();
    expect(outcome).toMatchObject({ ok: false, stage: 'create-channel', kind: 'timeout' });
    expect(outcome.message).toMatch(/may or may not have been applied; registering again is safe/);
    expect(fx.sim.state.count('POST /api/v3/channels/')).toBe(1);
  });

  it('explains a wrong license key without ever quoting it', async () => {
    const { createAdminApi } = await import('../../../../../electron/core/cloud/admin-api.js');
    const { createNodeHttpClient } = await import('../../../../../electron/platform/http.js');
    const admin = createAdminApi({ http: createNodeHttpClient(), clock: fx.clock, baseUrl: fx.sim.url, licenseKey: 'LK-wrong-key-123456' });
    const outcome = await register({ admin });
    expect(outcome).toMatchObject({ ok: false, stage: 'find-channel', kind: 'unauthorized' });
    expect(outcome.message).toMatch(/Check the license key/);
    expect(outcome.message).not.toContain('LK-wrong-key-123456');
  });

  it('refuses bad input before calling the cloud', async () => {
    expect(await register({ cameraId: 'x&meta=y' })).toMatchObject({ ok: false, stage: 'input' });
    expect(await register({ password: '' })).toMatchObject({ ok: false, stage: 'input' });
    expect([...fx.sim.state.requests.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });
});

async function restart(options: Parameters<typeof startFixture>[0]): Promise<CloudFixture> {
  await fx.sim.close();
  return startFixture(options);
}

/**
 * cloud.move through the real core (issue #9 §5): a camera online in an old account (its own simulator) moves to
 * the configured account — old provisioning record deleted, registered in the new account, then the new token
 * written (online there) or the token cleared (the camera polls again); the old channel goes only after that.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/dispatch.js';
import type { CloudSim } from '../../../sim/cloud/cloud-sim.js';
import { labSecrets, OLD_CLOUD, startTokenLab, STICKER, type TokenLab } from './token-lab.js';

let lab: TokenLab | null = null;
afterEach(async () => {
  if (lab) {
    const secrets = labSecrets(lab);
    const texts = [...lab.logs, JSON.stringify(await lab.audit.list(5000))];
    expect(texts.filter((t) => secrets.some((s) => t.includes(s)))).toEqual([]);
  }
  await lab?.close();
  lab = null;
});

/** The camera starts online in the old account: its channel there, its provisioning record there. */
function inOldAccount(serial: () => string) {
  return (_cloud: CloudSim, old: CloudSim | null): string => {
    const id = serial();
    const channel = old!.state.addChannel(`Camera ${id}`, { rsid: id, [id]: 'rsid' });
    old!.state.records.set(id, { serialId: id, password: STICKER, accessToken: channel.allToken, createdAt: new Date().toISOString() });
    old!.state.connect(channel.allToken, id);
    return channel.allToken;
  };
}

const serial = () => 'ACCC8E09000A'; // first camera of the lab (127.9.0.10)

const previous = (old: CloudSim) => ({
  provisioningUrl: `${old.url}/v1/token`,
  provisioningUser: OLD_CLOUD.provisioningUser,
  provisioningPassword: OLD_CLOUD.provisioningPassword,
  apiUrl: old.url,
  licenseKey: OLD_CLOUD.licenseKey,
});

describe('cloud.move in the core', () => {
  it('write-token: old record gone, registered and online in the new account, old channel deleted last', async () => {
    lab = await startTokenLab([{ cloudToken: inOldAccount(serial) }], { oldAccount: true });
    const [cam] = lab.cameras;
    const old = lab.oldCloud!;
    expect(cam!.serial).toBe(serial());
    const moved = await dispatch(lab.core, 'cloud.move', {
      deviceId: cam!.deviceId,
      password: STICKER,
      method: 'write-token',
      previous: previous(old),
    });
    if (!moved.ok) throw new Error(moved.message);
    const r = moved.value;
    expect(r.steps.map((s) => `${s.step}:${s.result}`)).toEqual([
      'delete-old-record:ok',
      'register:ok',
      'write-token:ok',
      'delete-old-channel:ok',
    ]);
    expect(r).toMatchObject({ ok: true, previousRecordDeleted: true, write: { status: 'written' } });
    const channel = lab.cloud.state.channels.get(r.register!.channelId!)!;
    expect(cam!.agent.state.cloudToken).toBe(channel.allToken);
    expect(channel.streaming).toBe(true);
    expect(old.state.records.has(serial())).toBe(false);
    expect(old.state.channels.size).toBe(0);
    expect(lab.cloud.state.records.get(serial())?.accessToken).toBe(channel.allToken);
    expect((await lab.devices()).get(cam!.ip)?.cloud).toMatchObject({ state: 'online', channelId: channel.id });
    const secrets = labSecrets(lab);
    expect(secrets.filter((s) => JSON.stringify(r).includes(s))).toEqual([]);
  });

  it('clear-token: the camera holds no token and is polling for the new channel; old channel kept when not asked', async () => {
    lab = await startTokenLab([{ cloudToken: inOldAccount(serial) }], { oldAccount: true });
    const [cam] = lab.cameras;
    const old = lab.oldCloud!;
    const { provisioningUrl, provisioningUser, provisioningPassword } = previous(old);
    const recordOnly = { provisioningUrl, provisioningUser, provisioningPassword };
    const moved = await dispatch(lab.core, 'cloud.move', {
      deviceId: cam!.deviceId,
      password: STICKER,
      method: 'clear-token',
      previous: recordOnly,
    });
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.value.steps.map((s) => `${s.step}:${s.result}`)).toEqual([
      'delete-old-record:ok',
      'register:ok',
      'clear-token:ok',
      'delete-old-channel:skipped',
    ]);
    expect(cam!.agent.state.cloudToken).toBe('');
    expect(cam!.agent.state.restarts).toBe(1);
    expect(old.state.channels.size).toBe(1);
    expect((await lab.devices()).get(cam!.ip)?.cloud).toMatchObject({ state: 'polling', channelId: moved.value.register!.channelId });
  });

  it('a failed write keeps the old channel and says the camera was not moved', async () => {
    lab = await startTokenLab([{ cloudToken: inOldAccount(serial) }], { oldAccount: true });
    const [cam] = lab.cameras;
    const old = lab.oldCloud!;
    const oldToken = cam!.agent.state.cloudToken;
    cam!.agent.faults.restart = 1;
    const moved = await dispatch(lab.core, 'cloud.move', {
      deviceId: cam!.deviceId,
      password: STICKER,
      method: 'write-token',
      previous: previous(old),
    });
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.value.ok).toBe(false);
    expect(moved.value.steps.map((s) => `${s.step}:${s.result}`)).toEqual([
      'delete-old-record:ok',
      'register:ok',
      'write-token:failed',
      'delete-old-channel:skipped',
    ]);
    expect(cam!.agent.state.cloudToken).toBe(oldToken);
    expect(old.state.channels.size).toBe(1);
  });

  it('without old-account credentials the record step is skipped and previousRecordDeleted is null', async () => {
    lab = await startTokenLab([{}]);
    const [cam] = lab.cameras;
    const moved = await dispatch(lab.core, 'cloud.move', { deviceId: cam!.deviceId, password: STICKER, method: 'write-token' });
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.value).toMatchObject({ ok: true, previousRecordDeleted: null });
    expect(moved.value.steps.map((s) => `${s.step}:${s.result}`)).toEqual([
      'delete-old-record:skipped',
      'register:ok',
      'write-token:ok',
      'delete-old-channel:skipped',
    ]);
  });
});

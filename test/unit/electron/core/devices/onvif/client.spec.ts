import { afterEach, describe, expect, it } from 'vitest';
import { BOSCH, PASSWORD, USER, startOnvifCamera, type OnvifFixture } from './onvif-fixture.js';
import type { AuthMode } from '../../../../../sim/onvif-device/device.js';

let camera: OnvifFixture | null = null;
afterEach(async () => {
  await camera?.close();
  camera = null;
});

async function identify(fixture: OnvifFixture, password = PASSWORD) {
  const clock = await fixture.client.readClock();
  if (!clock.ok) throw new Error(clock.failure.message);
  return { clock: clock.value, result: await fixture.client.identify({ username: USER, password }, clock.value) };
}

describe('ONVIF identify against the device simulator', () => {
  const modes: [AuthMode, string][] = [
    ['ws-security', 'ws-security'],
    ['digest-md5', 'digest-md5'],
    ['digest-sha256+md5', 'digest-sha-256'],
    ['both', 'ws-security'],
  ];
  it.each(modes)('authenticates a %s camera with a non-ASCII password (method used: %s)', async (auth, method) => {
    camera = await startOnvifCamera({ auth });
    const { result } = await identify(camera);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.auth).toBe(method);
    expect(result.value.info).toEqual({
      manufacturer: 'Bosch',
      model: 'FLEXIDOME IP indoor 5100i IR',
      firmware: '8.71.0066',
      serial: '404754734012345678',
      hardwareId: 'F0004D43',
    });
    expect(camera.device.state.failures).toBe(0);
  });

  it.each([
    ['ws-security', 4],
    ['digest-sha256+md5', 5],
  ] as const)('identifying a %s camera takes %i requests (Digest: one 401, then a proven nonce)', async (auth, requests) => {
    camera = await startOnvifCamera({ auth });
    await identify(camera);
    expect(camera.device.state.requests).toBe(requests);
  });

  it('keeps an 18-digit serial and a digits-only hardware id exactly as sent', async () => {
    camera = await startOnvifCamera({ auth: 'ws-security', facts: { ...BOSCH, serial: '000123456789012345', hardwareId: '88' } });
    const { result } = await identify(camera);
    expect(result.ok && result.value.info.serial).toBe('000123456789012345');
    expect(result.ok && result.value.info.hardwareId).toBe('88');
  });

  it('takes the MAC of the interface that holds the camera’s IP, not the first one listed', async () => {
    camera = await startOnvifCamera({ auth: 'digest-md5' });
    const { result } = await identify(camera);
    expect(result.ok && result.value.mac).toBe('00:07:5f:12:34:56');
    expect(result.ok && result.value.scopes).toContain('onvif://www.onvif.org/name/BOSCH-404754734012345678');
  });

  it.each([3_600_000, -3_600_000])('authenticates with WS-Security when the camera clock is off by %i ms', async (skew) => {
    camera = await startOnvifCamera({ auth: 'ws-security', clockSkewMs: skew });
    const { clock, result } = await identify(camera);
    expect(Math.abs(clock.offsetMs - skew)).toBeLessThan(2000);
    expect(clock.source).toBe('utc');
    expect(result.ok).toBe(true);
  });

  it('reads the clock from LocalDateTime and the POSIX TZ when UTCDateTime is missing, and still logs in 1 h skewed', async () => {
    camera = await startOnvifCamera({
      auth: 'ws-security',
      clockSkewMs: 3_600_000,
      clock: { sendUtc: false, tz: 'CST-8', localEastHours: 8 },
    });
    const { clock, result } = await identify(camera);
    expect(clock.source).toBe('local-with-tz');
    expect(Math.abs(clock.offsetMs - 3_600_000)).toBeLessThan(2000);
    expect(clock.note).toMatch(/did not report UTC/);
    expect(result.ok).toBe(true);
  });

  it('assumes no offset, and says so, when the camera sends neither UTC nor a time zone', async () => {
    camera = await startOnvifCamera({ auth: 'ws-security', clock: { sendUtc: false, tz: null, localEastHours: 0 } });
    const { clock, result } = await identify(camera);
    expect(clock).toMatchObject({ offsetMs: 0, source: 'assumed' });
    expect(clock.note).toMatch(/assume its clock matches/);
    expect(result.ok).toBe(true);
  });

  it('a skewed camera refuses a token whose Created ignores the offset (why the offset matters)', async () => {
    camera = await startOnvifCamera({ auth: 'ws-security', clockSkewMs: 3_600_000 });
    const result = await camera.client.identify({ username: USER, password: PASSWORD }, { offsetMs: 0, source: 'assumed', note: null });
    expect(!result.ok && result.failure.kind).toBe('unauthorized');
    expect(!result.ok && result.failure.message).toMatch(/time check failed/);
  });

  it('carries on with no offset when even GetSystemDateAndTime wants a login', async () => {
    camera = await startOnvifCamera({ auth: 'digest-md5', timeNeedsAuth: true });
    const { clock, result } = await identify(camera);
    expect(clock.source).toBe('assumed');
    expect(result.ok).toBe(true);
  });

  it.each<AuthMode>(['ws-security', 'digest-md5', 'digest-sha256+md5', 'both'])(
    'a wrong password on a %s camera is one refused attempt, said in a sentence without the password',
    async (auth) => {
      camera = await startOnvifCamera({ auth });
      const { result } = await identify(camera, 'wrong-password-77');
      expect(!result.ok && result.failure.kind).toBe('unauthorized');
      expect(!result.ok && result.failure.message).toMatch(/refused the user name or password/);
      expect(JSON.stringify(result)).not.toContain('wrong-password-77');
      expect(camera.device.state.failures).toBe(1);
    },
  );

  it.each([
    ['ws-security', 'soap-fault'],
    ['digest-md5', 'http-401-body'],
    ['digest-sha256+md5', 'http-423'],
    ['both', 'http-403-text'],
  ] as const)('a locked %s camera (%s) is reported as locked even with the right password', async (auth, signal) => {
    camera = await startOnvifCamera({ auth, lockout: { afterFailures: 1, forMs: 60_000, signal } });
    await identify(camera, 'wrong');
    expect(camera.device.isLocked()).toBe(true);
    const { result } = await identify(camera);
    expect(!result.ok && result.failure.kind).toBe('locked');
    expect(!result.ok && result.failure.message).toMatch(/locked this account/);
  });

  it('retries once on a stale nonce and keeps working across calls', async () => {
    camera = await startOnvifCamera({ auth: 'digest-md5', digest: { maxUses: 1 } });
    const { result } = await identify(camera);
    expect(result.ok).toBe(true);
    expect(camera.device.state.failures).toBe(0);
  });

  it('reports an address that answers nothing as unreachable', async () => {
    camera = await startOnvifCamera({ auth: 'ws-security' });
    await camera.close();
    const result = await camera.client.readClock();
    expect(!result.ok && result.failure.kind).toBe('unreachable');
    camera = null;
  });
});

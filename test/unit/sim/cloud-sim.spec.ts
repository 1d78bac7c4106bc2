/** The whole seed flow on 127.0.0.1: register through the clients, then cameras poll the simulator and go online. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerCamera } from '../../../electron/core/cloud/register.js';
import { expectedWaitMs } from '../../../electron/core/cloud/seed-schedule.js';
import { FakeClock } from '../../support/fake-udp.js';
import { httpAsk, httpConnect, type AskVariant } from '../../sim/provisioning/http-camera-side.js';
import { ProvisioningCamera } from '../../sim/provisioning/provisioning-camera.js';
import { SECRETS, startFixture, type CloudFixture } from '../electron/core/cloud/cloud-fixture.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
let fx: CloudFixture;
beforeEach(async () => (fx = await startFixture()));
afterEach(() => fx.sim.close());

function simCamera(clock: FakeClock, serialId: string, variant: AskVariant): ProvisioningCamera {
  return new ProvisioningCamera({
    clock,
    serialId,
    password: SECRETS.cameraPassword,
    ask: httpAsk(fx.sim.url, variant),
    connect: httpConnect(fx.sim.url),
  });
}

/** Let the camera's real HTTP poll finish and its next poll be scheduled. */
const settled = (clock: FakeClock, cam: ProvisioningCamera, polls: number) =>
  vi.waitFor(() => expect(cam.polls === polls && clock.pending() === 1).toBe(true), { timeout: 3000, interval: 5 });

describe('cloud simulator with provisioning cameras', () => {
  for (const variant of ['get-token-post', 'token-get'] as const) {
    it(`a camera asking with ${variant} gets its token after registration and its channel goes online`, async () => {
      const clock = new FakeClock();
      const cam = simCamera(clock, 'ACCC8E12AB34', variant);
      cam.start();
      await clock.advance(0);
      await settled(clock, cam, 1); // no record yet: 401, keeps polling
      const outcome = await registerCamera({
        admin: fx.admin,
        provisioning: fx.provisioning,
        cameraId: 'ACCC8E12AB34',
        password: SECRETS.cameraPassword,
      });
      expect(outcome.ok).toBe(true);
      expect(expectedWaitMs(clock.now() - cam.pollingSince)).toBe(MIN);
      await clock.advance(MIN);
      await vi.waitFor(() => expect(cam.state).toBe('online'), { timeout: 3000, interval: 5 });
      const channel = [...fx.sim.state.channels.values()][0]!;
      expect(channel.streaming).toBe(true);
      expect(fx.sim.state.connections).toEqual([
        expect.objectContaining({ channelId: channel.id, token: channel.allToken, serialId: 'ACCC8E12AB34' }),
      ]);
      expect(cam.polls).toBe(2);
    });
  }

  it('a camera in its hourly phase picks the record up only at its next hourly poll', async () => {
    const clock = new FakeClock();
    const cam = simCamera(clock, 'B8A44F000001', 'token-get');
    cam.start();
    for (let i = 0; i < 5; i++) {
      await clock.advance(i === 0 ? 0 : MIN);
      await settled(clock, cam, i + 1);
    }
    await clock.advance(10 * MIN);
    expect(
      await registerCamera({ admin: fx.admin, provisioning: fx.provisioning, cameraId: 'B8A44F000001', password: SECRETS.cameraPassword }),
    ).toMatchObject({ ok: true });
    const wait = expectedWaitMs(clock.now() - cam.pollingSince);
    expect(wait).toBe(HOUR - 10 * MIN);
    await clock.advance(wait - 1);
    expect(cam.state).toBe('polling');
    await clock.advance(1);
    await vi.waitFor(() => expect(cam.state).toBe('online'), { timeout: 3000, interval: 5 });
  });

  it('answers a wrong password exactly like a missing record (401 {}), so IDs cannot be probed', async () => {
    await registerCamera({ admin: fx.admin, provisioning: fx.provisioning, cameraId: 'X1', password: SECRETS.cameraPassword });
    const wrong = await fetch(`${fx.sim.url}/v1/token?serial_id=X1`, { headers: { authorization: 'guess' } });
    const missing = await fetch(`${fx.sim.url}/v1/token?serial_id=NOPE`, { headers: { authorization: 'guess' } });
    expect([wrong.status, await wrong.text()]).toEqual([missing.status, await missing.text()]);
    expect(wrong.status).toBe(401);
  });

  it("refuses a camera connecting with a token that is not its channel's", async () => {
    expect(await httpConnect(fx.sim.url)('bm90LWEtdG9rZW4=', 'X1')).toBe(false);
    expect(fx.sim.state.connections).toEqual([]);
  });
});

describe('cloud simulator load and latency', () => {
  it('registers 20 cameras at once behind 20 ms latency per call: 20 channels, 20 records, no duplicates', async () => {
    fx.sim.setLatency(20);
    const ids = Array.from({ length: 20 }, (_, i) => `ACCC8E0000${String(i).padStart(2, '0')}`);
    const started = Date.now();
    const outcomes = await Promise.all(
      ids.map((cameraId) => registerCamera({ admin: fx.admin, provisioning: fx.provisioning, cameraId, password: SECRETS.cameraPassword })),
    );
    const elapsed = Date.now() - started;
    expect(outcomes.every((o) => o.ok && o.status === 'registered')).toBe(true);
    expect(fx.sim.state.channels.size).toBe(20);
    expect(new Set([...fx.sim.state.records.values()].map((r) => r.accessToken)).size).toBe(20);
    // 4 sequential calls per camera (find, check, create, POST) × 20 ms, in parallel: well under a second.
    expect(elapsed).toBeGreaterThanOrEqual(80);
    expect(elapsed).toBeLessThan(2000);
  });
});

/**
 * The token-writing lab's cameras (issue #9): Axis cameras with VAPIX + VXG Cloud Agent on <ip>:80 beside the
 * ONVIF device service, each also running the seed's provisioning loop against the lab cloud, plus an Axis camera
 * without the agent. Shared by the lab specs in test/integration/tokens/.
 *
 * Clock: the provisioning loops run `TOKEN_LAB_TIME_SCALE` times faster than the wall clock (300: a camera-minute
 * is 200 ms, a camera-hour 12 s) and start 63 camera-minutes after power-on, i.e. already in their hourly phase:
 * the first hourly poll 200 ms after power-on, then one every 12 s. A camera that holds a token never polls; one given a token connects to the cloud the
 * token names (its `cam` host) at once. Faults and tokens are set per camera with `lab.sim.agent(id, …)`.
 */
import type { SimDevice, SimProvisioning } from '../sim/sim-protocol.js';
import { LAB_CLOUD_URL } from './cloud-in-lab.js';
import type { CameraSpec } from './topology.js';

export const TOKEN_LAB_TIME_SCALE = 300;
/** One camera-hour on the scaled clock, in wall milliseconds. */
export const SCALED_HOUR_MS = 3_600_000 / TOKEN_LAB_TIME_SCALE;
const MIN = 60_000;

/** The administrator set every agent camera accepts (ONVIF and VAPIX), and one no camera accepts. */
export const AXIS_SET = { name: 'axis admin', username: 'root', password: 'Axis-tok-8Wq4-lab' };
export const WRONG_SET = { name: 'old admin', username: 'root', password: 'Axis-stale-3Jm9-lab' };

/** The sticker password the cameras poll the provisioning service with. */
export const stickerPassword = (id: string): string => `sticker-${id}-Tk7p`;

export function tokenLabProvisioning(id: string, url: string = LAB_CLOUD_URL): SimProvisioning {
  return { url, variant: 'get-token-post', password: stickerPassword(id), timeScale: TOKEN_LAB_TIME_SCALE, startedAgoMs: 63 * MIN };
}

/** An Axis camera with VXG Cloud Agent running and no token yet; it locks for an hour after 3 refused ONVIF logins. */
export function agentCamera(
  id: string,
  options: { agent?: 'running' | 'absent'; provisioningUrl?: string } = {},
): CameraSpec & { id: string } {
  const device: SimDevice = {
    auth: 'digest-md5',
    users: { [AXIS_SET.username]: AXIS_SET.password },
    lockout: { afterFailures: 3, forMs: 60 * MIN },
    vapix: { agent: options.agent ?? 'running', cloudToken: '' },
  };
  return { id, profile: 'axis', device, provisioning: tokenLabProvisioning(id, options.provisioningUrl) };
}

/** The camera ID VXG knows an Axis camera by: its MAC, 12 upper-case hex digits. */
export const cameraIdOf = (mac: string): string => mac.replaceAll(':', '').toUpperCase();

/**
 * Lines a test up with a camera's hourly schedule: returns once the camera's next poll is at least `needMs`
 * away (waiting for one more poll if it is sooner), with when its last poll was and when the next is due.
 */
export async function nextHourlyPollAtLeast(
  lab: { sim: { cloudEvents(id: string): { state: string; at: number }[] } },
  id: string,
  needMs: number,
): Promise<{ lastPollAt: number; nextPollAt: number; polls: number }> {
  const pollEvents = () => lab.sim.cloudEvents(id).filter((e) => e.state === 'polling');
  const deadline = Date.now() + SCALED_HOUR_MS + 5000;
  for (;;) {
    const last = pollEvents().at(-1);
    if (last && last.at + SCALED_HOUR_MS - Date.now() >= needMs) {
      return { lastPollAt: last.at, nextPollAt: last.at + SCALED_HOUR_MS, polls: pollEvents().length };
    }
    if (Date.now() > deadline) throw new Error(`camera ${id} made no hourly poll within ${SCALED_HOUR_MS + 5000} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

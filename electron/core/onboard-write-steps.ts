/**
 * Write-token mode's job steps (issue #11 §3): identify with the credential sets → find or create the camera's
 * channel (by its tag, never a second one) → write the channel's token onto the camera (the core's token writer:
 * write, read back, restart, with rollback) → confirm online (waits, holds no slot). Before a write is repeated
 * the cloud is asked whether the channel is already streaming: a camera that came online with the token is not
 * written again. Lives at the core root because it joins identify, the token writers and the cloud.
 */
import type { IdentifyResult } from '../../shared/contract/identify.js';
import type { CloudInfo } from '../../shared/device.js';
import type { Clock } from '../platform/ports.js';
import { checkChannel, checkOnline } from './cloud/onboard-steps.js';
import { ownChannel } from './cloud/own-channel.js';
import type { OnboardCameraData } from './onboard-steps.js';
import type { JobStep, ReconcileOutcome, StepOutcome } from './onboarding/job-types.js';
import type { CloudSetup, TokenWiring } from './wire-tokens.js';

export interface WriteStepOptions {
  clock: Clock;
  setup: CloudSetup;
  tokens: TokenWiring;
  identify(deviceIds: string[]): Promise<IdentifyResult[]>;
  /** Whether the camera let us in earlier in this process (device.auth). */
  authenticated(deviceId: string): boolean;
  channels: Map<string, number>;
  /** The camera's cloud state for the device table (online once confirmed). */
  setCloud(deviceId: string, cloud: CloudInfo): void;
  tokenWaitMs: number;
  pollMs: number;
}

type Data = OnboardCameraData;

export function writeTokenSteps(o: WriteStepOptions): JobStep<Data>[] {
  const admin = o.setup.admin;
  const noDevice = (data: Data): StepOutcome => ({
    status: 'failed',
    retryable: false,
    detail: `Camera ${data.cameraId} was not found on site in this run; scan again so it can be reached.`,
  });
  const noCloud: StepOutcome = {
    status: 'failed',
    retryable: false,
    detail: 'VXG Cloud is not set up: enter the cloud API address and license key in the cloud settings.',
  };
  const online = async (data: Data): Promise<ReconcileOutcome> => {
    if (!admin) return noCloud as ReconcileOutcome;
    const seen = await checkOnline(admin, data.cameraId, o.channels.get(data.cameraId) ?? null);
    if (seen.status === 'done') {
      if (seen.channelId !== undefined) o.channels.set(data.cameraId, seen.channelId);
      return { status: 'done', detail: seen.detail };
    }
    return seen.status === 'not-done'
      ? seen
      : { status: 'failed', detail: seen.detail, ...(seen.retryAfterMs ? { retryAfterMs: seen.retryAfterMs } : {}) };
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => o.clock.setTimeout(resolve, ms));

  return [
    {
      name: 'identify',
      run: async ({ camera }) => {
        const { deviceId } = camera.data;
        if (!deviceId) return noDevice(camera.data);
        const [result] = await o.identify([deviceId]);
        if (result?.status === 'authenticated') return { status: 'done', detail: result.message };
        const final = result?.status === 'refused' || result?.status === 'locked' || result?.status === 'not-tried';
        return { status: 'failed', detail: result?.message ?? 'The camera did not answer.', ...(final ? { retryable: false } : {}) };
      },
      // Logging in changes nothing on the camera; after a restart it is simply done again.
      reconcile: async ({ camera }) =>
        camera.data.deviceId && o.authenticated(camera.data.deviceId)
          ? { status: 'done', detail: 'The camera let us in earlier in this run.' }
          : { status: 'not-done' },
    },
    {
      name: 'find-or-create-channel',
      run: async ({ camera }) => {
        if (!admin) return noCloud;
        const own = await ownChannel(admin, { cameraId: camera.data.cameraId, mac: camera.data.mac, create: true });
        if (own.channelId !== null) o.channels.set(camera.data.cameraId, own.channelId);
        return own.ok ? { status: 'done', detail: own.message } : { status: 'failed', detail: own.message };
      },
      reconcile: async ({ camera }) => {
        if (!admin) return noCloud as ReconcileOutcome;
        const found = await checkChannel(admin, camera.data.cameraId);
        if (found.status === 'done' && found.channelId !== undefined) o.channels.set(camera.data.cameraId, found.channelId);
        if (found.status === 'done') return { status: 'done', detail: found.detail };
        return found.status === 'not-done' ? found : { status: 'failed', detail: found.detail };
      },
    },
    {
      name: 'write-token',
      run: async ({ camera }) => {
        const { deviceId, cameraId } = camera.data;
        if (!deviceId) return noDevice(camera.data);
        const channelId = o.channels.get(cameraId);
        // No online wait inside the write: it would hold a slot; confirm-online waits without one.
        const result = await o.tokens.writeOne({ deviceId, ...(channelId !== undefined ? { channelId } : {}) }, false, {
          ...o.setup,
          confirm: null,
        });
        if (result.channelId !== null) o.channels.set(cameraId, result.channelId);
        if (result.ok) return { status: 'done', detail: result.message };
        // Refused before any change, or put back: another try may work (a busy agent); a failed rollback is final.
        return { status: 'failed', detail: result.message, ...(result.status === 'rollback-failed' ? { retryable: false } : {}) };
      },
      // "Read before writing": a camera already streaming on its channel holds the token; never write it twice.
      reconcile: async ({ camera }) => online(camera.data),
    },
    {
      name: 'confirm-online',
      waits: true,
      run: async ({ camera, signal }) => {
        const deadline = o.clock.now() + o.tokenWaitMs;
        for (;;) {
          const seen = await online(camera.data);
          if (seen.status === 'done') {
            const { deviceId, cameraId } = camera.data;
            if (deviceId) {
              o.setCloud(deviceId, {
                state: 'online',
                channelId: o.channels.get(cameraId) ?? null,
                cameraId,
                since: new Date(o.clock.now()).toISOString(),
                message: seen.detail,
              });
            }
            return seen;
          }
          if (seen.status === 'failed' && seen.retryable === false) return seen;
          if (signal.aborted) return { status: 'failed', detail: 'The job was cancelled.' };
          if (o.clock.now() >= deadline) {
            return {
              status: 'failed',
              detail: `Camera ${camera.data.cameraId} holds its token but its channel did not report online in time; check it can reach the internet.`,
            };
          }
          await sleep(o.pollMs);
        }
      },
      reconcile: async ({ camera }) => online(camera.data),
    },
  ];
}

/**
 * Provision mode's job steps (issue #11): the cloud's check/make pairs (cloud/onboard-steps.ts) as the
 * onboarding engine's `{ name, run, reconcile }`. Lives at the core root because it joins two capabilities.
 * find-or-create-channel → provisioning-record → wait-for-token (bounded; holds no concurrency slot).
 */
import type { CloudInfo } from '../../shared/device.js';
import type { Clock } from '../platform/ports.js';
import type { Channel } from './cloud/admin-api.js';
import {
  checkChannel,
  checkOnline,
  checkRecord,
  makeChannel,
  makeRecord,
  type CloudStepClients,
  type CloudStepOutcome,
} from './cloud/onboard-steps.js';
import type { JobStep, ReconcileOutcome, StepOutcome } from './onboarding/job-types.js';

/** What a provision step knows of its camera. Never written to the ledger (the password is a secret). */
export interface OnboardCameraData {
  cameraId: string;
  deviceId: string | null;
  mac: string | null;
  name: string | null;
  password: string | null;
}

export interface ProvisionStepOptions {
  clients: CloudStepClients;
  clock: Clock;
  /** Channel ids learnt by the steps, by camera ID: later steps (and the table) read them. */
  channels: Map<string, number>;
  /** The camera's cloud state for the device table (polling after the record, online at the end). */
  setCloud(deviceId: string, cloud: CloudInfo): void;
  /** Longest wait for a camera to fetch its token; its seed schedule asks once a minute for 5 minutes. */
  tokenWaitMs: number;
  /** How often the channel is read while waiting. */
  pollMs: number;
}

type Data = OnboardCameraData;

type Remember = (channelId: number, channel?: Channel) => void;

function asStep(outcome: CloudStepOutcome, remember: Remember): StepOutcome {
  if (outcome.status === 'not-done') return { status: 'failed', detail: 'Not in place yet.' };
  if (outcome.status === 'failed') return outcome;
  if (outcome.channelId !== undefined) remember(outcome.channelId, outcome.channel);
  return { status: 'done', detail: outcome.detail };
}

function asReconcile(outcome: CloudStepOutcome, remember: Remember): ReconcileOutcome {
  if (outcome.status === 'not-done') return outcome;
  return asStep(outcome, remember) as ReconcileOutcome;
}

export function provisionSteps(o: ProvisionStepOptions): JobStep<Data>[] {
  // Channels with their tokens, in memory only (never in the ledger): saves a read per camera.
  const known = new Map<string, Channel>();
  const remember =
    (data: Data): Remember =>
    (channelId, channel) => {
      o.channels.set(data.cameraId, channelId);
      if (channel) known.set(data.cameraId, channel);
    };
  const cloudState = (data: Data, state: CloudInfo['state'], message: string) => {
    if (!data.deviceId) return;
    o.setCloud(data.deviceId, {
      state,
      channelId: o.channels.get(data.cameraId) ?? null,
      cameraId: data.cameraId,
      since: new Date(o.clock.now()).toISOString(),
      message,
    });
  };
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const cancel = o.clock.setTimeout(done, ms);
      function done() {
        cancel();
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });

  return [
    {
      name: 'find-or-create-channel',
      run: async ({ camera }) => asStep(await makeChannel(o.clients, camera.data), remember(camera.data)),
      reconcile: async ({ camera }) => asReconcile(await checkChannel(o.clients.admin, camera.data.cameraId), remember(camera.data)),
    },
    {
      name: 'provisioning-record',
      run: async ({ camera }) => {
        const { cameraId, password } = camera.data;
        const outcome = asStep(
          await makeRecord(o.clients, {
            cameraId,
            password,
            channelId: o.channels.get(cameraId) ?? null,
            channel: known.get(cameraId) ?? null,
          }),
          remember(camera.data),
        );
        if (outcome.status === 'done') cloudState(camera.data, 'polling', 'Registered: waiting for the camera to fetch its token.');
        return outcome;
      },
      reconcile: async ({ camera }) => asReconcile(await checkRecord(o.clients.provisioning, camera.data.cameraId), remember(camera.data)),
    },
    {
      name: 'wait-for-token',
      waits: true,
      run: async ({ camera, signal }) => {
        const { cameraId } = camera.data;
        const deadline = o.clock.now() + o.tokenWaitMs;
        let last = 'the channel is not streaming yet';
        for (;;) {
          const seen = await checkOnline(o.clients.admin, cameraId, o.channels.get(cameraId) ?? null);
          if (seen.status === 'done') {
            if (seen.channelId !== undefined) o.channels.set(cameraId, seen.channelId);
            cloudState(camera.data, 'online', seen.detail);
            return { status: 'done', detail: seen.detail };
          }
          if (seen.status === 'failed') {
            if (seen.retryable === false) return seen;
            last = seen.detail;
          }
          if (signal.aborted) return { status: 'failed', detail: `Stopped waiting for camera ${cameraId}: the job was cancelled.` };
          if (o.clock.now() >= deadline) {
            const minutes = Math.max(1, Math.round(o.tokenWaitMs / 60_000));
            return {
              status: 'failed',
              retryable: false,
              detail:
                `Camera ${cameraId} did not fetch its token within ${minutes} minute${minutes === 1 ? '' : 's'} (last: ${last}). ` +
                'A camera that has been on for more than 5 minutes asks only once an hour: reset it, or run the job again later to check.',
            };
          }
          await sleep(o.pollMs, signal);
        }
      },
      reconcile: async ({ camera }) => {
        const seen = await checkOnline(o.clients.admin, camera.data.cameraId, o.channels.get(camera.data.cameraId) ?? null);
        if (seen.status === 'done') cloudState(camera.data, 'online', seen.detail);
        return asReconcile(seen, remember(camera.data));
      },
    },
  ];
}

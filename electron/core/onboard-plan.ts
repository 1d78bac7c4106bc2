/**
 * A job's plan per mode: the camera ID format and the steps each camera goes through. Provision mode needs the
 * cloud's job clients (onboard-steps.ts); write-token mode the core's token writer and identify service
 * (onboard-write-steps.ts). A missing piece is a sentence that says what to set up.
 */
import type { CameraIdFormat } from '../../shared/camera-id.js';
import type { OnboardingMode } from '../../shared/onboarding.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { JobStep } from './onboarding/job-types.js';
import { provisionSteps } from './onboard-steps.js';
import { writeTokenSteps } from './onboard-write-steps.js';
import type { Data, OnboardingWiring } from './onboard-types.js';

export interface JobPlan {
  idFormat: CameraIdFormat;
  steps: (channels: Map<string, number>) => JobStep<Data>[];
}

export async function planJob(w: OnboardingWiring, mode: OnboardingMode): Promise<Result<JobPlan>> {
  const o = w.options;
  const tokenWaitMs = o.tokenWaitMs ?? 10 * 60_000;
  const pollMs = o.pollMs ?? 5_000;
  if (mode === 'provision') {
    const jobClients = await w.cloud.jobClients();
    if ('missing' in jobClients) return fail('unavailable', jobClients.missing);
    return ok({
      idFormat: jobClients.idFormat,
      steps: (channels) =>
        provisionSteps({ clients: jobClients.clients, clock: w.clock, channels, setCloud: w.setCloud, tokenWaitMs, pollMs }),
    });
  }
  const { tokens, identify } = w;
  if (!tokens || !identify) return fail('unavailable', 'Write-token mode is not available in this build: the token writer is not wired.');
  const setup = await tokens.cloudSetup();
  if (!setup.admin) {
    return fail('unavailable', 'VXG Cloud is not set up: enter the cloud API address and license key in the cloud settings.');
  }
  return ok({
    idFormat: setup.config.idFormat,
    steps: (channels) =>
      writeTokenSteps({
        clock: w.clock,
        setup,
        tokens,
        identify,
        authenticated: (id) => w.device(id)?.auth?.status === 'authenticated',
        channels,
        setCloud: w.setCloud,
        tokenWaitMs,
        pollMs,
      }),
  });
}

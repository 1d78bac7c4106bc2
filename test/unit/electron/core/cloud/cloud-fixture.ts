/**
 * The cloud simulator on 127.0.0.1 plus clients wired to it, with secrets that are easy to grep for.
 * The clock sleeps instantly but remembers every requested delay (so back-off and Retry-After are visible).
 */
import { createAdminApi, type AdminApi } from '../../../../../electron/core/cloud/admin-api.js';
import { createProvisioningClient, type ProvisioningClient } from '../../../../../electron/core/cloud/provisioning.js';
import type { RetryPolicy } from '../../../../../electron/core/cloud/call.js';
import { createNodeHttpClient } from '../../../../../electron/platform/http.js';
import type { Clock } from '../../../../../electron/platform/ports.js';
import { startCloudSim, type CloudSim } from '../../../../sim/cloud/cloud-sim.js';

export const SECRETS = {
  licenseKey: 'LK-4f1c9e7a2b-licence-secret',
  provisioningUser: 'cf-backend',
  provisioningPassword: 'prov-pass-8d2e61',
  cameraPassword: 'sticker-pw-Zq81',
};

export class InstantClock implements Clock {
  readonly delays: number[] = [];
  private virtual = 0;
  now(): number {
    return Date.now() + this.virtual;
  }
  setTimeout(fn: () => void, ms: number): () => void {
    this.delays.push(ms);
    this.virtual += ms;
    const handle = setImmediate(fn);
    return () => clearImmediate(handle);
  }
}

export interface CloudFixture {
  sim: CloudSim;
  clock: InstantClock;
  admin: AdminApi;
  provisioning: ProvisioningClient;
  /** Every secret the run knows, including the tokens the simulator minted. */
  allSecrets(): string[];
}

export async function startFixture(
  options: { pageSize?: number; timeoutMs?: number; retry?: Partial<RetryPolicy> } = {},
): Promise<CloudFixture> {
  const sim = await startCloudSim({
    host: '127.0.0.1',
    licenseKey: SECRETS.licenseKey,
    provisioningUser: SECRETS.provisioningUser,
    provisioningPassword: SECRETS.provisioningPassword,
    pageSize: options.pageSize ?? 1000,
  });
  const clock = new InstantClock();
  const http = createNodeHttpClient();
  const retry: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, ...options.retry };
  const common = { http, clock, timeoutMs: options.timeoutMs ?? 2000, retry, random: () => 0.5 };
  return {
    sim,
    clock,
    admin: createAdminApi({ ...common, baseUrl: sim.url, licenseKey: SECRETS.licenseKey }),
    provisioning: createProvisioningClient({
      ...common,
      tokenUrl: `${sim.url}/v1/token`,
      user: SECRETS.provisioningUser,
      password: SECRETS.provisioningPassword,
    }),
    allSecrets: () => [
      SECRETS.licenseKey,
      SECRETS.provisioningPassword,
      SECRETS.cameraPassword,
      Buffer.from(`${SECRETS.provisioningUser}:${SECRETS.provisioningPassword}`).toString('base64'),
      ...[...sim.state.channels.values()].flatMap((c) => [c.allToken, c.watchToken, innerSecret(c.allToken)]),
      ...[...sim.state.records.values()].map((r) => r.accessToken),
    ],
  };
}

/** Fails the test when any secret appears in `texts`. */
export function leakedSecrets(texts: string[], secrets: string[]): string[] {
  return secrets.filter((secret) => texts.some((text) => text.includes(secret)));
}

/** The `token` field inside a base64 access token: the part that must never be shown even decoded. */
function innerSecret(token: string): string {
  return (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { token: string }).token;
}

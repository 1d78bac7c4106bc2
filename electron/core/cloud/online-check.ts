/**
 * "Is the camera online with the token we just wrote?" for the token writers (issue #9): read the channel
 * (`GET /api/v3/channels/{id}/`) until the cloud reports it `streaming`, backing off 250 ms → 2 s, and give up
 * after a bounded deadline with a sentence. Unlike the registration watcher (hours, one timer for all), this
 * answers one write within seconds: a written token takes effect without any poll.
 *
 * Limit [INF]: `streaming` is per channel, so a channel that was already streaming before the write (a
 * rotation re-writing the same token) confirms at once; the cloud has no per-token connection report.
 */
import type { Clock } from '../../platform/ports.js';
import type { AdminApi } from './admin-api.js';

export const ONLINE_CHECK_MAX_MS = 60_000;
const FIRST_WAIT_MS = 250;
const MAX_WAIT_MS = 2_000;

export interface OnlineCheckOptions {
  clock: Clock;
  /** Give up after this long (default a minute). */
  maxMs?: number;
  /** First wait between reads (default 250 ms), doubled up to 2 s. */
  intervalMs?: number;
}

export function createOnlineCheck(
  admin: AdminApi,
  options: OnlineCheckOptions,
): (channelId: number) => Promise<{ ok: true } | { ok: false; message: string }> {
  const { clock } = options;
  const maxMs = options.maxMs ?? ONLINE_CHECK_MAX_MS;
  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  return async (channelId) => {
    const started = clock.now();
    let wait = options.intervalMs ?? FIRST_WAIT_MS;
    let last = '';
    for (;;) {
      const read = await admin.getChannel(channelId);
      if (read.ok && read.value.streaming === true) return { ok: true };
      if (!read.ok && read.failure.kind === 'not-found')
        return { ok: false, message: `Channel ${channelId} does not exist in the configured VXG Cloud account.` };
      last = read.ok ? '' : ` (last read: ${read.failure.message})`;
      const left = maxMs - (clock.now() - started);
      if (left <= 0) break;
      await sleep(Math.min(wait, left));
      wait = Math.min(MAX_WAIT_MS, wait * 2);
    }
    return {
      ok: false,
      message: `Channel ${channelId} did not report the camera online within ${Math.round(maxMs / 1000)} s${last}; check that the camera can reach the internet.`,
    };
  };
}

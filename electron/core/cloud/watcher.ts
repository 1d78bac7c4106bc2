/**
 * After registration: watch each registered camera's channel until the cloud reports it streaming (the camera
 * fetched its token and connected), then mark it online. Polls `GET /api/v3/channels/{id}/` every 5 s while
 * anything is pending, on the Clock port (tests run hours in milliseconds); on errors it backs off (doubling,
 * capped at a minute); after 2 hours it gives up with a sentence saying what to check.
 * One timer for all cameras, at most `concurrency` reads per tick, so 500 pending cameras stay polite.
 */
import type { Clock, Logger } from '../../platform/ports.js';
import type { AdminApi } from './admin-api.js';
import { mapLimited } from './limit.js';

export const WATCH_INTERVAL_MS = 5_000;
export const WATCH_MAX_MS = 2 * 60 * 60_000;
const MAX_BACKOFF_MS = 60_000;

export interface WatcherOptions {
  clock: Clock;
  log: Logger;
  /** A client for the current settings; null when the cloud is not configured any more. */
  admin(): Promise<AdminApi | null>;
  onOnline(deviceId: string, channelId: number): void;
  onFailed(deviceId: string, channelId: number, message: string): void;
  intervalMs?: number;
  maxMs?: number;
  concurrency?: number;
}

interface Pending {
  deviceId: string;
  channelId: number;
  cameraId: string;
  startedAt: number;
  errors: number;
  nextAt: number;
}

export interface CloudWatcher {
  watch(deviceId: string, channelId: number, cameraId: string): void;
  /** Device ids still waiting. */
  pending(): string[];
  close(): void;
}

export function createCloudWatcher(options: WatcherOptions): CloudWatcher {
  const { clock } = options;
  const intervalMs = options.intervalMs ?? WATCH_INTERVAL_MS;
  const maxMs = options.maxMs ?? WATCH_MAX_MS;
  const pending = new Map<string, Pending>();
  let cancel: (() => void) | null = null;
  let ticking = false;
  let closed = false;

  const schedule = (): void => {
    if (closed || cancel || ticking || pending.size === 0) return;
    cancel = clock.setTimeout(() => {
      cancel = null;
      void tick();
    }, intervalMs);
  };

  const check = async (admin: AdminApi, p: Pending, now: number): Promise<void> => {
    if (now - p.startedAt >= maxMs) {
      pending.delete(p.deviceId);
      options.onFailed(
        p.deviceId,
        p.channelId,
        `Camera ${p.cameraId} did not come online within ${Math.round(maxMs / 60_000)} minutes of registering. Check it is powered, on the network and can reach the internet; resetting it makes it ask for its token again.`,
      );
      return;
    }
    const read = await admin.getChannel(p.channelId);
    if (pending.get(p.deviceId) !== p) return; // re-registered or closed meanwhile
    if (read.ok) {
      p.errors = 0;
      if (read.value.streaming === true) {
        pending.delete(p.deviceId);
        options.onOnline(p.deviceId, p.channelId);
      }
      return;
    }
    if (read.failure.kind === 'not-found') {
      pending.delete(p.deviceId);
      options.onFailed(
        p.deviceId,
        p.channelId,
        `Channel ${p.channelId} of camera ${p.cameraId} no longer exists in VXG Cloud (deleted in the dashboard?); register the camera again.`,
      );
      return;
    }
    p.errors++;
    p.nextAt = now + Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** p.errors);
    options.log.debug('cloud watch: channel read failed', { channelId: p.channelId, message: read.failure.message });
  };

  const tick = async (): Promise<void> => {
    ticking = true;
    try {
      const admin = await options.admin();
      const now = clock.now();
      const due = [...pending.values()].filter((p) => p.nextAt <= now || now - p.startedAt >= maxMs);
      if (admin) await mapLimited(due, options.concurrency ?? 8, (p) => check(admin, p, now));
    } catch (error) {
      options.log.warn('cloud watch failed', { error: String(error) });
    } finally {
      ticking = false;
      schedule();
    }
  };

  return {
    watch(deviceId, channelId, cameraId) {
      const now = clock.now();
      pending.set(deviceId, { deviceId, channelId, cameraId, startedAt: now, errors: 0, nextAt: now });
      schedule();
    },
    pending: () => [...pending.keys()],
    close() {
      closed = true;
      cancel?.();
      cancel = null;
      pending.clear();
    },
  };
}

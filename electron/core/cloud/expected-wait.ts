/**
 * The "expected wait" shown after registering: how long until the camera asks the provisioning service again.
 * It comes from the seed schedule and an estimate of when the camera started polling — the latest WS-Discovery
 * Hello (it just booted or joined). Without one we cannot know, so we say the honest worst case: up to an hour.
 */
import { expectedWaitMs, inFastPhase, SEED_SCHEDULE } from './seed-schedule.js';

export type ExpectedWait = { phase: 'minutely' | 'hourly' | 'unknown'; withinMs: number; sentence: string };

const WAITING = 'Waiting for the camera to ask the provisioning service';

export function expectedWait(sinceStartMs: number | null): ExpectedWait {
  if (sinceStartMs === null || !Number.isFinite(sinceStartMs) || sinceStartMs < 0) {
    return {
      phase: 'unknown',
      withinMs: SEED_SCHEDULE.slowIntervalMs,
      sentence: `${WAITING} (up to an hour: we do not know when it started asking, and after its first 5 minutes it asks hourly).`,
    };
  }
  const withinMs = Math.round(expectedWaitMs(sinceStartMs));
  if (inFastPhase(sinceStartMs)) return { phase: 'minutely', withinMs, sentence: `${WAITING} (within a minute).` };
  const minutes = Math.max(1, Math.ceil(withinMs / 60_000));
  return {
    phase: 'hourly',
    withinMs,
    sentence: `${WAITING} (up to an hour: it is past its first 5 minutes and asks hourly; next in about ${minutes} min).`,
  };
}

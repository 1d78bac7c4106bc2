/**
 * When a camera without a token asks the provisioning service [DOC H1, H2]: every minute for the first
 * 5 minutes, then every hour, until it gets a token; never while it holds one. Read here as: a poll at start
 * (power-on or reset), four more a minute apart (5 polls in the first 5 minutes), then one an hour.
 * VXG's Uplink SDK behaves differently (retries 1–5 s, ~16 restarts) [CODE U2]; we follow the documented seed.
 * One table, used by the camera simulator and by the UI's "expected wait".
 */
export const SEED_SCHEDULE = {
  fastPolls: 5,
  fastIntervalMs: 60_000,
  slowIntervalMs: 60 * 60_000,
} as const;

/** Milliseconds after start (power-on or reset) at which poll number `index` (0-based) happens. */
export function pollTimeMs(index: number): number {
  const { fastPolls, fastIntervalMs, slowIntervalMs } = SEED_SCHEDULE;
  if (index < fastPolls) return index * fastIntervalMs;
  return (fastPolls - 1) * fastIntervalMs + (index - fastPolls + 1) * slowIntervalMs;
}

/**
 * Longest a technician waits for a tokenless camera to pick up a new record, given how long ago it started
 * polling: the time to its next poll (null when unknown: assume the hourly phase, the honest worst case).
 */
export function expectedWaitMs(sinceStartMs: number | null): number {
  if (sinceStartMs === null || !Number.isFinite(sinceStartMs) || sinceStartMs < 0) return SEED_SCHEDULE.slowIntervalMs;
  const { fastPolls, fastIntervalMs, slowIntervalMs } = SEED_SCHEDULE;
  const fastEnd = pollTimeMs(fastPolls - 1);
  // The first poll strictly after now: a poll happening at this very moment may have missed the record.
  const index =
    sinceStartMs < fastEnd
      ? Math.floor(sinceStartMs / fastIntervalMs) + 1
      : fastPolls + Math.floor((sinceStartMs - fastEnd) / slowIntervalMs);
  return pollTimeMs(index) - sinceStartMs;
}

/** True while the camera is still in its minute-by-minute phase. */
export function inFastPhase(sinceStartMs: number): boolean {
  return sinceStartMs >= 0 && sinceStartMs < pollTimeMs(SEED_SCHEDULE.fastPolls - 1) + 1;
}

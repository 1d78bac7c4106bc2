import type { IdentifyResult } from '../../../shared/contract.js';
import { plural } from './format.js';
import { authBadge, type Tone } from './auth-badge.js';

/** The last run's per-camera results, or the core's sentence when it did not run (`unavailable`, say). */
export type IdentifyRun = { results: IdentifyResult[] } | { error: string };

export type IdentifyOutcome = { label: string; tone: Tone; sentence: string };

/** One camera's answer in words: "Authenticated with set Site", "Refused", … and the core's sentence as text. */
export function describeIdentify(result: IdentifyResult): IdentifyOutcome {
  const { tone, label } = authBadge({ status: result.status, set: null, message: result.message, at: '' });
  const withSet = result.status === 'authenticated' && result.set ? `Authenticated with set ${result.set}` : label;
  return { label: withSet, tone, sentence: result.message };
}

/** "3 cameras: 2 authenticated, 1 refused" — counts in a fixed order so the line reads the same every run. */
export function summariseIdentify(results: readonly IdentifyResult[]): string {
  if (results.length === 0) return 'No camera to identify.';
  const order = ['authenticated', 'refused', 'locked', 'unreachable', 'error', 'not-tried'] as const;
  const parts = order
    .map((status) => [status, results.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status === 'not-tried' ? 'not tried' : status}`);
  return `${plural(results.length, 'camera')}: ${parts.join(', ')}`;
}

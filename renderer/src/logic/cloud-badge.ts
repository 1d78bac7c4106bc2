import type { CloudInfo, CloudState } from '../../../shared/device.js';

/** What a register answer said about when the camera asks again (kept per device for the badge). */
export type ExpectedWait = { phase: 'minutely' | 'hourly' | 'unknown'; withinMs: number; sentence: string };

export type CloudBadge = { label: string; tone: 'none' | 'wait' | 'good' | 'bad'; detail: string | null };

const LABELS: Record<CloudState, { label: string; tone: CloudBadge['tone'] }> = {
  unknown: { label: 'Not registered', tone: 'none' },
  polling: { label: 'Waiting for camera', tone: 'wait' },
  'token-delivered': { label: 'Token delivered', tone: 'good' },
  online: { label: 'Online', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
};

/** The seed schedule in a few words: a tokenless camera asks every minute for 5 minutes, then hourly. */
export function waitPhrase(wait: ExpectedWait | null | undefined): string | null {
  if (!wait) return null;
  if (wait.phase === 'minutely') return 'asks within a minute';
  if (wait.phase === 'hourly') return 'asks within the hour';
  return null;
}

/** The Cloud column: a short label, a tone for colour, and the expected wait while the camera has not asked. */
export function cloudBadge(cloud: CloudInfo, wait?: ExpectedWait | null): CloudBadge {
  const { label, tone } = LABELS[cloud.state] ?? LABELS.unknown;
  return { label, tone, detail: cloud.state === 'polling' ? waitPhrase(wait) : null };
}

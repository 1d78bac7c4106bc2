/**
 * Pure helpers for the onboarding screen (issue #11): progress in words, state labels, the printable summary.
 * Everything here formats values the core sent; nothing is rendered as HTML.
 */
import type { OnboardCamera, OnboardJob } from '../../../shared/contract.js';
import type { CameraJobState, JobProgress, OnboardingMode } from '../../../shared/onboarding.js';

export const MODE_LABELS: Record<OnboardingMode, string> = {
  provision: 'Provision (register; the camera fetches its token)',
  'write-token': 'Write token (identify, write the token onto the camera)',
};

export const STATE_LABELS: Record<CameraJobState, string> = {
  pending: 'Pending',
  running: 'Running',
  waiting: 'Waiting',
  onboarded: 'Onboarded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "3 min 20 s", "45 s", "—": an ETA a technician can read at a glance. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "12 of 40 onboarded · 1 failed · 3 waiting · 4.2/min · about 6 min 40 s left". */
export function progressLine(p: JobProgress): string {
  const parts = [`${p.done} of ${p.total} onboarded`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.running > 0) parts.push(`${p.running} running`);
  if (p.waiting > 0) parts.push(`${p.waiting} waiting`);
  if (p.ratePerMinute > 0) parts.push(`${p.ratePerMinute.toFixed(1)}/min`);
  if (p.etaMs !== null && p.state === 'running') parts.push(`about ${formatDuration(p.etaMs)} left`);
  return parts.join(' · ');
}

export const JOB_STATE_LABELS: Record<JobProgress['state'], string> = {
  running: 'Running',
  paused: 'Paused',
  cancelling: 'Cancelling…',
  finished: 'Finished',
  cancelled: 'Cancelled',
  stopped: 'Stopped (resumable)',
};

export const isActive = (job: OnboardJob | null): boolean =>
  job !== null && (job.progress.state === 'running' || job.progress.state === 'paused' || job.progress.state === 'cancelling');

/** Counts per camera state, for the printable summary. */
export function stateCounts(cameras: readonly OnboardCamera[]): Record<CameraJobState, number> {
  const counts: Record<CameraJobState, number> = { pending: 0, running: 0, waiting: 0, onboarded: 0, failed: 0, cancelled: 0 };
  for (const camera of cameras) counts[camera.state] += 1;
  return counts;
}

/** Cameras in a stable reading order for the table and the printout: failed first, then by IP, then by ID. */
export function cameraOrder(cameras: readonly OnboardCamera[]): OnboardCamera[] {
  const rank = (s: CameraJobState) => (s === 'failed' ? 0 : s === 'running' || s === 'waiting' ? 1 : 2);
  const ipKey = (ip: string | null) =>
    (ip ?? '')
      .split('.')
      .map((n) => n.padStart(3, '0'))
      .join('.');
  return [...cameras].sort(
    (a, b) => rank(a.state) - rank(b.state) || ipKey(a.ip).localeCompare(ipKey(b.ip)) || a.cameraId.localeCompare(b.cameraId),
  );
}

/** Split the subnets field ("198.19.0.0/24, 198.19.1.0/24") into entries; empty entries dropped. */
export const parseSubnets = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Largest CSV the screen reads before handing it to the core (the core checks the same bound in bytes). */
export const MAX_CSV_FILE_BYTES = 10 * 1024 * 1024;

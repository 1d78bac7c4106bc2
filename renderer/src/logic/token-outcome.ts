import type { TokenWriteResult } from '../../../shared/contract.js';
import { plural } from './format.js';

export type TokenOutcome = { label: string; tone: 'good' | 'same' | 'bad' };
type Status = TokenWriteResult['status'];
type StepName = TokenWriteResult['steps'][number]['step'];

const STATUS: Record<Status, { label: string; short: string }> = {
  written: { label: 'Token written', short: 'written' },
  unchanged: { label: 'Nothing changed', short: 'unchanged' },
  'rolled-back': { label: 'Rolled back — the old token is back on the camera', short: 'rolled back' },
  'rollback-failed': { label: 'Rollback failed — check the camera', short: 'rollback failed' },
};

export const STEP_LABELS: Record<StepName, string> = {
  check: 'Check the agent',
  read: 'Read the current token',
  write: 'Write the token',
  'read-back': 'Read it back',
  restart: 'Restart the agent',
  confirm: 'Confirm online in the cloud',
  rollback: 'Roll back',
};

/** One camera's answer as a label and a tone; `unchanged` is only calm when nothing was asked to change. */
export function describeTokenOutcome(result: TokenWriteResult): TokenOutcome {
  const { label } = STATUS[result.status] ?? STATUS.unchanged;
  if (result.ok) return { label, tone: result.status === 'written' ? 'good' : 'same' };
  return { label: result.failedStep ? `${label} (failed at: ${STEP_LABELS[result.failedStep].toLowerCase()})` : label, tone: 'bad' };
}

/** "3 cameras: 2 written · 1 rolled back" */
export function summariseTokenOutcomes(results: readonly TokenWriteResult[]): string {
  const parts = (Object.keys(STATUS) as Status[])
    .map((status) => [status, results.filter((result) => result.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${STATUS[status].short}`);
  return `${plural(results.length, 'camera')}: ${parts.join(' · ') || 'no answer'}`;
}

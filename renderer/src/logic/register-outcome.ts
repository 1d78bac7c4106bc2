import type { RegisterResult } from '../../../shared/contract.js';
import { plural } from './format.js';

export type Outcome = { label: string; tone: 'good' | 'same' | 'bad'; sentences: string[] };

/** One camera's answer in words: what happened, whether a half-made channel was undone, and when it asks. */
export function describeOutcome(result: RegisterResult): Outcome {
  const sentences = [result.message];
  if (result.status === 'registered') {
    if (result.expectedWait) sentences.push(result.expectedWait.sentence);
    return { label: 'Registered', tone: 'good', sentences };
  }
  if (result.status === 'already-registered') {
    return { label: 'Already registered — nothing changed', tone: 'same', sentences };
  }
  if (result.rolledBack === true) sentences.push('The channel created for it was rolled back (deleted again).');
  if (result.rolledBack === false) {
    sentences.push(
      `The channel created for it (${result.channelId ?? 'id unknown'}) could not be deleted; remove it in the VXG dashboard.`,
    );
  }
  return { label: 'Failed', tone: 'bad', sentences };
}

/** "2 registered · 1 already registered · 1 failed" */
export function summariseOutcomes(results: readonly RegisterResult[]): string {
  const count = (status: RegisterResult['status']) => results.filter((result) => result.status === status).length;
  const parts = [`${count('registered')} registered`];
  if (count('already-registered') > 0) parts.push(`${count('already-registered')} already registered`);
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  return `${plural(results.length, 'camera')}: ${parts.join(' · ')}`;
}

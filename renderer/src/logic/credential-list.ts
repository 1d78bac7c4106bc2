import type { z } from 'zod';
import type { credentialListSchema, CredentialSetInfo } from '../../../shared/contract.js';
import { SCOPE_WORDS } from './credential-form.js';

export type CredentialList = z.output<typeof credentialListSchema>;

/** "applies to every camera" / "vendor AXIS" / "camera 00:40:8c:12:34:56": where a set is tried, in words. */
export function appliesTo(set: CredentialSetInfo): string {
  if (set.scope === 'site') return 'every camera';
  return `${SCOPE_WORDS[set.scope]} ${set.match ?? '(none)'}`;
}

/**
 * The storage warning to show, or null: loud whenever the passwords would not survive a restart. The screen
 * puts "Passwords are kept only until the app closes." in bold before `text`, so `text` says why or what to do.
 */
export function storageWarning(list: CredentialList): { loud: boolean; text: string } | null {
  if (list.persistent) return list.warning ? { loud: false, text: list.warning } : null;
  return { loud: true, text: list.warning ?? 'Enter them again after Camera Finder restarts.' };
}

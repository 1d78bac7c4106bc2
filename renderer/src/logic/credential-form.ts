import type { z } from 'zod';
import { credentialScopes, type identifyCommands } from '../../../shared/contract.js';
import { normaliseMac } from '../../../shared/mac.js';
import { isIpv4 } from '../../../shared/net.js';

export type CredentialScope = (typeof credentialScopes)[number];
export type SaveArgs = z.input<(typeof identifyCommands)['credentials.save']['args']>;

/** What the technician types for a new set. The password is only ever typed; it is emptied after a save. */
export type CredentialDraft = { name: string; scope: CredentialScope; match: string; username: string; password: string };

export const emptyDraft = (): CredentialDraft => ({ name: '', scope: 'site', match: '', username: '', password: '' });

export const SCOPE_LABELS: Record<CredentialScope, string> = {
  site: 'Site default (every camera)',
  vendor: 'One vendor',
  camera: 'One camera',
};

/** The short word shown in the list of sets. */
export const SCOPE_WORDS: Record<CredentialScope, string> = { site: 'site', vendor: 'vendor', camera: 'camera' };

/** The first thing that keeps the draft from being saved, as a sentence; null when it can be sent. */
export function draftProblem(draft: CredentialDraft): string | null {
  const name = draft.name.trim();
  if (name === '') return 'Give the set a name (for example "Site default").';
  if (name.length > 64) return 'Keep the name to 64 characters.';
  if (draft.scope === 'vendor' && draft.match.trim() === '') return 'Enter the vendor the set is for (for example "AXIS").';
  if (draft.scope === 'camera') {
    const match = draft.match.trim();
    if (match === '') return "Enter the camera's MAC (or IP address).";
    if (normaliseMac(match) === null && !isIpv4(match)) return 'That is not a MAC like 00:40:8c:12:34:56 or an IPv4 address.';
  }
  if (draft.match.trim().length > 64) return 'Keep the match to 64 characters.';
  if (draft.username.trim() === '') return 'Enter the user name the cameras accept.';
  if (draft.password === '') return 'Enter the password.';
  if (draft.password.length > 256) return 'The password is longer than 256 characters.';
  return null;
}

/** True when saving replaces a stored set of that name (the core keys sets by name): said before the click. */
export const replacesSet = (draft: CredentialDraft, taken: readonly string[]): boolean => taken.includes(draft.name.trim());

/** The save command's arguments; a site set matches everything (null), a camera MAC goes in normal form. */
export function saveArgs(draft: CredentialDraft): SaveArgs {
  const match = draft.match.trim();
  return {
    name: draft.name.trim(),
    scope: draft.scope,
    match: draft.scope === 'site' ? null : draft.scope === 'camera' ? (normaliseMac(match) ?? match) : match,
    username: draft.username.trim(),
    // Sent exactly as typed: leading or trailing spaces can be part of a camera password.
    password: draft.password,
  };
}

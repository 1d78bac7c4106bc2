/** Adding a credential set: what stops a save (as a sentence) and what reaches the core. */
import { describe, expect, it } from 'vitest';
import {
  draftProblem,
  emptyDraft,
  replacesSet,
  saveArgs,
  type CredentialDraft,
} from '../../../../../renderer/src/logic/credential-form.js';

const draft = (patch: Partial<CredentialDraft>): CredentialDraft => ({
  ...emptyDraft(),
  name: 'Site',
  username: 'admin',
  password: 'pw',
  ...patch,
});

describe('draftProblem', () => {
  it('accepts a complete site set and names the first missing piece otherwise', () => {
    expect(draftProblem(draft({}))).toBeNull();
    expect(draftProblem(draft({ name: '  ' }))).toMatch(/name/);
    expect(draftProblem(draft({ username: '' }))).toMatch(/user name/);
    expect(draftProblem(draft({ password: '' }))).toMatch(/password/);
  });

  it('asks for the vendor or a real MAC (or IPv4) when the set is narrowed', () => {
    expect(draftProblem(draft({ scope: 'vendor' }))).toMatch(/vendor/);
    expect(draftProblem(draft({ scope: 'vendor', match: 'AXIS' }))).toBeNull();
    expect(draftProblem(draft({ scope: 'camera', match: 'lobby' }))).toMatch(/not a MAC/);
    expect(draftProblem(draft({ scope: 'camera', match: '00-40-8C-12-34-56' }))).toBeNull();
    expect(draftProblem(draft({ scope: 'camera', match: '198.18.0.10' }))).toBeNull();
  });
});

describe('replacesSet', () => {
  it('warns before a save that would replace a stored set of the same name', () => {
    expect(replacesSet(draft({ name: ' Site ' }), ['Site'])).toBe(true);
    expect(replacesSet(draft({ name: 'Other' }), ['Site'])).toBe(false);
  });
});

describe('saveArgs', () => {
  it('sends the password exactly as typed, a site set with no match, a camera MAC in normal form', () => {
    expect(saveArgs(draft({ password: ' pässwörd ' }))).toEqual({
      name: 'Site',
      scope: 'site',
      match: null,
      username: 'admin',
      password: ' pässwörd ',
    });
    expect(saveArgs(draft({ scope: 'site', match: 'left over' })).match).toBeNull();
    expect(saveArgs(draft({ scope: 'camera', match: '00-40-8C-12-34-56' })).match).toBe('00:40:8c:12:34:56');
    expect(saveArgs(draft({ scope: 'vendor', match: ' AXIS ' })).match).toBe('AXIS');
  });
});

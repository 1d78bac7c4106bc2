/**
 * `scan --identify` and `identify --ip …`: credential sets into the core's vault (memory only in the CLI), then
 * `identify.run` — all through the contract's dispatch, like every other front door. Passwords go from the file
 * to the vault and nowhere else; output carries set names and auth statuses.
 */
import type { IdentifyResult } from '../../shared/contract/identify.js';
import { dispatch } from '../../shared/dispatch.js';
import type { Core } from '../core/core.js';
import { readCredentialsFile, type CredentialFs } from './cli-credentials.js';

export type Prepared = { ok: true; sets: number } | { ok: false; message: string };

/** Load the file's sets (in order, site scope) or check the environment set exists; a sentence when neither. */
export async function prepareCredentials(core: Core, file: string | undefined, fs?: CredentialFs): Promise<Prepared> {
  if (file !== undefined) {
    const read = await readCredentialsFile(file, fs);
    if (!read.ok) return read;
    for (const set of read.sets) {
      const { vendor, camera, ...secret } = set;
      const scope = vendor ? 'vendor' : camera ? 'camera' : 'site';
      const saved = await dispatch(core, 'credentials.save', { ...secret, scope, match: vendor ?? camera ?? null });
      if (!saved.ok) return { ok: false, message: `Credential set "${set.name}" could not be kept: ${saved.message}` };
    }
  }
  const listed = await dispatch(core, 'credentials.list', {});
  const count = listed.ok ? listed.value.sets.length : 0;
  if (count === 0) {
    return {
      ok: false,
      message:
        'No credentials to identify with: pass --credentials <file> (JSON [{"name", "username", "password"}, …], chmod 600) ' +
        'or set CAMERA_FINDER_CAMERA_USER and CAMERA_FINDER_CAMERA_PASSWORD.',
    };
  }
  return { ok: true, sets: count };
}

export type Identified = { ok: true; results: IdentifyResult[] } | { ok: false; message: string };

export async function identifyDevices(core: Core, deviceIds: string[] | undefined): Promise<Identified> {
  const run = await dispatch(core, 'identify.run', deviceIds ? { deviceIds } : {});
  return run.ok ? { ok: true, results: run.value.results } : { ok: false, message: `Identification failed: ${run.message}` };
}

/** One line per camera for a human: who let us in with which set, or what to do. */
export function formatResults(results: IdentifyResult[], ipOf: (id: string) => string | null): string {
  const printable = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return results.map((r) => `${ipOf(r.deviceId) ?? r.deviceId}\t${r.status}\t${printable(r.message)}`).join('\n');
}

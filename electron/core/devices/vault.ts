/**
 * The credential vault (issue #8 §3): named credential sets. Passwords live in a SecretStore under
 * `camera-credentials/<set name>`; the non-secret part (name, scope, match, user name) in the settings store
 * under `credentials` — but only where the store persists: with a memory-only store (browser mode, the CLI, an
 * OS without encryption) the metadata stays in memory too, so no orphan user names survive a restart.
 *
 * Hazard: the user name and password never leave this module except inside `setsFor` (to the identify
 * service, which hands them to the camera clients). `list()` is what the renderer sees: names and scope.
 */
import type { CredentialSetInfo } from '../../../shared/contract/identify.js';
import { normaliseMac } from '../../../shared/mac.js';
import type { SettingsStore } from '../../platform/ports.js';
import type { SecretStore } from '../../platform/secrets.js';
import type { CredentialSet } from './credentials/attempts.js';

export const CREDENTIALS_KEY = 'credentials';
export const secretName = (set: string): string => `camera-credentials/${set}`;
/** The set made from CAMERA_FINDER_CAMERA_USER / CAMERA_FINDER_CAMERA_PASSWORD (never stored). */
export const ENVIRONMENT_SET = 'environment';
export const CAMERA_ENV = { user: 'CAMERA_FINDER_CAMERA_USER', password: 'CAMERA_FINDER_CAMERA_PASSWORD' } as const;
/** Sets a vault keeps; a site has a handful (default, per vendor, a few per-camera exceptions). */
export const MAX_CREDENTIAL_SETS = 64;

interface StoredSet extends CredentialSetInfo {
  username: string;
}

export interface CredentialList {
  sets: CredentialSetInfo[];
  persistent: boolean;
  warning: string | null;
}

/** What the vault needs to know of a camera to pick its sets. */
export interface CameraFacts {
  mac: string | null;
  ip: string | null;
  /** IEEE vendor and ONVIF manufacturer, either may match a vendor set. */
  vendor: string | null;
  manufacturer: string | null;
}

export interface CredentialVault {
  list(): Promise<CredentialList>;
  save(set: CredentialSetInfo & { username: string; password: string }): Promise<CredentialList>;
  remove(name: string): Promise<CredentialList>;
  /** The sets to try on this camera, in order: camera-specific, then vendor, then site, each in saved order. */
  setsFor(camera: CameraFacts): Promise<CredentialSet[]>;
}

export class VaultError extends Error {
  override name = 'VaultError';
}

const isStoredSet = (v: unknown): v is StoredSet => {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.name === 'string' &&
    typeof o.username === 'string' &&
    (o.scope === 'site' || o.scope === 'vendor' || o.scope === 'camera') &&
    (o.match === null || typeof o.match === 'string')
  );
};

const SCOPE_ORDER = { camera: 0, vendor: 1, site: 2 } as const;

function applies(set: StoredSet, camera: CameraFacts): boolean {
  if (set.scope === 'site') return true;
  const match = (set.match ?? '').trim().toLowerCase();
  if (!match) return false;
  if (set.scope === 'vendor') return [camera.vendor, camera.manufacturer].some((v) => v !== null && v.toLowerCase().includes(match));
  const mac = normaliseMac(match);
  return mac !== null ? camera.mac === mac : camera.ip === match;
}

export function createCredentialVault(deps: {
  secrets: SecretStore;
  settings: SettingsStore;
  /** CAMERA_FINDER_* variables, passed by the host (the core never reads process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}): CredentialVault {
  const { secrets, settings } = deps;
  const persist = secrets.persistent;
  let memory: StoredSet[] = [];
  const envUser = deps.env?.[CAMERA_ENV.user]?.trim();
  const envPassword = deps.env?.[CAMERA_ENV.password];
  const envSet: CredentialSet | null = envUser && envPassword ? { name: ENVIRONMENT_SET, username: envUser, password: envPassword } : null;

  const read = (): StoredSet[] => {
    if (!persist) return memory;
    const raw = settings.get<unknown>(CREDENTIALS_KEY);
    // A hand-edited file: keep what reads as a set, drop the rest.
    return Array.isArray(raw) ? raw.filter(isStoredSet).slice(0, MAX_CREDENTIAL_SETS) : [];
  };
  const write = (sets: StoredSet[]) => {
    if (persist) settings.set(CREDENTIALS_KEY, sets);
    else memory = sets;
  };
  const info = (s: StoredSet): CredentialSetInfo => ({ name: s.name, scope: s.scope, match: s.match });
  const list = async (): Promise<CredentialList> => {
    const sets = read().map(info);
    if (envSet && !sets.some((s) => s.name === ENVIRONMENT_SET)) sets.push({ name: ENVIRONMENT_SET, scope: 'site', match: null });
    return { sets, persistent: secrets.persistent, warning: secrets.warning };
  };

  return {
    list,
    async save(set) {
      if (set.name === ENVIRONMENT_SET && envSet)
        throw new VaultError(`The set "${ENVIRONMENT_SET}" comes from ${CAMERA_ENV.user}; choose another name.`);
      if (set.scope !== 'site' && !(set.match ?? '').trim())
        throw new VaultError(`A ${set.scope} set needs ${set.scope === 'vendor' ? 'a vendor name' : "the camera's MAC or IP"} to match.`);
      const sets = read();
      const at = sets.findIndex((s) => s.name === set.name);
      if (at < 0 && sets.length >= MAX_CREDENTIAL_SETS)
        throw new VaultError(`At most ${MAX_CREDENTIAL_SETS} credential sets; remove one first.`);
      // The password first: a set listed without its password would be tried with nothing.
      await secrets.set(secretName(set.name), set.password);
      const stored: StoredSet = {
        name: set.name,
        scope: set.scope,
        match: set.scope === 'site' ? null : (set.match ?? null),
        username: set.username,
      };
      if (at >= 0) sets[at] = stored;
      else sets.push(stored);
      write([...sets]);
      return list();
    },
    async remove(name) {
      write(read().filter((s) => s.name !== name));
      await secrets.delete(secretName(name));
      return list();
    },
    async setsFor(camera) {
      const chosen = read()
        .map((s, index) => ({ s, index }))
        .filter(({ s }) => applies(s, camera))
        .sort((a, b) => SCOPE_ORDER[a.s.scope] - SCOPE_ORDER[b.s.scope] || a.index - b.index);
      const out: CredentialSet[] = [];
      for (const { s } of chosen) {
        const password = await secrets.get(secretName(s.name));
        // No password (the keychain lost it, or the app restarted without encryption): the set cannot be tried.
        if (password) out.push({ name: s.name, username: s.username, password });
      }
      if (envSet && !out.some((s) => s.name === ENVIRONMENT_SET)) out.push(envSet);
      return out;
    },
  };
}

/**
 * Where settings, the audit log (and later the onboarding ledger) live. CAMERA_FINDER_DATA_DIR overrides the
 * per-user folder so tests and scripted runs never touch the technician's real profile. Paths only: the Electron
 * main bundle imports this, and must not pull the keychain's native module in with it.
 */
import { join } from 'node:path';

export const DATA_DIR_ENV = 'CAMERA_FINDER_DATA_DIR';
export const AUDIT_FILE = 'audit.jsonl';

type Env = Readonly<Record<string, string | undefined>>;

/** The override folder, or null when the environment does not set one (then the store's own folder is used). */
export function dataDirFromEnv(env: Env = process.env): string | null {
  const dir = env[DATA_DIR_ENV]?.trim();
  return dir ? dir : null;
}

export const auditPath = (dataDir: string): string => join(dataDir, AUDIT_FILE);

/**
 * The CLI's credential sets: a JSON file `[{"name", "username", "password"}, …]` (tried in that order), or one
 * set from CAMERA_FINDER_CAMERA_USER / CAMERA_FINDER_CAMERA_PASSWORD (the core's vault adds that one itself).
 *
 * Hazard (secrets on disk): the file is refused, with a sentence saying how to fix it, when its group or others
 * may read it — a password file anyone on the machine can read is how a site's camera passwords leak. Its
 * contents never reach stdout, stderr or the log; errors name the entry, never a value.
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { identifyCommands } from '../../shared/contract/identify.js';

/** A site has a handful of sets; the file is small. */
const MAX_FILE_BYTES = 64 * 1024;
const MAX_SETS = 64;

const saveArgs = identifyCommands['credentials.save'].args;
/**
 * `vendor` (optional) makes the set a per-vendor one: tried first, and only, on cameras whose IEEE vendor or ONVIF
 * manufacturer contains it; `camera` (a MAC or IP) makes it a per-camera one, tried before everything else.
 * Without either the set applies to every camera, in file order (issue 8's format, unchanged).
 */
const entrySchema = z
  .object({
    name: saveArgs.shape.name,
    username: saveArgs.shape.username,
    password: saveArgs.shape.password,
    vendor: z.string().min(1).max(64).optional(),
    camera: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((e) => !(e.vendor && e.camera), { message: 'give "vendor" or "camera", not both' });

export interface FileCredentialSet {
  name: string;
  username: string;
  password: string;
  vendor?: string;
  camera?: string;
}

export type CredentialsFile = { ok: true; sets: FileCredentialSet[] } | { ok: false; message: string };

export interface CredentialFs {
  stat(path: string): Promise<{ mode: number; size: number; isFile(): boolean }>;
  readFile(path: string): Promise<string>;
}

export const nodeCredentialFs: CredentialFs = {
  stat: (path) => stat(path),
  readFile: (path) => readFile(path, 'utf8'),
};

export async function readCredentialsFile(path: string, fs: CredentialFs = nodeCredentialFs): Promise<CredentialsFile> {
  const shown = JSON.stringify(path.slice(0, 200));
  let info;
  try {
    info = await fs.stat(path);
  } catch {
    return { ok: false, message: `The credentials file ${shown} cannot be read: check the path.` };
  }
  if (!info.isFile()) return { ok: false, message: `The credentials file ${shown} is not a file.` };
  // Windows has no POSIX modes (stat reports 0o666): there the folder's ACL is what protects the file.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    return {
      ok: false,
      message: `The credentials file ${shown} can be read by other users (mode ${(info.mode & 0o777).toString(8)}); refusing to use it. Run: chmod 600 ${shown}`,
    };
  }
  if (info.size > MAX_FILE_BYTES)
    return { ok: false, message: `The credentials file ${shown} is larger than 64 KiB; it should hold a few sets.` };
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(path));
  } catch {
    return { ok: false, message: `The credentials file ${shown} is not valid JSON; it should be [{"name", "username", "password"}, …].` };
  }
  if (!Array.isArray(raw) || raw.length === 0)
    return { ok: false, message: `The credentials file ${shown} should be a non-empty JSON array [{"name", "username", "password"}, …].` };
  if (raw.length > MAX_SETS) return { ok: false, message: `The credentials file ${shown} holds more than ${MAX_SETS} sets.` };
  const sets: FileCredentialSet[] = [];
  for (const [index, entry] of raw.entries()) {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      // Name the entry and the field, never a value (it may be the password).
      const field = parsed.error.issues[0]?.path[0];
      return {
        ok: false,
        message: `Entry ${index + 1} of the credentials file ${shown} is malformed${field !== undefined ? ` at "${String(field)}"` : ''}: each entry needs "name" (1-64 characters), "username" (1-128) and "password" (1-256), and may have "vendor" or "camera" (1-64), nothing else.`,
      };
    }
    if (sets.some((s) => s.name === parsed.data.name))
      return {
        ok: false,
        message: `Entry ${index + 1} of the credentials file ${shown} repeats the name "${parsed.data.name}"; names must differ.`,
      };
    sets.push(parsed.data);
  }
  return { ok: true, sets };
}

/**
 * `camera-finder register`: the cloud half of onboarding from a script or a headless site box. Goes through
 * the contract's `dispatch` like every front door. With --json, stdout carries exactly one object {results};
 * sentences go to stderr. Exit 0 only when every camera's channel and provisioning record are in place.
 *
 * Secrets: the sticker password comes from argv or stdin and leaves only inside the cloud request; results
 * hold no password or token (contract), and nothing here echoes the arguments.
 */
import type { RegisterResult } from '../../shared/contract.js';
import { dispatch } from '../../shared/dispatch.js';
import type { Core } from '../core/core.js';
import { EXIT } from './cli-args.js';
import type { RegisterCommand } from './cli-register-args.js';

type Writer = { write(text: string): unknown };

/** A sticker password is short; more than this on stdin is a mistake (a file piped in), not a password. */
const MAX_STDIN_BYTES = 4096;

/** stdin as text, bounded; the trailing newline of `echo pw |` is not part of the password. */
export async function readPasswordFromStdin(stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string | null> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > MAX_STDIN_BYTES) return null;
  }
  return text.replace(/\r?\n$/, '');
}

function line(r: RegisterResult): string {
  const channel = r.channelId === null ? '' : ` channel ${r.channelId}`;
  const wait = r.ok && r.expectedWait ? ` ${r.expectedWait.sentence}` : '';
  return `${r.cameraId || '?'}  ${r.status}${channel}: ${r.message}${wait}`;
}

export async function runRegister(
  cmd: RegisterCommand,
  core: Core,
  io: { stdout: Writer; stderr: Writer; readStdin: () => Promise<string | null> },
): Promise<number> {
  const password = cmd.password ?? (await io.readStdin());
  if (!password) {
    io.stderr.write('No password on stdin: pipe the sticker password in (at most 4 KiB), or give --password.\n');
    return EXIT.usage;
  }
  const cameras = cmd.macs.map((mac) => ({
    mac,
    password,
    ...(cmd.id !== undefined ? { cameraId: cmd.id } : {}),
    ...(cmd.name !== undefined ? { name: cmd.name } : {}),
  }));
  const result = await dispatch(core, 'cloud.register', { cameras });
  if (!result.ok) {
    io.stderr.write(`${result.message}\n`);
    return result.code === 'invalid-args' ? EXIT.usage : EXIT.failed;
  }
  const { results } = result.value;
  if (cmd.json) io.stdout.write(JSON.stringify({ results }) + '\n');
  else for (const r of results) (r.ok ? io.stdout : io.stderr).write(line(r) + '\n');
  const failed = results.filter((r) => !r.ok).length;
  if (failed) io.stderr.write(`${failed} of ${results.length} camera${results.length === 1 ? '' : 's'} not registered.\n`);
  return failed ? EXIT.failed : EXIT.ok;
}

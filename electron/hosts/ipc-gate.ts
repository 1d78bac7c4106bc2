import type { Result } from '../../shared/result.js';
import { fail } from '../../shared/result.js';
import { dispatch } from '../../shared/dispatch.js';
import type { Handlers } from '../../shared/contract.js';
import type { Logger } from '../platform/ports.js';

/** The app's own origin inside Electron (a privileged custom scheme serving dist/renderer). */
export const APP_ORIGIN = 'app://camera-finder';

/**
 * Every IPC call passes here: the sender frame must be our own page (not a navigated-away or injected frame),
 * and the arguments are parsed by the contract before the core sees them. Bad calls are dropped and logged.
 */
export function createIpcGate(handlers: Handlers, log: Logger) {
  return async (senderUrl: string | undefined, command: unknown, args: unknown): Promise<Result<unknown>> => {
    if (!senderUrl || !(senderUrl === APP_ORIGIN || senderUrl.startsWith(`${APP_ORIGIN}/`))) {
      log.warn('refused an IPC call from an unexpected frame', { senderUrl: senderUrl ?? null });
      return fail('unauthorized', 'This window is not allowed to talk to Camera Finder.');
    }
    const result = await dispatch(handlers, command, args);
    if (!result.ok && result.code === 'invalid-args')
      log.warn('dropped an IPC call with invalid arguments', { command: String(command).slice(0, 64) });
    return result;
  };
}

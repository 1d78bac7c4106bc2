import { apiCommands, type Api } from '../../../shared/contract.js';
import { fail } from '../../../shared/result.js';

/**
 * An Api whose every command fails with `message`: the page still renders and the error banner says
 * what to do, instead of a blank window when no transport can be reached.
 */
export function createUnavailableApi(message: string): Api {
  const methods = apiCommands(() => () => Promise.resolve(fail('unavailable', message)));
  return { ...methods, on: () => () => undefined };
}

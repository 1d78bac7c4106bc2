import { commands, isCommandName, type CommandName, type CommandResult, type Handlers } from './contract.js';
import { fail, type Result } from './result.js';

/**
 * The one gate every transport passes through (IPC, WebSocket and the CLI): an unknown name or arguments
 * that fail the contract's schema give an error Result and the handler is never called. Handler exceptions
 * become `internal`.
 */
export async function dispatch<K extends CommandName>(handlers: Handlers, name: K, args: unknown): Promise<Result<CommandResult<K>>>;
export async function dispatch(handlers: Handlers, name: unknown, args: unknown): Promise<Result<CommandResult<CommandName>>>;
export async function dispatch(handlers: Handlers, name: unknown, args: unknown): Promise<Result<CommandResult<CommandName>>> {
  if (!isCommandName(name)) return fail('unknown-command', `Unknown command ${JSON.stringify(String(name)).slice(0, 80)}.`);
  const parsed = commands[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('invalid-args', `Invalid arguments for ${name}${where}: ${issue?.message ?? 'rejected'}.`);
  }
  // The name was checked above and the arguments parsed by that name's schema; TS cannot pair them itself.
  const handler = handlers[name] as (a: unknown) => Promise<Result<CommandResult<CommandName>>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    return fail('internal', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

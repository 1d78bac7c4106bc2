import { commands, isCommandName, type Handlers } from './contract.js';
import { fail, type Result } from './result.js';

/**
 * The one gate every transport passes through: an unknown name or arguments that fail the contract's
 * schema give an error Result and the handler is never called. Handler exceptions become `internal`.
 */
export async function dispatch(handlers: Handlers, name: unknown, args: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name)) return fail('unknown-command', `Unknown command ${JSON.stringify(String(name)).slice(0, 80)}.`);
  const parsed = commands[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('invalid-args', `Invalid arguments for ${name}${where}: ${issue?.message ?? 'rejected'}.`);
  }
  const handler = handlers[name] as (a: unknown) => Promise<Result<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    return fail('internal', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

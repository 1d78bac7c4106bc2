/**
 * The contract's command and event names, without zod, so the Electron preload stays tiny.
 * contract.ts checks (with `satisfies`) that its schemas cover exactly these names, no more and no fewer.
 */
export const commandNames = [
  'scan.start',
  'scan.stop',
  'scan.status',
  'devices.list',
  'interfaces.list',
  'cloud.settings.get',
  'cloud.settings.set',
  'cloud.test',
  'cloud.register',
  'audit.list',
  'credentials.list',
  'credentials.save',
  'credentials.remove',
  'identify.run',
  'token.write',
  'cloud.move',
  'onboard.preview',
  'onboard.start',
  'onboard.pause',
  'onboard.resume',
  'onboard.cancel',
  'onboard.status',
  'onboard.report',
] as const;
export const eventNames = [
  'device-found',
  'device-updated',
  'device-lost',
  'device-merged',
  'scan-progress',
  'scan-finished',
  'onboard-progress',
] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && (commandNames as readonly string[]).includes(name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (eventNames as readonly string[]).includes(name);

/**
 * One entry per command name, from `make`. Untyped on purpose: names.ts has no schemas; contract/index.ts
 * wraps it in helpers (`apiCommands`, `commandHandlers`) whose `make` is checked per command.
 */
export function mapCommandNames<V>(make: (name: CommandName) => V): Record<CommandName, V> {
  return Object.fromEntries(commandNames.map((name) => [name, make(name)])) as Record<CommandName, V>;
}

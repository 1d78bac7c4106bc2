/**
 * The contract's command and event names, without zod, so the Electron preload stays tiny.
 * contract.ts checks (with `satisfies`) that its schemas cover exactly these names, no more and no fewer.
 */
export const commandNames = ['scan.start', 'scan.stop', 'scan.status', 'devices.list', 'interfaces.list'] as const;
export const eventNames = ['device-found', 'device-updated', 'device-lost', 'device-merged', 'scan-progress', 'scan-finished'] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && (commandNames as readonly string[]).includes(name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (eventNames as readonly string[]).includes(name);

/**
 * The one contract between the core and its front doors (Electron IPC, browser-mode WebSocket, CLI).
 * Adding a command: one entry in a feature file here (scan.ts, devices.ts, … or a new one spread in below),
 * its name in ../names.ts, one method on the core. Transports, the preload bridge and the renderer's API
 * type are all derived from this file.
 */
import type { z } from 'zod';
import { mapCommandNames, type CommandName, type EventName } from '../names.js';
import type { Result } from '../result.js';
import { cloudCommands } from './cloud.js';
import { deviceCommands, deviceEvents } from './devices.js';
import { identifyCommands } from './identify.js';
import { interfaceCommands } from './interfaces.js';
import { scanCommands, scanEvents } from './scan.js';
import { tokenCommands } from './tokens.js';
import { onboardCommands, onboardEvents } from './onboard.js';

export { commandNames, eventNames, isCommandName, isEventName } from '../names.js';
export type { CommandName, EventName } from '../names.js';
export { SCAN_TIMEOUT_MS, scanDiagnosticsSchema, type ScanDiagnostics } from './scan.js';
export * from './cloud.js';
export * from './identify.js';
export * from './tokens.js';
export * from './onboard.js';
export { scanProtocols, multicastProtocols, sweepRequestSchema, SWEEP_MAX_UNCONFIRMED_PREFIX } from './scan.js';

type CommandSpec = { args: z.ZodType; result: z.ZodType };

/** Compile-time check that two key sets are equal; a name in one list but not the other is a type error. */
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : false;
type Assert<T extends true> = T;

export const commands = {
  ...scanCommands,
  ...deviceCommands,
  ...interfaceCommands,
  ...cloudCommands,
  ...identifyCommands,
  ...tokenCommands,
  ...onboardCommands,
} satisfies Record<CommandName, CommandSpec>;
export const events = { ...deviceEvents, ...scanEvents, ...onboardEvents } satisfies Record<EventName, z.ZodType>;
/** Spreads escape the excess-property check of `satisfies`; this makes an extra schema a compile error too. */
export type ContractMatchesNames = Assert<SameKeys<typeof commands, CommandName>> & Assert<SameKeys<typeof events, EventName>>;

export type Commands = typeof commands;
export type CommandArgs<K extends CommandName> = z.input<Commands[K]['args']>;
export type ParsedArgs<K extends CommandName> = z.output<Commands[K]['args']>;
export type CommandResult<K extends CommandName> = z.output<Commands[K]['result']>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** The renderer-side function for command K, and one per contract command. */
export type ApiCommand<K extends CommandName> = (args: CommandArgs<K>) => Promise<Result<CommandResult<K>>>;
export type ApiCommands = { [K in CommandName]: ApiCommand<K> };

/** What every front door offers the renderer: the commands, and a subscription to the events. */
export type Api = ApiCommands & {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

/** What the core implements: one handler per command, called with already-validated arguments. */
export type Handler<K extends CommandName> = (args: ParsedArgs<K>) => Promise<Result<CommandResult<K>>>;
export type Handlers = { [K in CommandName]: Handler<K> };

/*
 * Typed builders over every command name. `make` is generic in the name, so what it returns is checked
 * against that command's argument and result types; the one cast below only restates that per-name check
 * for the whole object (TypeScript cannot express "a mapped type built by a loop").
 */
export const apiCommands = (make: <K extends CommandName>(name: K) => ApiCommand<K>): ApiCommands => mapCommandNames(make) as ApiCommands;
export const commandHandlers = (make: <K extends CommandName>(name: K) => Handler<K>): Handlers => mapCommandNames(make) as Handlers;

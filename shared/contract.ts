/**
 * The one contract between the core and its front doors (Electron IPC, browser-mode WebSocket, CLI).
 * Adding a command: one entry in `commands`, one method on the core. Transports, the preload bridge and
 * the renderer's API type are all derived from this file.
 */
import { z } from 'zod';
import { deviceSchema } from './device.js';
import { netInterfaceSchema } from './net.js';
import type { CommandName, EventName } from './names.js';
import type { Result } from './result.js';

export { commandNames, eventNames, isCommandName, isEventName } from './names.js';
export type { CommandName, EventName } from './names.js';

type CommandSpec = { args: z.ZodType; result: z.ZodType };

export const scanDiagnosticsSchema = z.object({
  scanId: z.string(),
  /** When the first probe went out (ISO time); devices' firstSeen is comparable to it. */
  startedAt: z.string(),
  /** Interfaces probed, by name, with their address. */
  interfaces: z.array(z.object({ name: z.string(), address: z.string() })),
  /** Interfaces that could not be used, with the reason a technician can act on. */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  probesSent: z.number(),
  repliesReceived: z.number(),
  /** Packets dropped as unparsable, oversized or not WS-Discovery. */
  dropped: z.number(),
  nonCameras: z.number(),
  durationMs: z.number(),
  errors: z.array(z.string()),
});
export type ScanDiagnostics = z.infer<typeof scanDiagnosticsSchema>;

const empty = z.object({}).strict();

export const commands = {
  'scan.start': {
    args: z
      .object({
        /** How long the scan listens, in ms. */
        timeoutMs: z.number().int().min(200).max(120_000).optional(),
        /** Restrict the scan to these interface names; all usable IPv4 interfaces when absent. */
        interfaces: z.array(z.string().min(1).max(64)).max(64).optional(),
      })
      .strict(),
    result: z.object({ scanId: z.string() }),
  },
  'scan.stop': { args: empty, result: z.object({ stopped: z.boolean() }) },
  'scan.status': {
    args: empty,
    result: z.object({ running: z.boolean(), last: scanDiagnosticsSchema.nullable() }),
  },
  'devices.list': { args: empty, result: z.object({ devices: z.array(deviceSchema) }) },
  'interfaces.list': { args: empty, result: z.object({ interfaces: z.array(netInterfaceSchema) }) },
} as const satisfies Record<CommandName, CommandSpec>;

export const events = {
  'device-found': z.object({ device: deviceSchema }),
  'device-updated': z.object({ device: deviceSchema }),
  /** A device went offline (Bye, or no longer answering); the record stays, `online: false`. */
  'device-lost': z.object({ device: deviceSchema }),
  /** Two records turned out to be one camera; `id` was folded into `into`. */
  'device-merged': z.object({ id: z.string(), into: z.string() }),
  'scan-progress': z.object({
    scanId: z.string(),
    elapsedMs: z.number(),
    totalMs: z.number(),
    found: z.number(),
  }),
  'scan-finished': z.object({
    scanId: z.string(),
    reason: z.enum(['completed', 'stopped', 'failed']),
    diagnostics: scanDiagnosticsSchema,
  }),
} as const satisfies Record<EventName, z.ZodType>;

export type Commands = typeof commands;
export type CommandArgs<K extends CommandName> = z.input<Commands[K]['args']>;
export type ParsedArgs<K extends CommandName> = z.output<Commands[K]['args']>;
export type CommandResult<K extends CommandName> = z.output<Commands[K]['result']>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;


/** What every front door offers the renderer: the commands, and a subscription to the events. */
export type Api = {
  [K in CommandName]: (args: CommandArgs<K>) => Promise<Result<CommandResult<K>>>;
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

/** What the core implements: one handler per command, called with already-validated arguments. */
export type Handlers = {
  [K in CommandName]: (args: ParsedArgs<K>) => Promise<Result<CommandResult<K>>>;
};

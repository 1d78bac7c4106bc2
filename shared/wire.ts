/**
 * Frames of the browser-mode WebSocket. The renderer and the server both parse with these schemas, and the
 * server builds its frames only through `responseFrame` / `eventFrame`, whose types come from the contract.
 */
import { z } from 'zod';
import type { CommandName, CommandResult, EventName, EventPayload } from './contract.js';
import { MAX_FRAME_BYTES } from './limits.js';
import { errorCodes, type Result } from './result.js';

export const requestFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  command: z.string().max(64),
  args: z.unknown(),
});
export type RequestFrame = z.infer<typeof requestFrameSchema>;

/**
 * A Result as it travels: the shape of result.ts's `Result`, parsed. A code this build does not know (a newer
 * server) reads as `internal` instead of dropping the answer and leaving the call hanging.
 */
export const wireResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), code: z.enum(errorCodes).catch('internal'), message: z.string() }),
]);
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Proof that the wire schema reads back exactly result.ts's `Result`; drift here is a compile error. */
export type WireResultIsResult = Assert<Same<z.output<typeof wireResultSchema>, Result<unknown>>>;

/** `id: null` answers a frame whose id could not be read (not JSON, no id). */
export const responseFrameSchema = z.object({
  id: z.number().int().nonnegative().nullable(),
  result: wireResultSchema,
});

export const eventFrameSchema = z.object({ event: z.string(), payload: z.unknown() });

/** Any command's answer; the server cannot know statically which command a frame named. */
export type ResponseFrame = { id: number | null; result: Result<CommandResult<CommandName>> };
export type EventFrame<E extends EventName = EventName> = { event: E; payload: EventPayload<E> };
export type ServerFrame = ResponseFrame | EventFrame;

export const responseFrame = (id: number | null, result: Result<CommandResult<CommandName>>): ResponseFrame => ({ id, result });
export const eventFrame = <E extends EventName>(event: E, payload: EventPayload<E>): EventFrame<E> => ({ event, payload });

/** The id of a request that failed the schema, when it has a usable one, so its error answer can carry it. */
export function readFrameId(frame: unknown): number | null {
  const id = typeof frame === 'object' && frame !== null ? (frame as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/** UTF-8 length of `text` without allocating its bytes (a full inventory is tens of MiB). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair; a lone surrogate is written as U+FFFD, 3 bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * JSON text of a frame, or null when it cannot be sent: serialising threw (a value too large for one string,
 * `RangeError: Invalid string length`) or the text is over MAX_FRAME_BYTES, which the peer would refuse.
 */
export function encodeFrame(frame: ServerFrame, maxBytes = MAX_FRAME_BYTES): string | null {
  let text: string;
  try {
    text = JSON.stringify(frame);
  } catch {
    return null;
  }
  if (text.length > maxBytes) return null;
  return text.length * 3 <= maxBytes || utf8Length(text) <= maxBytes ? text : null;
}

export { MAX_FRAME_BYTES } from './limits.js';

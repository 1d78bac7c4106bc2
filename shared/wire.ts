/** Frames of the browser-mode WebSocket. The renderer and the server both parse with these schemas. */
import { z } from 'zod';

export const requestFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  command: z.string().max(64),
  args: z.unknown(),
});
export type RequestFrame = z.infer<typeof requestFrameSchema>;

export const responseFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
  ]),
});

export const eventFrameSchema = z.object({ event: z.string(), payload: z.unknown() });

export const serverFrameSchema = z.union([responseFrameSchema, eventFrameSchema]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;


export { MAX_FRAME_BYTES } from './limits.js';

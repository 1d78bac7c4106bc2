/** The device inventory: the list, and the events that keep a view of it current. */
import { z } from 'zod';
import { deviceSchema } from '../device.js';

export const deviceCommands = {
  'devices.list': { args: z.object({}).strict(), result: z.object({ devices: z.array(deviceSchema) }) },
} as const;

export const deviceEvents = {
  'device-found': z.object({ device: deviceSchema }),
  'device-updated': z.object({ device: deviceSchema }),
  /** A device went offline (Bye, or no longer answering); the record stays, `online: false`. */
  'device-lost': z.object({ device: deviceSchema }),
  /** Two records turned out to be one camera; `id` was folded into `into`. */
  'device-merged': z.object({ id: z.string(), into: z.string() }),
} as const;

/** The network interfaces a scan may use (already narrowed to the set the app was started with). */
import { z } from 'zod';
import { netInterfaceSchema } from '../net.js';

export const interfaceCommands = {
  'interfaces.list': { args: z.object({}).strict(), result: z.object({ interfaces: z.array(netInterfaceSchema) }) },
} as const;

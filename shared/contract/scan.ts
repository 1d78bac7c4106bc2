/** Scanning: start, stop and watch a scan; the diagnostics a technician reads when nothing turns up. */
import { z } from 'zod';

/** How long a scan listens, in ms: the one place the bounds live (the CLI's --timeout reads them from here). */
export const SCAN_TIMEOUT_MS = { min: 200, max: 120_000, default: 3000 } as const;

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

export const scanCommands = {
  'scan.start': {
    args: z
      .object({
        /** How long the scan listens, in ms (SCAN_TIMEOUT_MS.default when absent). */
        timeoutMs: z.number().int().min(SCAN_TIMEOUT_MS.min).max(SCAN_TIMEOUT_MS.max).optional(),
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
} as const;

export const scanEvents = {
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
} as const;

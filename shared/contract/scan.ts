/** Scanning: start, stop and watch a scan; the diagnostics a technician reads when nothing turns up. */
import { z } from 'zod';

/** The multicast protocols a scan can speak; the unicast sweep is asked for separately (`sweep`). */
export const scanProtocols = ['wsd', 'ssdp', 'mdns', 'sweep'] as const;
export const multicastProtocols = ['wsd', 'ssdp', 'mdns'] as const;

/** Largest sweep without `confirmLarge`: a /16. */
export const SWEEP_MAX_UNCONFIRMED_PREFIX = 16;

export const sweepRequestSchema = z
  .object({
    /** Routed subnets to probe address by address, e.g. 198.19.0.0/24. */
    cidrs: z.array(z.string().min(1).max(64)).min(1).max(16),
    /** HTTP ports for the ONVIF fallback; default 80, 8000, 8080, 8899, 2020. */
    ports: z.array(z.number().int().min(1).max(65535)).max(16).optional(),
    /** Needed for ranges larger than a /16. */
    confirmLarge: z.boolean().optional(),
  })
  .strict();

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
  /** Per interface and protocol (issue #10): what went out, what came back, what it found. Absent in old reports. */
  perInterface: z
    .array(
      z.object({
        interface: z.string(),
        protocol: z.enum(scanProtocols),
        packetsSent: z.number(),
        replies: z.number(),
        devices: z.number(),
        errors: z.number(),
      }),
    )
    .optional(),
  /** Sentences a technician can act on ("hosts answer ARP but no WS-Discovery reply arrived: …"). */
  hints: z.array(z.string()).optional(),
  /** SSDP descriptions fetched, and LOCATIONs refused (another host, file:, loopback, link-local …). */
  ssdp: z.object({ descriptionsFetched: z.number(), locationsRefused: z.number() }).optional(),
  /** The unicast sweep, when one ran. */
  sweep: z
    .object({ cidrs: z.array(z.string()), addresses: z.number(), probed: z.number(), answered: z.number(), cancelled: z.boolean() })
    .nullable()
    .optional(),
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
        /** Multicast protocols to use; all three when absent. */
        protocols: z.array(z.enum(multicastProtocols)).min(1).max(3).optional(),
        /** Also sweep these routed subnets by unicast. */
        sweep: sweepRequestSchema.optional(),
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
    /** Addresses of the sweep probed so far, of how many; absent without a sweep. */
    sweep: z.object({ done: z.number(), total: z.number() }).optional(),
  }),
  'scan-finished': z.object({
    scanId: z.string(),
    reason: z.enum(['completed', 'stopped', 'failed']),
    diagnostics: scanDiagnosticsSchema,
  }),
} as const;

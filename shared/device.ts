import { z } from 'zod';

/** Where a fact came from. The UI says "MAC from ARP"; conflicts are flagged per fact. */
export const factSources = [
  'arp',
  'onvif',
  'wsd',
  'wsd-scope',
  'mdns-txt',
  'upnp',
  'uuid-suffix',
  'ipv6-eui64',
  'oui',
  'sweep',
  'vapix',
  'manual',
  // The protocol that saw the packet, for the IP fact (additive: older records never carry these).
  'ssdp',
  'mdns',
] as const;
export const factSourceSchema = z.enum(factSources);
export type FactSource = z.infer<typeof factSourceSchema>;

/** The protocols that can find a device. */
export const discoverySources = ['wsd', 'ssdp', 'mdns', 'sweep'] as const;
export const discoverySourceSchema = z.enum(discoverySources);
export type DiscoverySourceName = z.infer<typeof discoverySourceSchema>;

export const factNames = ['mac', 'ip', 'vendor', 'manufacturer', 'model', 'name', 'serial', 'firmware', 'hardware', 'location'] as const;
export const factNameSchema = z.enum(factNames);
export type FactName = z.infer<typeof factNameSchema>;

/**
 * One observed value with its provenance. `hint` marks values inferred from indirect evidence
 * (a MAC read off an endpoint UUID, say) that must not outrank a direct reading.
 */
export const factSchema = z.object({
  value: z.string(),
  source: factSourceSchema,
  at: z.string(),
  hint: z.boolean(),
});
export type Fact = z.infer<typeof factSchema>;

export const onvifInfoSchema = z.object({
  endpoint: z.string().nullable(),
  xaddrs: z.array(z.string()),
  scopes: z.array(z.string()),
  types: z.array(z.string()),
  metadataVersion: z.number().nullable(),
});
export type OnvifInfo = z.infer<typeof onvifInfoSchema>;

/**
 * unknown → polling (registered; waiting for the camera to ask the provisioning service) → token-delivered →
 * online (the cloud reports the channel streaming). `failed` when registration did not complete.
 */
export const cloudStates = ['unknown', 'polling', 'token-delivered', 'online', 'failed'] as const;
export type CloudState = (typeof cloudStates)[number];
export const cloudSchema = z.object({
  state: z.enum(cloudStates),
  channelId: z.number().nullable(),
  /** The ID the cloud knows the camera by (provisioning serial_id, channel `rsid` meta). */
  cameraId: z.string().nullable(),
  /** When the state last changed (ISO time). */
  since: z.string().nullable(),
  /** A sentence for the technician: what the app is waiting for, or what went wrong. */
  message: z.string().nullable(),
});
export type CloudInfo = z.infer<typeof cloudSchema>;

/** The last credentialed identification of this device (issue #8); null until one ran. */
export const deviceAuthSchema = z.object({
  status: z.enum(['authenticated', 'refused', 'locked', 'unreachable', 'error', 'not-tried']),
  /** Name of the credential set that worked (never the user name or password). */
  set: z.string().nullable(),
  message: z.string(),
  at: z.string(),
});

/** VXG's cloud agent on the camera, as VAPIX reports it (Axis `VXGCloudAgent`); never the token itself. */
export const cloudAgentSchema = z.object({
  installed: z.enum(['running', 'stopped', 'absent', 'unknown']),
  token: z.enum(['has-token', 'no-token', 'unknown']),
});

export const deviceSchema = z.object({
  id: z.string(),
  mac: z.string().nullable(),
  macSource: factSourceSchema.nullable(),
  ip: z.string().nullable(),
  vendor: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  name: z.string().nullable(),
  serial: z.string().nullable(),
  firmware: z.string().nullable(),
  isCamera: z.boolean(),
  sources: z.array(discoverySourceSchema),
  online: z.boolean(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  interface: z.string().nullable(),
  onvif: onvifInfoSchema.nullable(),
  facts: z.partialRecord(factNameSchema, z.array(factSchema)),
  conflicts: z.array(factNameSchema),
  cloud: cloudSchema,
  auth: deviceAuthSchema.nullable(),
  cloudAgent: cloudAgentSchema.nullable(),
  /**
   * Issue #10: the device answered from outside every local subnet (found by the sweep across a router). Its MAC
   * is never taken from the neighbour table, which holds the router's. Absent when on a local subnet.
   */
  offSubnet: z.boolean().optional(),
});
export type Device = z.infer<typeof deviceSchema>;

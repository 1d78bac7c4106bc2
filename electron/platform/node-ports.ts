import { createNeighbourPort } from './neighbours/read.js';
import { systemClock } from './clock.js';
import { systemNetwork } from './network.js';
import type { AuditLog } from './audit-log.js';
import { createNodeHttpClient } from './http.js';
import type { Logger, Ports, SettingsStore } from './ports.js';
import type { SecretStore } from './secrets.js';
import { createUdpSocket } from './udp.js';

/** The real outside world, for the three front doors. Tests build their own Ports instead. */
export function createNodePorts(log: Logger, settings: SettingsStore, secrets: SecretStore, audit: AuditLog): Ports {
  return {
    udp: createUdpSocket,
    clock: systemClock,
    log,
    settings,
    network: systemNetwork,
    neighbours: createNeighbourPort(),
    http: createNodeHttpClient(),
    secrets,
    audit,
  };
}

import { createNeighbourPort } from '../identify/neighbours/read.js';
import { systemClock } from '../platform/clock.js';
import { systemNetwork } from '../platform/network.js';
import type { Logger, Ports, SettingsStore } from '../platform/ports.js';
import { createUdpSocket } from '../platform/udp.js';

/** The real outside world, for the three front doors. Tests build their own Ports instead. */
export function createNodePorts(log: Logger, settings: SettingsStore): Ports {
  return {
    udp: createUdpSocket,
    clock: systemClock,
    log,
    settings,
    network: systemNetwork,
    neighbours: createNeighbourPort(),
  };
}

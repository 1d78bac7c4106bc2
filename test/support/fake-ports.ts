/** Fake ports for core and identity tests: a manual clock, a scripted neighbour table, no sockets. */
import { ManualClock } from './manual-clock.js';
import { silentLogger } from '../../electron/platform/logger.js';
import type { NeighbourEntry, Ports } from '../../electron/platform/ports.js';
import { createMemoryAuditLog } from '../../electron/platform/audit-log.js';
import { createMemorySecretStore } from '../../electron/platform/secrets.js';
import { createMemorySettings } from '../../electron/platform/settings.js';
import type { NetInterface } from '../../shared/net.js';

export { ManualClock, settle } from './manual-clock.js';

export const lab0: NetInterface = {
  name: 'lab0',
  address: '198.18.0.2',
  netmask: '255.255.0.0',
  cidr: '198.18.0.2/16',
  mac: '02:00:00:00:00:02',
};

/** A neighbour table the test edits, counting how often it is read. */
export class FakeNeighbours {
  reads = 0;
  constructor(public entries: NeighbourEntry[] = []) {}
  read = async (): Promise<NeighbourEntry[]> => {
    this.reads++;
    return this.entries;
  };
}

export function fakePorts(clock: ManualClock, neighbours = new FakeNeighbours(), interfaces: NetInterface[] = [lab0]): Ports {
  return {
    udp: () => {
      throw new Error('no sockets in unit tests');
    },
    clock,
    log: silentLogger,
    settings: createMemorySettings(),
    network: { interfaces: () => interfaces },
    neighbours,
    http: { request: async () => ({ ok: false as const, kind: 'network' as const, message: 'no network in unit tests' }) },
    secrets: createMemorySecretStore(),
    audit: createMemoryAuditLog(),
  };
}

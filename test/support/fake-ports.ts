/** Fake ports for core and identity tests: a manual clock, a scripted neighbour table, no sockets. */
import { silentLogger } from '../../electron/platform/logger.js';
import type { Clock, NeighbourEntry, Ports } from '../../electron/platform/ports.js';
import { createMemoryAuditLog } from '../../electron/platform/audit-log.js';
import { createMemorySecretStore } from '../../electron/platform/secrets.js';
import { createMemorySettings } from '../../electron/platform/settings.js';
import type { NetInterface } from '../../shared/net.js';

/** Lets promise callbacks settle. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** Time moves only when a test says so; due timers run in time order, promises settling after each. */
export class ManualClock implements Clock {
  private time = Date.parse('2026-11-25T10:00:00Z');
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.time + Math.max(0, ms), fn, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  }
  pending(): number {
    return this.timers.length;
  }
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const next = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.at;
      next.fn();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

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

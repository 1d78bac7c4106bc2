/**
 * Adds what discovery packets cannot say by themselves: the MAC from the OS neighbour table (only for
 * cameras on a local subnet — across a router ARP gives the router's MAC) and the IEEE vendor of that MAC.
 * Devices the table does not know yet are confirmed by a bounded, rate-limited unicast probe.
 * Works on the inventory's records; each device that changes in a refresh gets one update.
 */
import type { NetInterface } from '../../../shared/net.js';
import type { DeviceRegistry } from '../inventory/registry.js';
import type { Clock, Logger, NeighbourPort, NetworkPort } from '../../platform/ports.js';
import { neighbourIndex, subnetTest } from './arp-mac.js';
import { createConfirmQueue, type ConfirmLimits } from './confirm-queue.js';
import { vendorFrom } from './passive.js';

export interface EnricherDeps {
  inventory: Pick<DeviceRegistry, 'views' | 'addFacts'>;
  neighbours: NeighbourPort;
  /** Every local interface: the neighbour table is read for all of them. */
  network: NetworkPort;
  /** The interfaces this app may use; confirm probes go only to their subnets. */
  usedInterfaces(): NetInterface[];
  clock: Clock;
  log: Logger;
  /** The record changed (a MAC or vendor learnt); the core publishes it. */
  onUpdate(id: string): void;
  /** Talk to the device directly so the OS resolves its MAC (a camera that only multicast a Hello has none). */
  confirm(ip: string): Promise<boolean>;
  confirmLimits?: Partial<ConfirmLimits>;
}

/** The neighbour table is read at most this often while replies stream in. */
export const ARP_DEBOUNCE_MS = 100;

export function createEnricher(deps: EnricherDeps) {
  let cancelPending: (() => void) | null = null;
  let closed = false;
  let refreshing: Promise<void> = Promise.resolve();
  const confirms = createConfirmQueue({
    clock: deps.clock,
    confirm: deps.confirm,
    onSettled: () => schedule(),
    limits: deps.confirmLimits,
  });

  const refresh = async () => {
    const entries = await deps.neighbours.read();
    const lookup = neighbourIndex(entries, deps.network.interfaces());
    const onUsedSubnet = subnetTest(deps.usedInterfaces());
    const now = deps.clock.now();
    for (const record of deps.inventory.views()) {
      const ip = record.best('ip')?.value;
      // Across a router the table holds the router's MAC for the camera's IP: never take it (issue #10 §4).
      if (!ip || record.offSubnet) continue;
      const found = lookup(ip);
      if (found) {
        if (record.has('mac', found.mac, 'arp')) continue;
        let changed = deps.inventory.addFacts(record.id, [{ name: 'mac', value: found.mac, source: 'arp', hint: false }], now);
        const vendor = vendorFrom(record);
        if (vendor) changed = deps.inventory.addFacts(record.id, [vendor], now) || changed;
        if (changed) deps.onUpdate(record.id);
      } else if (record.online && record.best('mac')?.source !== 'arp' && onUsedSubnet(ip)) {
        confirms.offer(ip);
      }
    }
  };

  const schedule = () => {
    if (!cancelPending && !closed) cancelPending = deps.clock.setTimeout(() => void refreshNow(), ARP_DEBOUNCE_MS);
  };

  const refreshNow = () => {
    cancelPending?.();
    cancelPending = null;
    refreshing = refreshing.then(refresh).catch((error: unknown) => deps.log.warn('neighbour table read failed', { error: String(error) }));
    return refreshing;
  };

  return {
    /** A device was seen: read the neighbour table soon (debounced). */
    schedule,
    refreshNow,
    confirmStats: () => confirms.stats(),
    close() {
      closed = true;
      cancelPending?.();
      cancelPending = null;
      confirms.close();
    },
  };
}

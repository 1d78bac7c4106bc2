/**
 * Adds what discovery packets cannot say by themselves: the MAC from the OS neighbour table (only for
 * cameras on a local subnet — across a router ARP gives the router's MAC), MAC hints from the endpoint
 * UUID or an EUI-64 address, and the IEEE vendor of the chosen MAC.
 */
import type { Device } from '../../shared/device.js';
import type { DeviceRegistry } from '../discovery/registry.js';
import type { ObservedFact, Observation } from '../discovery/source.js';
import type { Clock, Logger, NeighbourPort, NetworkPort } from '../platform/ports.js';
import { macFromNeighbours } from './arp-mac.js';
import { macHints } from './mac-hints.js';
import { vendorForMac } from './oui.js';

export interface EnricherDeps {
  registry: DeviceRegistry;
  neighbours: NeighbourPort;
  network: NetworkPort;
  clock: Clock;
  log: Logger;
  onUpdate(device: Device): void;
}

/** The neighbour table is read at most this often while replies stream in. */
const ARP_DEBOUNCE_MS = 100;

export function createEnricher(deps: EnricherDeps) {
  let cancelPending: (() => void) | null = null;
  let refreshing: Promise<void> = Promise.resolve();

  const apply = (id: string, facts: ObservedFact[]) => {
    if (facts.length === 0) return;
    const updated = deps.registry.addFacts(id, facts, deps.clock.now());
    if (updated) deps.onUpdate(updated);
  };

  const addVendor = (device: Device | null) => {
    if (!device?.mac) return;
    const vendor = vendorForMac(device.mac);
    const macFact = device.facts.mac?.find((f) => f.value === device.mac && f.source === device.macSource);
    if (vendor) apply(device.id, [{ name: 'vendor', value: vendor, source: 'oui', hint: macFact?.hint ?? true }]);
  };

  const refresh = async () => {
    const entries = await deps.neighbours.read();
    const interfaces = deps.network.interfaces();
    for (const device of deps.registry.list()) {
      if (!device.ip) continue;
      const found = macFromNeighbours(device.ip, entries, interfaces);
      if (found) apply(device.id, [{ name: 'mac', value: found.mac, source: 'arp', hint: false }]);
      addVendor(deps.registry.get(device.id));
    }
  };

  const refreshNow = () => {
    cancelPending?.();
    cancelPending = null;
    refreshing = refreshing.then(refresh).catch((error: unknown) => deps.log.warn('neighbour table read failed', { error: String(error) }));
    return refreshing;
  };

  return {
    noteObservation(id: string, obs: Observation) {
      const named = (n: string) => obs.facts.filter((f) => f.name === n).map((f) => f.value);
      apply(
        id,
        macHints({
          endpoint: obs.endpoint,
          xaddrs: obs.onvif?.xaddrs ?? [],
          ip: obs.ip,
          vendorNames: [...named('name'), ...named('manufacturer'), ...named('model'), ...named('hardware')],
          scopeMac: obs.facts.find((f) => f.name === 'mac' && f.source === 'wsd-scope')?.value ?? null,
        }),
      );
      addVendor(deps.registry.get(id));
      if (!cancelPending) cancelPending = deps.clock.setTimeout(() => void refreshNow(), ARP_DEBOUNCE_MS);
    },
    refreshNow,
    close() {
      cancelPending?.();
      cancelPending = null;
    },
  };
}

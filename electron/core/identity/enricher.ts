/**
 * Adds what discovery packets cannot say by themselves: the MAC from the OS neighbour table (only for
 * cameras on a local subnet — across a router ARP gives the router's MAC), MAC hints from the endpoint
 * UUID or an EUI-64 address, and the IEEE vendor of the chosen MAC.
 */
import type { Device } from '../../../shared/device.js';
import { onSubnet } from '../../../shared/net.js';
import type { DeviceRegistry } from '../inventory/registry.js';
import type { ObservedFact, Observation } from '../inventory/observation.js';
import type { Clock, Logger, NeighbourPort, NetworkPort } from '../../platform/ports.js';
import { neighbourIndex } from './arp-mac.js';
import { macHints } from './mac-hints.js';
import { vendorForMac } from './oui.js';

export interface EnricherDeps {
  registry: DeviceRegistry;
  neighbours: NeighbourPort;
  network: NetworkPort;
  clock: Clock;
  log: Logger;
  onUpdate(device: Device): void;
  /** Talk to the device directly so the OS resolves its MAC (a camera that only multicast a Hello has none). */
  confirm(ip: string): Promise<boolean>;
}

/** A device without a neighbour entry is confirmed at most this often. */
const CONFIRM_EVERY_MS = 30_000;

/** The neighbour table is read at most this often while replies stream in. */
const ARP_DEBOUNCE_MS = 100;

export function createEnricher(deps: EnricherDeps) {
  let cancelPending: (() => void) | null = null;
  let closed = false;
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
    const known = device.facts.vendor?.some((f) => f.value === vendor && f.hint === (macFact?.hint ?? true));
    if (vendor && !known) apply(device.id, [{ name: 'vendor', value: vendor, source: 'oui', hint: macFact?.hint ?? true }]);
  };

  const confirmedAt = new Map<string, number>();
  const refresh = async () => {
    const entries = await deps.neighbours.read();
    const interfaces = deps.network.interfaces();
    const lookup = neighbourIndex(entries, interfaces);
    const unresolved: string[] = [];
    for (const device of deps.registry.list()) {
      const ip = device.ip;
      if (!ip) continue;
      const found = lookup(ip);
      if (found && !device.facts.mac?.some((f) => f.source === 'arp' && f.value === found.mac)) {
        apply(device.id, [{ name: 'mac', value: found.mac, source: 'arp', hint: false }]);
      } else if (!found && device.online && device.macSource !== 'arp' && interfaces.some((i) => onSubnet(ip, i.address, i.netmask))) {
        unresolved.push(ip);
      }
      addVendor(found ? deps.registry.get(device.id) : device);
    }
    const now = deps.clock.now();
    const due = unresolved.filter((ip) => now - (confirmedAt.get(ip) ?? -Infinity) >= CONFIRM_EVERY_MS);
    if (due.length === 0) return;
    due.forEach((ip) => confirmedAt.set(ip, now));
    // Not awaited: a refresh must not wait a second per silent device; a later refresh reads the result.
    void Promise.all(due.map((ip) => deps.confirm(ip).catch(() => false))).then(() => schedule());
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
      schedule();
    },
    refreshNow,
    close() {
      closed = true;
      cancelPending?.();
      cancelPending = null;
    },
  };
}

/**
 * Passive identity inference on one record, run by the core on every observation before it publishes the
 * single change event: MAC hints the packet carries, then the IEEE vendor of the MAC the record shows.
 * Sends nothing; reads only the observation and the record.
 */
import type { Observation, ObservedFact } from '../inventory/observation.js';
import type { RecordView } from '../inventory/device-record.js';
import { macHints } from './mac-hints.js';
import { vendorForMac } from './oui.js';

/** MAC hints (EUI-64 link-local addresses, a MAC-suffixed endpoint UUID) in one observation. */
export function hintsFrom(obs: Observation): ObservedFact[] {
  const named = (n: string) => obs.facts.filter((f) => f.name === n).map((f) => f.value);
  return macHints({
    endpoint: obs.endpoint,
    xaddrs: obs.onvif?.xaddrs ?? [],
    ip: obs.ip,
    vendorNames: [...named('name'), ...named('manufacturer'), ...named('model'), ...named('hardware')],
    scopeMac: obs.facts.find((f) => f.name === 'mac' && f.source === 'wsd-scope')?.value ?? null,
  });
}

/** The registrant of the MAC the record shows; a hint MAC gives a hint vendor. */
export function vendorFrom(record: RecordView): ObservedFact | null {
  const mac = record.best('mac');
  const vendor = mac ? vendorForMac(mac.value) : null;
  return mac && vendor ? { name: 'vendor', value: vendor, source: 'oui', hint: mac.hint } : null;
}

/**
 * Adds what can be inferred without sending anything; `add` files facts on the record and says whether the
 * device changed. True when it did.
 */
export function inferIdentity(record: RecordView, obs: Observation | null, add: (facts: ObservedFact[]) => boolean): boolean {
  let changed = obs ? add(hintsFrom(obs)) : false;
  const vendor = vendorFrom(record);
  if (vendor) changed = add([vendor]) || changed;
  return changed;
}

/**
 * Reconcile (issue #8 §5): the MAC a camera reports over ONVIF or VAPIX against the neighbour-table (ARP) MAC.
 * Both are kept as facts; when they differ the inventory flags `conflicts: ['mac']` and this sentence goes on
 * the row, so a disagreement (a NAT box, a proxy, a cloned MAC, a forged reply) is shown, never hidden.
 * Across a router the ARP MAC is the router's and is never taken (identity/enricher.ts), so the device's own
 * MAC becomes the MAC.
 */
import type { Device } from '../../../../shared/device.js';
import type { ObservedFact } from '../../inventory/observation.js';

/** Identity facts from the device's own answers (serial exactly as sent: the parsers keep strings). */
export interface IdentifiedFacts {
  onvif: { manufacturer: string; model: string; firmware: string; serial: string; hardware: string; mac: string | null } | null;
  vapix: { model: string; firmware: string; serial: string; mac: string | null } | null;
}

export function identifiedFacts(found: IdentifiedFacts): ObservedFact[] {
  const facts: ObservedFact[] = [];
  const add = (name: ObservedFact['name'], value: string | null, source: 'onvif' | 'vapix') => {
    const v = value?.trim();
    if (v) facts.push({ name, value: name === 'serial' ? (value as string) : v, source, hint: false });
  };
  if (found.onvif) {
    const o = found.onvif;
    add('manufacturer', o.manufacturer, 'onvif');
    add('model', o.model, 'onvif');
    add('firmware', o.firmware, 'onvif');
    add('serial', o.serial, 'onvif');
    add('hardware', o.hardware, 'onvif');
    add('mac', o.mac, 'onvif');
  }
  if (found.vapix) {
    const v = found.vapix;
    add('model', v.model, 'vapix');
    add('firmware', v.firmware, 'vapix');
    add('serial', v.serial, 'vapix');
    add('mac', v.mac, 'vapix');
  }
  return facts;
}

/** A sentence when the device's own MAC disagrees with the neighbour table's; null when they agree or one is missing. */
export function macDisagreement(device: Device, reported: { mac: string; source: 'onvif' | 'vapix' }[]): string | null {
  const arp = (device.facts.mac ?? []).filter((f) => f.source === 'arp' && !f.hint).map((f) => f.value);
  if (arp.length === 0) return null;
  const differing = reported.filter((r) => !arp.includes(r.mac));
  if (differing.length === 0) return null;
  const said = differing.map((r) => `${r.mac} (${r.source === 'onvif' ? 'ONVIF' : 'VAPIX'})`).join(' and ');
  return (
    ` The camera reports MAC ${said} but the neighbour table has ${arp.join(', ')} for its IP: both are kept and the row is flagged.` +
    ' Check for a NAT device or proxy in between, or an IP address used twice.'
  );
}

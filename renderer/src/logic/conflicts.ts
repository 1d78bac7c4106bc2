import type { Device, FactName, FactSource } from '../../../shared/device.js';
import { factLabel, sourceLabel } from './format.js';

export type ConflictValue = { value: string; sources: FactSource[] };

/** The distinct values of a conflicting fact, each with every source that reported it, in first-seen order. */
export function conflictValues(device: Device, name: FactName): ConflictValue[] {
  if (!device.conflicts.includes(name)) return [];
  const values: ConflictValue[] = [];
  for (const fact of device.facts[name] ?? []) {
    const known = values.find((entry) => entry.value === fact.value);
    if (!known) values.push({ value: fact.value, sources: [fact.source] });
    else if (!known.sources.includes(fact.source)) known.sources.push(fact.source);
  }
  return values;
}

/** "MAC: 00:40:8c:00:00:01 (ARP (neighbour table)) vs 00:40:8c:00:00:02 (mDNS TXT record)"; null without a conflict. */
export function conflictText(device: Device, name: FactName): string | null {
  const values = conflictValues(device, name);
  if (values.length < 2) return null;
  const shown = values.slice(0, 4).map((entry) => `${entry.value.slice(0, 80)} (${entry.sources.map(sourceLabel).join(', ')})`);
  const more = values.length > 4 ? ` and ${values.length - 4} more` : '';
  return `${factLabel(name)}: ${shown.join(' vs ')}${more}`;
}

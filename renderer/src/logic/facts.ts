import { factNames, type Device, type Fact, type FactName } from '../../../shared/device.js';

export type FactGroup = { name: FactName; facts: Fact[]; conflict: boolean };

/** Every fact of a device grouped by name in a fixed order, with the core's conflict flag per name. */
export function factGroups(device: Device): FactGroup[] {
  const groups: FactGroup[] = [];
  for (const name of factNames) {
    const facts = device.facts[name] ?? [];
    if (facts.length === 0) continue;
    groups.push({ name, facts, conflict: device.conflicts.includes(name) });
  }
  return groups;
}

/** True when the MAC shown was only inferred (a scope, a UUID suffix…), not read from the neighbour table. */
export function macIsHint(device: Device): boolean {
  if (!device.mac) return false;
  const facts = device.facts.mac ?? [];
  const shown = facts.find((fact) => fact.value === device.mac && fact.source === device.macSource) ?? facts[0];
  return shown?.hint ?? false;
}

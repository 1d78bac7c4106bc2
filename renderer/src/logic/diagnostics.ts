import type { ScanDiagnostics } from '../../../shared/contract.js';
import { scanProtocols } from '../../../shared/contract/scan.js';
import type { NetInterface } from '../../../shared/net.js';

export type ScanProtocol = (typeof scanProtocols)[number];
export type ProtocolCounts = { packetsSent: number; replies: number; devices: number; errors: number };

/** One line of the diagnostics table: an interface with its numbers per protocol (absent = not used there). */
export type InterfaceLine = {
  name: string;
  address: string | null;
  /** A VPN, tunnel or container adapter: probed, but most likely not where the cameras are. */
  virtual: boolean;
  protocols: Partial<Record<ScanProtocol, ProtocolCounts>>;
  /** Null when the report has no per-protocol numbers for this interface (old reports): not the same as zero. */
  totals: ProtocolCounts | null;
};

const zero = (): ProtocolCounts => ({ packetsSent: 0, replies: 0, devices: 0, errors: 0 });
const add = (into: ProtocolCounts, from: ProtocolCounts) => {
  into.packetsSent += from.packetsSent;
  into.replies += from.replies;
  into.devices += from.devices;
  into.errors += from.errors;
};

/**
 * Per interface × protocol numbers in the order the scan probed the interfaces (then any the per-interface list
 * names on top), with `virtual` read from the interface list. Old reports without `perInterface` give lines with
 * no protocol numbers.
 */
export function interfaceLines(diagnostics: ScanDiagnostics, known: readonly NetInterface[]): InterfaceLine[] {
  const lines = new Map<string, InterfaceLine>();
  const line = (name: string): InterfaceLine => {
    let found = lines.get(name);
    if (!found) {
      const nic = known.find((candidate) => candidate.name === name);
      const probed = diagnostics.interfaces.find((candidate) => candidate.name === name);
      found = { name, address: probed?.address ?? nic?.address ?? null, virtual: nic?.virtual ?? false, protocols: {}, totals: null };
      lines.set(name, found);
    }
    return found;
  };
  for (const nic of diagnostics.interfaces) line(nic.name);
  for (const row of diagnostics.perInterface ?? []) {
    const target = line(row.interface);
    const counts = target.protocols[row.protocol] ?? zero();
    add(counts, row);
    target.protocols[row.protocol] = counts;
    target.totals ??= zero();
    add(target.totals, row);
  }
  return [...lines.values()];
}

/** The protocols that appear anywhere in the report, in the contract's order: the table's columns. */
export const usedProtocols = (lines: readonly InterfaceLine[]): ScanProtocol[] =>
  scanProtocols.filter((protocol) => lines.some((entry) => entry.protocols[protocol] !== undefined));

/** "254 addresses, 254 probed, 3 answered" — the sweep in one line; null when no sweep ran. */
export function sweepLine(diagnostics: ScanDiagnostics): string | null {
  const sweep = diagnostics.sweep;
  if (!sweep) return null;
  const parts = [`${sweep.cidrs.join(', ')}: ${sweep.addresses} addresses`, `${sweep.probed} probed`, `${sweep.answered} answered`];
  if (sweep.cancelled) parts.push('cancelled before the end');
  return parts.join(', ');
}

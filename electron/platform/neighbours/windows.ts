/**
 * Windows neighbour tables: `Get-NetNeighbor -AddressFamily IPv4 | ConvertTo-Json` and the `arp -a` fallback
 * (older systems, PowerShell missing or slow). Pure parsers; never throw.
 */
import type { NeighbourEntry } from '../ports.js';
import { boundedText, entryOf, parseJson } from './bound.js';

/** MSFT_NetNeighbor.State: ConvertTo-Json writes the enum as a number, -EnumsAsStrings as its name. */
const UNUSABLE_STATES = new Set<unknown>([0, 1, 'unreachable', 'incomplete']);

/** Parses Get-NetNeighbor JSON: one object when there is one neighbour, an array otherwise. */
export function parseNetNeighborJson(text: string): NeighbourEntry[] {
  const parsed = parseJson(boundedText(text).trim());
  const rows: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const entries: NeighbourEntry[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const { IPAddress, LinkLayerAddress, State, InterfaceAlias } = row as Record<string, unknown>;
    const state = typeof State === 'string' ? State.toLowerCase() : State;
    if (UNUSABLE_STATES.has(state)) continue;
    const entry = entryOf(IPAddress, LinkLayerAddress, InterfaceAlias);
    if (entry) entries.push(entry);
  }
  return entries;
}

// Headers are localised (`Interface:`, `Schnittstelle:`, `Interfaz:` …) but keep `<ip> --- 0x<index>`.
const BLOCK = /(\d{1,3}(?:\.\d{1,3}){3})\s+---\s+0x[0-9a-f]+/i;
const ROW = /^(\d{1,3}(?:\.\d{1,3}){3})\s+([0-9a-f]{2}(?:-[0-9a-f]{2}){5})(?:\s|$)/i;

/**
 * Parses `arp -a`. It names interfaces only by their IPv4 address, so `interface` holds that address;
 * electron/core/identity/arp-mac.ts matches interfaces by name or address for this reason.
 */
export function parseWindowsArpA(text: string): NeighbourEntry[] {
  const entries: NeighbourEntry[] = [];
  let iface: string | null = null;
  for (const line of boundedText(text).split(/\r?\n/)) {
    const block = BLOCK.exec(line);
    if (block) {
      iface = block[1] ?? null;
      continue;
    }
    const row = ROW.exec(line.trim());
    if (!row) continue; // column headers (any language), blank lines, "No ARP Entries Found."
    const entry = entryOf(row[1], row[2], iface);
    if (entry) entries.push(entry);
  }
  return entries;
}

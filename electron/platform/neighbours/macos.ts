/** macOS (and BSD) `arp -an` output. Pure parser; never throws. */
import type { NeighbourEntry } from '../ports.js';
import { boundedText, entryOf } from './bound.js';

// `? (192.168.2.1) at 4:a1:51:1b:12:92 on en9 ifscope [ethernet]` — octets are not zero-padded;
// unresolved rows say `at (incomplete)` and are dropped because `(incomplete)` is not a MAC.
const ROW = /^\S*\s*\(([\d.]+)\)\s+at\s+(\S+)(?:\s+on\s+(\S+))?/;

/** Parses `arp -an`, dropping incomplete, broadcast and multicast rows. */
export function parseArpAn(text: string): NeighbourEntry[] {
  const entries: NeighbourEntry[] = [];
  for (const line of boundedText(text).split('\n')) {
    const match = ROW.exec(line.trim());
    if (!match) continue;
    const entry = entryOf(match[1], match[2], match[3]);
    if (entry) entries.push(entry);
  }
  return entries;
}

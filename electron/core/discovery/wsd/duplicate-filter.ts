/**
 * Cameras answer every retransmit of every probe, so a 250-camera LAN sends ~2000 replies in half a second.
 * Parsing each one costs ~0.2 ms; while the event loop parses, the kernel's receive buffer overflows and
 * whole cameras go missing. This filter recognises a repeat before parsing: same sender, same RelatesTo,
 * same EndpointReference address, same length. A false "repeat" needs all four equal, and a wrongly skipped
 * packet would be a copy of one already parsed. Keys are fixed-size hashes, bounded in count (issue #6).
 */
import { DISCOVERY_SEEN_KEYS } from '../../../../shared/limits.js';
import { SeenKeys } from '../seen-keys.js';

const RELATES_TO = /RelatesTo[^>]*>\s*([^<\s]{1,200})\s*</;
const ADDRESS = /EndpointReference[^>]*>\s*<[^>]*Address[^>]*>\s*([^<\s]{1,200})\s*</;

export class DuplicateFilter {
  private readonly seen: SeenKeys;

  constructor(limit = DISCOVERY_SEEN_KEYS) {
    this.seen = new SeenKeys(limit);
  }

  /** True when this datagram repeats one already let through. Only answers (RelatesTo) are filtered. */
  isRepeat(from: string, data: Uint8Array): boolean {
    const text = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 8192)).toString('latin1');
    const relatesTo = RELATES_TO.exec(text)?.[1];
    if (!relatesTo) return false;
    const key = `${from}|${relatesTo}|${ADDRESS.exec(text)?.[1] ?? ''}|${data.byteLength}`;
    return !this.seen.firstTime(key);
  }

  /** Characters held in keys (bounded: limit × 44). */
  get keyChars(): number {
    return this.seen.keyChars;
  }
}

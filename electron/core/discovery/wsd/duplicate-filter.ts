/**
 * Cameras answer every retransmit of every probe, so a 250-camera LAN sends ~2000 replies in half a second.
 * Parsing each one costs ~0.2 ms; while the event loop parses, the kernel's receive buffer overflows and
 * whole cameras go missing. This filter recognises a repeat before parsing: same sender, same RelatesTo,
 * same EndpointReference address, same length. A false "repeat" needs all four equal, and a wrongly skipped
 * packet would be a copy of one already parsed.
 */
const RELATES_TO = /RelatesTo[^>]*>\s*([^<\s]{1,200})\s*</;
const ADDRESS = /EndpointReference[^>]*>\s*<[^>]*Address[^>]*>\s*([^<\s]{1,200})\s*</;

export class DuplicateFilter {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 100_000) {}

  /** True when this datagram repeats one already let through. Only answers (RelatesTo) are filtered. */
  isRepeat(from: string, data: Uint8Array): boolean {
    const text = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 8192)).toString('latin1');
    const relatesTo = RELATES_TO.exec(text)?.[1];
    if (!relatesTo) return false;
    const key = `${from}|${relatesTo}|${ADDRESS.exec(text)?.[1] ?? ''}|${data.byteLength}`;
    if (this.seen.has(key)) return true;
    if (this.seen.size < this.limit) this.seen.add(key);
    return false;
  }
}

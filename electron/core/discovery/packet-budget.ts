/**
 * How many packets (and bytes) a source processes per second: a token bucket, refilled from the injected
 * clock. Hazard: anyone on the LAN can send to our sockets as fast as the link allows; packets over the
 * budget are counted and left unparsed, so a flood costs a counter increment instead of a parse.
 * The burst is sized so a real site's reply burst (250 cameras, ~2,000 replies in 0.5 s) is never cut.
 */
import {
  DISCOVERY_BYTE_BURST,
  DISCOVERY_BYTES_PER_SECOND,
  DISCOVERY_PACKET_BURST,
  DISCOVERY_PACKETS_PER_SECOND,
} from '../../../shared/limits.js';

export interface BudgetLimits {
  packetsPerSecond: number;
  packetBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
}

export const DISCOVERY_BUDGET: BudgetLimits = {
  packetsPerSecond: DISCOVERY_PACKETS_PER_SECOND,
  packetBurst: DISCOVERY_PACKET_BURST,
  bytesPerSecond: DISCOVERY_BYTES_PER_SECOND,
  byteBurst: DISCOVERY_BYTE_BURST,
};

export class PacketBudget {
  private packets: number;
  private bytes: number;
  private last: number;
  /** Packets refused so far. */
  refused = 0;

  constructor(
    private readonly clock: { now(): number },
    private readonly limits: BudgetLimits = DISCOVERY_BUDGET,
  ) {
    this.packets = limits.packetBurst;
    this.bytes = limits.byteBurst;
    this.last = clock.now();
  }

  /** The budget in words, for diagnostics: `2000 packets or 2 MiB a second`. */
  describe(): string {
    const mib = Math.round((this.limits.bytesPerSecond / 1024 / 1024) * 10) / 10;
    return `${this.limits.packetsPerSecond} packets or ${mib} MiB a second`;
  }

  /** True when a packet of `size` bytes may be processed now (and spends it); false counts it as refused. */
  take(size: number): boolean {
    const now = this.clock.now();
    // A wall clock that steps backwards must not mint tokens or stall the bucket.
    const seconds = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.packets = Math.min(this.limits.packetBurst, this.packets + seconds * this.limits.packetsPerSecond);
    this.bytes = Math.min(this.limits.byteBurst, this.bytes + seconds * this.limits.bytesPerSecond);
    const bytes = Math.max(0, size);
    if (this.packets >= 1 && this.bytes >= bytes) {
      this.packets -= 1;
      this.bytes -= bytes;
      return true;
    }
    this.refused++;
    return false;
  }
}

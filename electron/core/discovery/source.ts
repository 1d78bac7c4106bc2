/**
 * A discovery source (WS-Discovery today; SSDP, mDNS and the unicast sweep later) turns packets into
 * Observations. It never touches the registry: the core merges what it reports.
 * To add one: implement DiscoverySource in discovery/<name>/source.ts and list it in core/core.ts.
 * Hazard: every packet is untrusted. Give each socket an error handler, and reuse the intake guards here:
 * PacketBudget (packets and bytes per second, before any parsing), SeenKeys (hashed, capped dedupe),
 * throttledLog (LAN-triggered log lines) and limitConcurrency (sockets opened per request).
 */
import type { DiscoverySourceName } from '../../../shared/device.js';
import type { NetInterface } from '../../../shared/net.js';
import type { Clock, Logger, UdpSocketFactory } from '../../platform/ports.js';
import type { Observation } from '../inventory/observation.js';

export interface SourceStats {
  probesSent: number;
  repliesReceived: number;
  /** Packets not used: unparsable, not for us, or over the packet budget (those are also in overBudget). */
  dropped: number;
  errors: string[];
  skipped: { name: string; reason: string }[];
  /** Packets left unprocessed because they exceeded the per-scan budget (shared/limits.ts). */
  overBudget?: number;
  /** Socket errors seen during the scan (each logged, rate-limited; none thrown). */
  socketErrors?: number;
}

export interface SourceContext {
  interfaces: NetInterface[];
  udp: UdpSocketFactory;
  clock: Clock;
  log: Logger;
  report(observation: Observation): void;
}

export interface DiscoverySource {
  readonly name: DiscoverySourceName;
  /** Listen for unsolicited announcements (WS-Discovery Hello/Bye) until close(). */
  listen(ctx: SourceContext): Promise<void>;
  /** Actively probe for `durationMs` or until `signal` aborts; resolves with what was sent and heard. */
  scan(ctx: SourceContext, durationMs: number, signal: AbortSignal): Promise<SourceStats>;
  /**
   * Ask one known device directly (unicast), e.g. after a Hello: refreshes its facts and, as a side effect,
   * makes the OS resolve its MAC. Resolves true when it answered. Optional: not every protocol can.
   */
  confirm?(ctx: SourceContext, ip: string): Promise<boolean>;
  close(): Promise<void>;
}

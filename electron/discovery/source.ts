/**
 * A discovery source (WS-Discovery today; SSDP, mDNS and the unicast sweep later) turns packets into
 * Observations. It never touches the registry: the core merges what it reports.
 * To add one: implement DiscoverySource in discovery/<name>/source.ts and list it in app/core.ts.
 */
import type { DiscoverySourceName, FactName, FactSource, OnvifInfo } from '../../shared/device.js';
import type { NetInterface } from '../../shared/net.js';
import type { Clock, Logger, UdpSocketFactory } from '../platform/ports.js';

export interface ObservedFact {
  name: FactName;
  value: string;
  source: FactSource;
  hint: boolean;
}

export interface Observation {
  source: DiscoverySourceName;
  /** `alive`: the device answered or announced itself; `bye`: it said it is leaving. */
  kind: 'alive' | 'bye';
  /** Epoch ms. */
  at: number;
  /** The packet's source address (untrusted, but it is where the reply came from). */
  ip: string | null;
  /** Name of the local interface the packet arrived on, when known. */
  interface: string | null;
  /** Stable identity the protocol gives (WS-Discovery EndpointReference, lower-case, no urn:uuid:). */
  endpoint: string | null;
  isCamera: boolean;
  facts: ObservedFact[];
  onvif: OnvifInfo | null;
}

export interface SourceStats {
  probesSent: number;
  repliesReceived: number;
  dropped: number;
  errors: string[];
  skipped: { name: string; reason: string }[];
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

/**
 * What a capability reports to the inventory: one device seen once, with the facts it gave and where each
 * came from. Discovery sources, identification and (later) device calls all speak this shape.
 */
import type { DiscoverySourceName, FactName, FactSource, OnvifInfo } from '../../../shared/device.js';

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
  /**
   * The device announced itself (WS-Discovery Hello: it just booted or joined). Cloud registration uses the
   * latest one to estimate how long a tokenless camera has been polling (seed schedule).
   */
  announced?: boolean;
  /**
   * The sender's IP lies outside every local interface's subnet (set by the core, which knows the interfaces):
   * reached through a router, so the neighbour table's entry for it would be the router's MAC.
   */
  offSubnet?: boolean;
}

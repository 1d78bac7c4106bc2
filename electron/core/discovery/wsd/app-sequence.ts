/**
 * WS-Discovery AppSequence (2005/04 §7): a device stamps each Hello/Bye with InstanceId (raised on every
 * restart) and a MessageNumber (raised on every message). Multicast announcements are
 * repeated and can arrive out of order, and anyone on the LAN can replay an old Bye to make a live camera vanish:
 * per endpoint, we keep the newest stamp seen and drop what is not newer. A higher InstanceId starts afresh
 * (the device rebooted; its MessageNumber restarts). Hazard: endpoints come from the LAN, so the table is capped
 * and forgets the longest-unheard endpoint first.
 */
import type { WsdMessage } from './parse.js';

type Stamp = NonNullable<WsdMessage['appSequence']>;

/** Endpoints remembered; a LAN has a few hundred cameras, a flood of forged endpoints evicts old ones. */
export const MAX_SEQUENCE_ENDPOINTS = 4096;

export type SequenceVerdict = 'new' | 'stale' | 'unsequenced';

export class AppSequenceFilter {
  private readonly last = new Map<string, Stamp>();

  constructor(private readonly limit = MAX_SEQUENCE_ENDPOINTS) {}

  /**
   * 'new' (and remembered) when this stamp is newer than the last one seen for `endpoint`; 'stale' for an older,
   * repeated or replayed one; 'unsequenced' when the message carries no AppSequence or no endpoint (kept: we
   * cannot tell its age).
   */
  check(endpoint: string | null, stamp: Stamp | null): SequenceVerdict {
    if (endpoint === null || stamp === null) return 'unsequenced';
    const previous = this.last.get(endpoint);
    if (previous !== undefined && !newer(stamp, previous)) return 'stale';
    this.last.delete(endpoint); // re-insert: Map order is then least recently heard first
    this.last.set(endpoint, stamp);
    if (this.last.size > this.limit) this.last.delete(this.last.keys().next().value as string);
    return 'new';
  }

  get size(): number {
    return this.last.size;
  }
}

/**
 * InstanceId first, then MessageNumber. SequenceId is not compared: cameras do not send it, and accepting any
 * "other sequence" would let a replayed Bye through by naming a different one.
 */
const newer = (stamp: Stamp, previous: Stamp): boolean =>
  stamp.instanceId !== previous.instanceId ? stamp.instanceId > previous.instanceId : stamp.messageNumber > previous.messageNumber;

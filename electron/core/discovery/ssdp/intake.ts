/**
 * What happens to one SSDP datagram, for the search run and the NOTIFY listener alike: packet budget, parse,
 * LOCATION check, at most one description fetch per (responder, LOCATION) at a time-bounded concurrency, and one
 * report per distinct observation. Hazard: everything here is driven by untrusted packets; each step is bounded
 * (budget, hashed seen-keys, fetch slots) and nothing throws out of handle().
 */
import { DISCOVERY_SEEN_KEYS } from '../../../../shared/limits.js';
import type { HttpClient } from '../../../platform/http.js';
import type { RemoteInfo } from '../../../platform/ports.js';
import { limitConcurrency } from '../concurrency.js';
import { throttledLog } from '../log-throttle.js';
import { PacketBudget, type BudgetLimits } from '../packet-budget.js';
import { SeenKeys } from '../seen-keys.js';
import type { SourceContext, SourceStats } from '../source.js';
import { parseUpnpDescription, type UpnpDescription } from './description.js';
import { notifySubtype, parseSsdpMessage, type SsdpMessage } from './headers.js';
import { checkLocation, fetchDescription } from './location.js';
import { toSsdpObservation, type Arrival } from './observation.js';

/** Description fetches in flight at once (each ≤ 2 s, ≤ 64 KiB), and queued behind them. */
export const FETCHES_AT_ONCE = 32;
export const FETCHES_QUEUED = 2048;
const MAX_ERRORS = 20;

export type SsdpStats = Required<SourceStats> & { descriptionsFetched: number; locationsRefused: number };

export const emptySsdpStats = (): SsdpStats => ({
  probesSent: 0,
  repliesReceived: 0,
  dropped: 0,
  errors: [],
  skipped: [],
  overBudget: 0,
  socketErrors: 0,
  descriptionsFetched: 0,
  locationsRefused: 0,
});

export class SsdpIntake {
  readonly stats = emptySsdpStats();
  private readonly budget: PacketBudget;
  private readonly seen = new SeenKeys(DISCOVERY_SEEN_KEYS);
  private readonly fetched = new SeenKeys(DISCOVERY_SEEN_KEYS);
  private readonly slots = limitConcurrency(FETCHES_AT_ONCE, FETCHES_QUEUED);
  private readonly pending = new Set<Promise<void>>();
  private readonly lanLog: ReturnType<typeof throttledLog>;
  private closed = false;

  constructor(
    private readonly ctx: SourceContext,
    private readonly http: HttpClient,
    budget?: BudgetLimits,
  ) {
    this.budget = new PacketBudget(ctx.clock, budget);
    this.lanLog = throttledLog(ctx.log, ctx.clock);
  }

  noteError(text: string): void {
    if (this.stats.errors.length < MAX_ERRORS && !this.stats.errors.includes(text)) this.stats.errors.push(text);
    this.lanLog('warn', text);
  }

  /** One datagram from `from`, received on the interface named `iface` (null: sender off every subnet). */
  handle(iface: string | null, data: Uint8Array, from: RemoteInfo): void {
    if (this.closed) return;
    if (!this.budget.take(data.byteLength)) {
      this.stats.overBudget++;
      this.stats.dropped++;
      if (this.stats.overBudget === 1) {
        this.noteError(
          `More SSDP packets arrived than a scan processes (${this.budget.describe()}); the excess was dropped unread. ` +
            'A device on this network may be flooding UDP port 1900.',
        );
      }
      return;
    }
    const message = parseSsdpMessage(data);
    if (!message || message.kind === 'search' || (message.kind === 'response' && message.status !== 200)) {
      this.stats.dropped++;
      return;
    }
    const subtype = message.kind === 'notify' ? notifySubtype(message) : null;
    if (message.kind === 'notify' && subtype === null) {
      this.stats.dropped++;
      return;
    }
    this.stats.repliesReceived++;
    const arrival: Arrival = { ip: from.address, interface: iface, at: this.ctx.clock.now() };
    if (subtype === 'byebye') return this.report(toSsdpObservation(message, arrival, null));
    const location = message.headers.get('location');
    // A sender on none of the plan's subnets would be fetched over whatever route the OS picks: never.
    const verdict =
      iface === null ? { ok: false as const, reason: 'sender is off every planned subnet' } : checkLocation(location, from.address);
    if (!verdict.ok) {
      this.stats.locationsRefused++;
      this.lanLog('debug', 'SSDP LOCATION not fetched', { from: from.address, reason: verdict.reason });
      return this.report(toSsdpObservation(message, arrival, null));
    }
    // Every device answers both targets, repeated: its description is fetched once per scan.
    if (!this.fetched.firstTime(`${from.address} ${verdict.url}`)) return;
    const task = this.slots(() => this.describe(message, arrival, verdict.url), undefined);
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  private async describe(message: SsdpMessage, arrival: Arrival, url: string): Promise<void> {
    if (this.closed) return;
    const fetched = await fetchDescription(this.http, url, this.ctx.clock);
    let description: UpnpDescription | null = null;
    if (fetched.ok) {
      const parsed = parseUpnpDescription(fetched.xml);
      if (parsed.ok) {
        description = parsed.description;
        this.stats.descriptionsFetched++;
      } else this.lanLog('debug', 'Unusable UPnP description', { from: arrival.ip, error: parsed.error });
    } else this.lanLog('debug', 'UPnP description not fetched', { from: arrival.ip, reason: fetched.reason });
    this.report(toSsdpObservation(message, { ...arrival, at: this.ctx.clock.now() }, description));
  }

  private report(observation: ReturnType<typeof toSsdpObservation>): void {
    if (this.closed) return;
    if (!this.seen.firstTime(JSON.stringify({ ...observation, at: 0 }))) return;
    try {
      this.ctx.report(observation);
    } catch (error) {
      this.lanLog('error', 'Reporting an SSDP device failed', { error: (error as Error).message });
    }
  }

  /** Waits for description fetches already started (each ends within 2 s). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  close(): void {
    this.closed = true;
  }
}

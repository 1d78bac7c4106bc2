/**
 * One mDNS datagram's path, for the browse run and the announcement listener: packet budget → parse → observe →
 * report once per distinct observation. Also lists instances whose PTR came without SRV/TXT, so the browse run
 * can ask for them (once each, bounded). Hazard: untrusted packets; nothing throws out of handle().
 */
import { DISCOVERY_SEEN_KEYS } from '../../../../shared/limits.js';
import type { RemoteInfo } from '../../../platform/ports.js';
import { throttledLog } from '../log-throttle.js';
import { PacketBudget, type BudgetLimits } from '../packet-budget.js';
import { SeenKeys } from '../seen-keys.js';
import type { SourceContext, SourceStats } from '../source.js';
import { parseDnsResponse, type DnsResponse } from './dns-wire.js';
import { toMdnsObservations } from './observation.js';
import { ruleFor } from './services.js';

const MAX_ERRORS = 20;
export type MdnsStats = Required<SourceStats>;

export class MdnsIntake {
  readonly stats: MdnsStats = { probesSent: 0, repliesReceived: 0, dropped: 0, errors: [], skipped: [], overBudget: 0, socketErrors: 0 };
  private readonly budget: PacketBudget;
  private readonly seen = new SeenKeys(DISCOVERY_SEEN_KEYS);
  private readonly lanLog: ReturnType<typeof throttledLog>;
  closed = false;

  constructor(
    private readonly ctx: SourceContext,
    budget?: BudgetLimits,
  ) {
    this.budget = new PacketBudget(ctx.clock, budget);
    this.lanLog = throttledLog(ctx.log, ctx.clock);
  }

  close(): void {
    this.closed = true;
  }

  noteError(text: string): void {
    if (this.stats.errors.length < MAX_ERRORS && !this.stats.errors.includes(text)) this.stats.errors.push(text);
    this.lanLog('warn', text);
  }

  /** Handles one datagram; returns instance names whose PTR arrived without SRV or TXT. */
  handle(iface: string | null, data: Uint8Array, from: RemoteInfo): string[] {
    if (this.closed) return [];
    if (!this.budget.take(data.byteLength)) {
      this.stats.overBudget++;
      this.stats.dropped++;
      if (this.stats.overBudget === 1) {
        this.noteError(
          `More mDNS packets arrived than a scan processes (${this.budget.describe()}); the excess was dropped unread. ` +
            'A device on this network may be flooding UDP port 5353.',
        );
      }
      return [];
    }
    const response = parseDnsResponse(data);
    if (!response) {
      this.stats.dropped++;
      return [];
    }
    const observations = toMdnsObservations(response, { ip: from.address, interface: iface, at: this.ctx.clock.now() });
    if (observations.length === 0) {
      this.stats.dropped++; // a response, but for services we do not browse (printers, AirPlay …)
      return [];
    }
    this.stats.repliesReceived++;
    for (const observation of observations) {
      if (!this.seen.firstTime(JSON.stringify({ ...observation, at: 0 }))) continue;
      try {
        this.ctx.report(observation);
      } catch (error) {
        this.lanLog('error', 'Reporting an mDNS service failed', { error: (error as Error).message });
      }
    }
    return missingDetails(response);
  }
}

function missingDetails(response: DnsResponse): string[] {
  const has = (type: 'SRV' | 'TXT', name: string) =>
    response.records.some((r) => r.type === type && r.name.toLowerCase() === name.toLowerCase());
  return response.records
    .filter((r) => r.type === 'PTR' && r.ttl > 0 && ruleFor(r.name) !== undefined)
    .map((r) => (r.type === 'PTR' ? r.target : ''))
    .filter((instance) => instance !== '' && (!has('SRV', instance) || !has('TXT', instance)));
}

/**
 * mDNS/DNS-SD as a DiscoverySource: per-interface browsing (scan) and a listener on UDP 5353 for announcements
 * and goodbyes (listen). Our own codec over the UdpSocketFactory port instead of bonjour-service (README.md).
 */
import type { UdpSocket } from '../../../platform/ports.js';
import type { BudgetLimits } from '../packet-budget.js';
import type { DiscoverySource, SourceContext, SourceStats } from '../source.js';
import { listenMulticast } from '../multicast-listener.js';
import { runBrowse } from './browse-run.js';
import { MdnsIntake } from './intake.js';
import { MDNS_MULTICAST_ADDRESS, MDNS_PORT } from './query.js';

export interface MdnsSourceOptions {
  budget?: BudgetLimits;
}

export function createMdnsSource(options: MdnsSourceOptions = {}): DiscoverySource {
  const scans = new Set<() => Promise<void>>();
  let listener: { socket: UdpSocket; intake: MdnsIntake } | null = null;

  return {
    name: 'mdns',

    async scan(ctx: SourceContext, durationMs: number, signal: AbortSignal): Promise<SourceStats> {
      const run = runBrowse(ctx, durationMs, signal, options.budget);
      scans.add(run.stop);
      try {
        return await run.done;
      } finally {
        scans.delete(run.stop);
      }
    },

    async listen(ctx: SourceContext): Promise<void> {
      if (listener) return;
      const socket = ctx.udp({ reuseAddr: true });
      const intake = new MdnsIntake(ctx, options.budget);
      const mine = { socket, intake };
      listener = mine;
      // The listener only hears; detail queries belong to a scan, on a planned interface.
      const heard = await listenMulticast(ctx, socket, intake, {
        port: MDNS_PORT,
        group: MDNS_MULTICAST_ADDRESS,
        label: 'mDNS',
        missed: 'services that appear or leave between scans are seen at the next scan.',
        current: () => listener === mine,
      });
      if (!heard && listener === mine) listener = null;
    },

    async close(): Promise<void> {
      const current = listener;
      listener = null;
      await Promise.all([...scans].map((stop) => stop()));
      if (current) {
        current.intake.close();
        await current.socket.close();
      }
    },
  };
}

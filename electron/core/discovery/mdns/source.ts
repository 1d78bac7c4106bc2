/**
 * mDNS/DNS-SD as a DiscoverySource: per-interface browsing (scan) and a listener on UDP 5353 for announcements
 * and goodbyes (listen). Our own codec over the UdpSocketFactory port instead of bonjour-service (README.md).
 */
import type { UdpSocket } from '../../../platform/ports.js';
import type { BudgetLimits } from '../packet-budget.js';
import type { DiscoverySource, SourceContext, SourceStats } from '../source.js';
import { receivingInterface } from '../wsd/source.js';
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
      // reuseAddr: 5353 is shared with avahi, mDNSResponder, Chrome and svchost (reference §7.2).
      const socket = ctx.udp({ reuseAddr: true });
      const intake = new MdnsIntake(ctx, options.budget);
      const mine = { socket, intake };
      listener = mine;
      socket.onError((error) => intake.noteError(`mDNS listener socket error: ${error.message}`));
      try {
        // 0.0.0.0, not an interface address: Linux delivers no multicast to a socket bound to a unicast
        // address (checked against avahi, reference §7.2); membership per interface picks the links.
        await socket.bind(MDNS_PORT, '0.0.0.0');
      } catch (error) {
        ctx.log.warn(
          `Cannot listen for mDNS announcements on UDP ${MDNS_PORT} (${(error as Error).message}); services that ` +
            'appear or leave between scans are seen at the next scan.',
        );
        if (listener === mine) listener = null;
        intake.closed = true;
        await socket.close();
        return;
      }
      if (listener !== mine) return;
      for (const iface of ctx.interfaces) {
        try {
          socket.addMembership(MDNS_MULTICAST_ADDRESS, iface.address);
        } catch (error) {
          ctx.log.warn(`Cannot hear mDNS announcements on ${iface.name} (${iface.address})`, { error: (error as Error).message });
        }
      }
      // The listener only hears; it never sends (detail queries belong to a scan, on a planned interface).
      socket.onMessage((data, from) => void intake.handle(receivingInterface(ctx.interfaces, from.address), data, from));
    },

    async close(): Promise<void> {
      const current = listener;
      listener = null;
      await Promise.all([...scans].map((stop) => stop()));
      if (current) {
        current.intake.closed = true;
        await current.socket.close();
      }
    },
  };
}

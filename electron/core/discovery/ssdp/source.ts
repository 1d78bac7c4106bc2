/**
 * SSDP/UPnP as a DiscoverySource: per-interface M-SEARCH (scan) and a NOTIFY listener on UDP 1900 (listen).
 * Our own small implementation over the UdpSocketFactory port instead of node-ssdp (see README.md): MX ≤ 2,
 * socket errors surfaced, one socket per interface in the scan's plan and no other, fakes in unit tests.
 */
import type { HttpClient } from '../../../platform/http.js';
import type { UdpSocket } from '../../../platform/ports.js';
import type { BudgetLimits } from '../packet-budget.js';
import type { DiscoverySource, SourceContext, SourceStats } from '../source.js';
import { listenMulticast } from '../multicast-listener.js';
import { SsdpIntake } from './intake.js';
import { SSDP_MULTICAST_ADDRESS, SSDP_PORT } from './search.js';
import { runSearch } from './search-run.js';

export interface SsdpSourceOptions {
  /** Fetches LOCATION descriptions (the platform HTTP port; a fake in tests). */
  http: HttpClient;
  budget?: BudgetLimits;
}

export function createSsdpSource(options: SsdpSourceOptions): DiscoverySource {
  const scans = new Set<() => Promise<void>>();
  let listener: { socket: UdpSocket; intake: SsdpIntake } | null = null;

  return {
    name: 'ssdp',

    async scan(ctx: SourceContext, durationMs: number, signal: AbortSignal): Promise<SourceStats> {
      const run = runSearch(ctx, options.http, durationMs, signal, options.budget);
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
      const intake = new SsdpIntake(ctx, options.http, options.budget);
      const mine = { socket, intake };
      listener = mine;
      // Windows' SSDP service may hold 1900: then only scans work.
      const heard = await listenMulticast(ctx, socket, intake, {
        port: SSDP_PORT,
        group: SSDP_MULTICAST_ADDRESS,
        label: 'UPnP',
        missed: 'devices that boot later appear only after the next scan.',
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

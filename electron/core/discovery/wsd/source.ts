/**
 * ONVIF WS-Discovery as a DiscoverySource: per-interface multicast probing (scan) and a Hello/Bye listener
 * (listen). We do not use the onvif package's Discovery: it sends one probe, once, on one interface
 * (agsh/onvif#330). Hazard: every datagram is untrusted LAN input; parsing is in parse.ts and never throws.
 */
import { DISCOVERY_CONFIRMS_AT_ONCE, DISCOVERY_CONFIRMS_QUEUED } from '../../../../shared/limits.js';
import type { NetInterface } from '../../../../shared/net.js';
import { onSubnet } from '../../../../shared/net.js';
import type { RemoteInfo, UdpSocket } from '../../../platform/ports.js';
import { limitConcurrency } from '../concurrency.js';
import { throttledLog } from '../log-throttle.js';
import { PacketBudget } from '../packet-budget.js';
import type { DiscoverySource, SourceContext, SourceStats } from '../source.js';
import { AppSequenceFilter, MAX_SEQUENCE_ENDPOINTS } from './app-sequence.js';
import { listenIpv6 } from './listen-v6.js';
import { toObservations } from './observation.js';
import { parseWsdMessage } from './parse.js';
import { runProbes, type ProbeOptions } from './prober.js';
import { WSD_MULTICAST_ADDRESS, WSD_PORT } from './probe.js';
import { probeUnicast } from './unicast.js';

export interface WsdSourceOptions extends ProbeOptions {
  /** [0, 1) like Math.random; drives the retransmit back-off. Injected for deterministic tests. */
  random?: () => number;
}

/** How long a unicast confirmation waits for the device's reply (it answers within APP_MAX_DELAY, 500 ms). */
const CONFIRM_WAIT_MS = 1000;

/** Creates the WS-Discovery source; the core lists it among its sources. */
export function createWsdSource(options: WsdSourceOptions = {}): DiscoverySource {
  const random = options.random ?? Math.random;
  const scans = new Set<() => Promise<void>>();
  let listener: UdpSocket | null = null;
  let listenerV6: { socket: UdpSocket; stop: () => void } | null = null;
  // A burst of Hellos (real or forged) must not open a socket per sender: confirmations queue behind a cap.
  const confirmSlots = limitConcurrency(DISCOVERY_CONFIRMS_AT_ONCE, DISCOVERY_CONFIRMS_QUEUED);

  return {
    name: 'wsd',

    async scan(ctx: SourceContext, durationMs: number, signal: AbortSignal): Promise<SourceStats> {
      const run = runProbes(ctx, durationMs, signal, random, options);
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
      listener = socket;
      const lanLog = throttledLog(ctx.log, ctx.clock);
      const budget = new PacketBudget(ctx.clock, options.budget);
      const sequences = new AppSequenceFilter();
      const heardOverIpv4 = new Set<string>();
      let socketErrors = 0;
      socket.onError((error) =>
        lanLog('warn', 'WS-Discovery listener socket error', { error: error.message, socketErrors: ++socketErrors }),
      );
      try {
        await socket.bind(WSD_PORT, '0.0.0.0');
      } catch (error) {
        // Without the listener, scans still work; only unsolicited Hello/Bye are missed.
        ctx.log.warn(
          `Cannot listen for camera announcements on UDP ${WSD_PORT} (${(error as Error).message}); ` +
            'cameras that boot later appear only after the next scan. Close other ONVIF tools and try again.',
        );
        if (listener === socket) listener = null;
        await socket.close();
        return;
      }
      if (listener !== socket) return; // closed while binding
      for (const iface of ctx.interfaces) {
        try {
          socket.addMembership(WSD_MULTICAST_ADDRESS, iface.address);
        } catch (error) {
          ctx.log.warn(`Cannot hear camera announcements on ${iface.name} (${iface.address})`, {
            error: (error as Error).message,
          });
        }
      }
      const onAnnouncement = (data: Uint8Array, from: RemoteInfo, iface: string | null): void => {
        if (!budget.take(data.byteLength)) {
          return lanLog('warn', 'Announcements on UDP 3702 exceed the packet budget; the excess is dropped unread', {
            budget: budget.describe(),
            dropped: budget.refused,
          });
        }
        const message = parseWsdMessage(data);
        if (!message) return lanLog('debug', 'Ignored a non-WS-Discovery packet on 3702', { from: from.address });
        // Probes (ours echoed back, or another client's) and faults describe no device.
        if (message.kind === 'probe' || message.kind === 'fault') return;
        const endpoint = message.matches[0]?.endpoint ?? null;
        // A dual-stack camera announces over both; its row keeps the IPv4 address (IPv6 copies arrive 1 s late).
        if (endpoint !== null && from.address.includes(':') && heardOverIpv4.has(endpoint)) return;
        if (endpoint !== null && !from.address.includes(':') && heardOverIpv4.size < MAX_SEQUENCE_ENDPOINTS) heardOverIpv4.add(endpoint);
        // Announcements are multicast several times and can be replayed by anyone: only a newer one counts.
        if (sequences.check(endpoint, message.appSequence) === 'stale') {
          return lanLog('debug', 'Dropped a repeated, stale or replayed WS-Discovery announcement', {
            from: from.address,
            appSequence: message.appSequence,
          });
        }
        const arrival = { ip: from.address, interface: iface, at: ctx.clock.now() };
        for (const observation of toObservations(message, arrival)) {
          try {
            ctx.report(observation);
          } catch (error) {
            lanLog('error', 'Reporting a WS-Discovery announcement failed', { error: (error as Error).message });
          }
        }
      };
      socket.onMessage((data, from) => onAnnouncement(data, from, receivingInterface(ctx.interfaces, from.address)));
      if (options.ipv6 === false) return;
      const v6 = await listenIpv6(ctx, onAnnouncement);
      if (listener !== socket) {
        // closed while the IPv6 listener was opening
        v6?.stop();
        await v6?.socket.close();
        return;
      }
      listenerV6 = v6;
    },

    confirm: (ctx: SourceContext, ip: string) => confirmSlots(() => probeUnicast(ctx, ip, CONFIRM_WAIT_MS, random), false),

    async close(): Promise<void> {
      const socket = listener;
      const v6 = listenerV6;
      listener = null;
      listenerV6 = null;
      v6?.stop();
      await Promise.all([...scans].map((stop) => stop()));
      if (socket) await socket.close();
      if (v6) await v6.socket.close();
    },
  };
}

/** The local interface whose subnet holds `ip`; null for off-subnet senders (marked, not dropped). */
export function receivingInterface(interfaces: readonly NetInterface[], ip: string): string | null {
  return interfaces.find((iface) => onSubnet(ip, iface.address, iface.netmask))?.name ?? null;
}

/**
 * One mDNS browse: a socket per interface (bound to that interface's address, multicast out of it), the browse
 * query on the schedule in query.ts, answers (unicast to our port) handled by MdnsIntake, and a details query
 * for each instance whose PTR came alone — once per instance, at most MAX_DETAIL_QUERIES per scan, so forged
 * PTRs cannot make us send without bound.
 */
import type { NetInterface } from '../../../../shared/net.js';
import type { UdpSocket } from '../../../platform/ports.js';
import type { BudgetLimits } from '../packet-budget.js';
import { SeenKeys } from '../seen-keys.js';
import type { SourceContext } from '../source.js';
import { enlargeReceiveBuffer } from '../receive-buffer.js';
import { TimerSet } from '../wsd/timers.js';
import { MdnsIntake, type MdnsStats } from './intake.js';
import { browseQuery, detailsQuery, MDNS_MULTICAST_ADDRESS, MDNS_PORT, querySchedule } from './query.js';

export const MAX_DETAIL_QUERIES = 512;

export interface BrowseRun {
  done: Promise<MdnsStats>;
  stop(): Promise<void>;
}

export function runBrowse(ctx: SourceContext, durationMs: number, signal: AbortSignal, budget?: BudgetLimits): BrowseRun {
  const intake = new MdnsIntake(ctx, budget);
  const stats = intake.stats;
  const timers = new TimerSet(ctx.clock);
  const sockets = new Set<UdpSocket>();
  const asked = new SeenKeys(MAX_DETAIL_QUERIES);
  let detailQueries = 0;
  let finished = false;
  let resolveDone: (stats: MdnsStats) => void = () => undefined;
  const done = new Promise<MdnsStats>((resolve) => (resolveDone = resolve));

  const stop = async (): Promise<void> => {
    if (finished) return done.then(() => undefined);
    finished = true;
    intake.closed = true;
    timers.clear();
    signal.removeEventListener('abort', onAbort);
    await Promise.all([...sockets].map((socket) => socket.close().catch(() => undefined)));
    resolveDone(stats);
  };
  const onAbort = (): void => void stop();

  const send = (socket: UdpSocket, iface: NetInterface, bytes: Uint8Array): void => {
    if (finished) return;
    socket.send(bytes, MDNS_PORT, MDNS_MULTICAST_ADDRESS).then(
      () => void (finished || stats.probesSent++),
      (error: Error) =>
        intake.noteError(
          `Sending the mDNS query on ${iface.name} failed (${error.message}). ` +
            `Check that a firewall allows UDP to ${MDNS_MULTICAST_ADDRESS}:${MDNS_PORT} on that interface.`,
        ),
    );
  };

  const open = async (iface: NetInterface): Promise<UdpSocket | null> => {
    const socket = ctx.udp();
    sockets.add(socket);
    socket.onError((error) => {
      stats.socketErrors++;
      intake.noteError(`mDNS socket error on ${iface.name} (${iface.address}): ${error.message}.`);
    });
    socket.onMessage((data, from) => {
      for (const instance of intake.handle(iface.name, data, from)) {
        if (detailQueries >= MAX_DETAIL_QUERIES || !asked.firstTime(`${iface.name} ${instance.toLowerCase()}`)) continue;
        detailQueries++;
        send(socket, iface, detailsQuery(instance));
      }
    });
    try {
      await socket.bind(0, iface.address);
      socket.setMulticastInterface(iface.address);
      // 224.0.0.251 is link-local (never forwarded); RFC 6762 §11 asks for IP TTL 255 on mDNS packets.
      socket.setMulticastTTL(255);
      enlargeReceiveBuffer(socket);
      return socket;
    } catch (error) {
      stats.skipped.push({
        name: iface.name,
        reason: `Could not open a UDP socket on ${iface.address} for mDNS (${(error as Error).message}). Check that the interface is up.`,
      });
      sockets.delete(socket);
      await socket.close().catch(() => undefined);
      return null;
    }
  };

  const start = async (): Promise<void> => {
    if (signal.aborted) return stop();
    signal.addEventListener('abort', onAbort, { once: true });
    timers.after(durationMs, () => void stop());
    const opened = await Promise.all(ctx.interfaces.map(async (iface) => ({ iface, socket: await open(iface) })));
    if (finished) return;
    const ready = opened.filter((entry): entry is { iface: NetInterface; socket: UdpSocket } => entry.socket !== null);
    if (ready.length === 0) return stop();
    const query = browseQuery();
    for (const { iface, socket } of ready) {
      for (const at of querySchedule(durationMs)) {
        if (at === 0) send(socket, iface, query);
        else timers.after(at, () => send(socket, iface, query));
      }
    }
  };
  void start().catch((error: Error) => {
    intake.noteError(`The mDNS browse stopped early: ${error.message}.`);
    void stop();
  });
  return { done, stop };
}

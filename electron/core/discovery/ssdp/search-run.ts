/**
 * One SSDP scan: a socket per interface (bound to that interface's address, multicast sent out of it, TTL 1),
 * M-SEARCH for `ssdp:all` and `upnp:rootdevice` on the search schedule, answers handled by SsdpIntake until the
 * duration ends (then in-flight description fetches finish, ≤ 2 s) or the scan is aborted (they are dropped).
 */
import type { NetInterface } from '../../../../shared/net.js';
import type { HttpClient } from '../../../platform/http.js';
import type { UdpSocket } from '../../../platform/ports.js';
import type { BudgetLimits } from '../packet-budget.js';
import type { SourceContext } from '../source.js';
import { enlargeReceiveBuffer } from '../receive-buffer.js';
import { receivingInterface } from '../wsd/source.js';
import { TimerSet } from '../wsd/timers.js';
import { SsdpIntake, type SsdpStats } from './intake.js';
import { buildMSearch, SEARCH_TARGETS, searchSchedule, SSDP_MULTICAST_ADDRESS, SSDP_PORT } from './search.js';

export interface SearchRun {
  done: Promise<SsdpStats>;
  stop(): Promise<void>;
}

const encoder = new TextEncoder();

export function runSearch(ctx: SourceContext, http: HttpClient, durationMs: number, signal: AbortSignal, budget?: BudgetLimits): SearchRun {
  const intake = new SsdpIntake(ctx, http, budget);
  const stats = intake.stats;
  const timers = new TimerSet(ctx.clock);
  const sockets = new Set<UdpSocket>();
  let finished = false;
  let resolveDone: (stats: SsdpStats) => void = () => undefined;
  const done = new Promise<SsdpStats>((resolve) => (resolveDone = resolve));

  const end = async (waitForFetches: boolean): Promise<void> => {
    if (finished) return done.then(() => undefined);
    finished = true;
    timers.clear();
    signal.removeEventListener('abort', onAbort);
    await Promise.all([...sockets].map((socket) => socket.close().catch(() => undefined)));
    if (waitForFetches) await intake.drain();
    intake.close();
    resolveDone(stats);
  };
  const onAbort = (): void => void end(false);

  const open = async (iface: NetInterface): Promise<UdpSocket | null> => {
    const socket = ctx.udp();
    sockets.add(socket);
    socket.onError((error) => {
      stats.socketErrors++;
      intake.noteError(`SSDP socket error on ${iface.name} (${iface.address}): ${error.message}.`);
    });
    // An answer from off every planned subnet is marked (interface null) and its LOCATION is not fetched: the
    // fetch would leave by whatever route the OS picks, not from a planned interface.
    socket.onMessage((data, from) => intake.handle(receivingInterface(ctx.interfaces, from.address), data, from));
    try {
      await socket.bind(0, iface.address);
      socket.setMulticastInterface(iface.address);
      socket.setMulticastTTL(1); // discovery stays on the link: never let a search be routed
      enlargeReceiveBuffer(socket);
      return socket;
    } catch (error) {
      stats.skipped.push({
        name: iface.name,
        reason: `Could not open a UDP socket on ${iface.address} for SSDP (${(error as Error).message}). Check that the interface is up.`,
      });
      sockets.delete(socket);
      await socket.close().catch(() => undefined);
      return null;
    }
  };

  const search = (socket: UdpSocket, iface: NetInterface): void => {
    const send = (bytes: Uint8Array): void => {
      if (finished) return;
      socket.send(bytes, SSDP_PORT, SSDP_MULTICAST_ADDRESS).then(
        () => void (finished || stats.probesSent++),
        (error: Error) =>
          intake.noteError(
            `Sending the SSDP search on ${iface.name} failed (${error.message}). ` +
              `Check that a firewall allows UDP to ${SSDP_MULTICAST_ADDRESS}:${SSDP_PORT} on that interface.`,
          ),
      );
    };
    for (const target of SEARCH_TARGETS) {
      const bytes = encoder.encode(buildMSearch(target));
      for (const at of searchSchedule(durationMs)) {
        if (at === 0) send(bytes);
        else timers.after(at, () => send(bytes));
      }
    }
  };

  const start = async (): Promise<void> => {
    if (signal.aborted) return end(false);
    signal.addEventListener('abort', onAbort, { once: true });
    timers.after(durationMs, () => void end(true));
    const opened = await Promise.all(ctx.interfaces.map(async (iface) => ({ iface, socket: await open(iface) })));
    if (finished) return;
    const ready = opened.filter((entry): entry is { iface: NetInterface; socket: UdpSocket } => entry.socket !== null);
    if (ready.length === 0) return end(false);
    for (const { iface, socket } of ready) search(socket, iface);
  };
  void start().catch((error: Error) => {
    intake.noteError(`The SSDP scan stopped early: ${error.message}.`);
    void end(false);
  });
  return { done, stop: () => end(false) };
}

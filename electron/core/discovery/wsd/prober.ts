/**
 * One scan: a socket per interface (bound to its address, multicast sent out of it), two typed probes and the
 * untyped one, each repeated on the SOAP-over-UDP schedule, replies reported live until the duration ends or the
 * scan is aborted. An interface with an IPv6 link-local address also probes ff02::c from a second socket; its
 * answers are reported at the end, and only for devices that gave no IPv4 answer (ipv6.ts).
 * Hazard: replies are untrusted; a wrong RelatesTo is logged but the reply is kept (DoorBird sends `uuid:`).
 * Everything a reply can grow is bounded: packets processed per second (PacketBudget), remembered replies
 * (hashed keys, counted), errors kept, log lines written.
 */
import { DISCOVERY_SEEN_KEYS } from '../../../../shared/limits.js';
import type { NetInterface } from '../../../../shared/net.js';
import type { RemoteInfo, UdpSocket } from '../../../platform/ports.js';
import { throttledLog } from '../log-throttle.js';
import { PacketBudget, type BudgetLimits } from '../packet-budget.js';
import { SeenKeys } from '../seen-keys.js';
import type { SourceContext, SourceStats } from '../source.js';
import type { Observation } from '../../inventory/observation.js';
import { DuplicateFilter } from './duplicate-filter.js';
import { Ipv6Holdback, ipv6Plan, type Ipv6Plan } from './ipv6.js';
import { toObservations } from './observation.js';
import { parseWsdMessage } from './parse.js';
import { buildProbe, newMessageId, PROBE_TYPES, WSD_MULTICAST_ADDRESS, WSD_PORT } from './probe.js';
import { probeSchedule } from './schedule.js';
import { TimerSet } from './timers.js';

export interface ProbeRun {
  done: Promise<SourceStats>;
  /** Ends the scan now: cancels pending sends, closes the sockets, resolves `done`. */
  stop(): Promise<void>;
}

const MAX_ERRORS = 20;
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
const encoder = new TextEncoder();

export interface ProbeOptions {
  /** Overrides the packet budget (tests); defaults to shared/limits.ts. */
  budget?: BudgetLimits;
  /** Receives the scan's duplicate filters so tests can measure what they hold. */
  inspect?: (filters: { repeats: DuplicateFilter; seen: SeenKeys }) => void;
  /** Also probe ff02::c on interfaces with an IPv6 link-local address (default true). */
  ipv6?: boolean;
}

/** One socket's way out: IPv4 from the interface's address, or IPv6 link-local scoped to it. */
type Path = { iface: NetInterface; v6: Ipv6Plan | null };

export function runProbes(
  ctx: SourceContext,
  durationMs: number,
  signal: AbortSignal,
  random: () => number,
  options: ProbeOptions = {},
): ProbeRun {
  const stats: Required<SourceStats> = {
    probesSent: 0,
    repliesReceived: 0,
    dropped: 0,
    errors: [],
    skipped: [],
    overBudget: 0,
    socketErrors: 0,
  };
  const timers = new TimerSet(ctx.clock);
  const sockets = new Set<UdpSocket>();
  const ourIds = new Set<string>();
  const seen = new SeenKeys(DISCOVERY_SEEN_KEYS);
  const repeats = new DuplicateFilter();
  const budget = new PacketBudget(ctx.clock, options.budget);
  const lanLog = throttledLog(ctx.log, ctx.clock);
  const ipv6Only = new Ipv6Holdback();
  options.inspect?.({ repeats, seen });
  let finished = false;
  let resolveDone: (stats: SourceStats) => void = () => undefined;
  const done = new Promise<SourceStats>((resolve) => (resolveDone = resolve));

  const stop = async (): Promise<void> => {
    if (finished) return done.then(() => undefined);
    finished = true;
    timers.clear();
    signal.removeEventListener('abort', onAbort);
    await Promise.all([...sockets].map((socket) => socket.close().catch(() => undefined)));
    for (const observation of ipv6Only.release()) deliver(observation);
    resolveDone(stats);
  };
  const onAbort = (): void => void stop();

  const noteError = (text: string): void => {
    if (stats.errors.length < MAX_ERRORS && !stats.errors.includes(text)) stats.errors.push(text);
    lanLog('warn', text);
  };

  const deliver = (observation: Observation): void => {
    try {
      ctx.report(observation);
    } catch (error) {
      lanLog('error', 'Reporting a WS-Discovery reply failed', { error: (error as Error).message });
    }
  };

  const onReply = ({ iface, v6 }: Path, data: Uint8Array, from: RemoteInfo): void => {
    if (finished) return;
    // Before any work, even the repeat check: over the budget a packet costs a counter, not a parse.
    if (!budget.take(data.byteLength)) {
      stats.overBudget++;
      stats.dropped++;
      if (stats.overBudget === 1) {
        noteError(
          `More WS-Discovery packets arrived than a scan processes (${budget.describe()}); the excess was dropped ` +
            'unread. A device on this network may be flooding UDP port 3702; cameras may be missing from this scan.',
        );
      }
      return;
    }
    if (repeats.isRepeat(from.address, data)) {
      stats.repliesReceived++;
      return;
    }
    const message = parseWsdMessage(data);
    if (!message || message.kind === 'probe') {
      stats.dropped++;
      return lanLog('debug', 'Dropped a packet that is not a WS-Discovery reply', { from: from.address, bytes: from.size });
    }
    stats.repliesReceived++;
    if (message.kind === 'fault') return lanLog('debug', 'WS-Discovery fault', { from: from.address, ...message.fault });
    if (!ourIds.has((message.relatesTo ?? '').toLowerCase())) {
      lanLog('debug', 'Kept a WS-Discovery reply whose RelatesTo is not one of our probes', {
        from: from.address,
        relatesTo: message.relatesTo,
      });
    }
    const arrival = { ip: from.address, interface: iface.name, at: ctx.clock.now() };
    for (const observation of toObservations(message, arrival)) {
      // Cameras answer every probe and retransmit; identical answers within one scan are reported once.
      // The key is a hash of the observation, so forged replies with ever-new content cost 44 bytes each, capped.
      if (!seen.firstTime(JSON.stringify({ ...observation, at: 0 }))) continue;
      if (v6) ipv6Only.hold(observation);
      else {
        ipv6Only.sawIpv4(observation.endpoint);
        deliver(observation);
      }
    }
  };

  const open = async (path: Path): Promise<UdpSocket | null> => {
    const { iface, v6 } = path;
    const socket = ctx.udp(v6 ? { type: 'udp6' } : undefined);
    sockets.add(socket);
    socket.onError((error) => {
      stats.socketErrors++;
      noteError(`Socket error on ${iface.name} (${v6 ? v6.bind : iface.address}): ${error.message}.`);
    });
    socket.onMessage((data, from) => onReply(path, data, from));
    try {
      await socket.bind(0, v6 ? v6.bind : iface.address);
      socket.setMulticastInterface(v6 ? v6.multicastInterface : iface.address);
      socket.setMulticastTTL(1); // WS-Discovery is link-local: never let a probe be routed
      try {
        // Hundreds of cameras answer within 500 ms; the usual 208 KiB buffer holds ~90 replies.
        socket.setRecvBufferSize?.(RECEIVE_BUFFER_BYTES);
      } catch {
        // The OS refused: keep its default; the retransmit schedule still gives each camera several chances.
      }
      return socket;
    } catch (error) {
      sockets.delete(socket);
      await socket.close().catch(() => undefined);
      // IPv4 still probes this interface: an IPv6 failure is worth a sentence, not a skipped interface.
      if (v6) {
        noteError(
          `WS-Discovery over IPv6 could not start on ${iface.name} (${(error as Error).message}); ` +
            'cameras that answer only over IPv6 may be missing there.',
        );
        return null;
      }
      stats.skipped.push({
        name: iface.name,
        reason:
          `Could not open a UDP socket on ${iface.address} (${(error as Error).message}). ` +
          'Check that the interface is up and still has this address, then scan again.',
      });
      return null;
    }
  };

  const probe = (socket: UdpSocket, { iface, v6 }: Path, type: (typeof PROBE_TYPES)[number]): void => {
    const messageId = newMessageId(); // one per probe; its retransmits reuse it
    ourIds.add(messageId.toLowerCase());
    const bytes = encoder.encode(buildProbe(type, messageId));
    const send = (): void => {
      if (finished) return;
      socket.send(bytes, WSD_PORT, v6 ? v6.group : WSD_MULTICAST_ADDRESS).then(
        () => void (finished || stats.probesSent++),
        (error: Error) =>
          noteError(
            `Sending the WS-Discovery probe on ${iface.name} failed (${error.message}). ` +
              `Check that a firewall allows UDP to ${v6 ? `[${v6.group}]` : WSD_MULTICAST_ADDRESS}:${WSD_PORT} on that interface.`,
          ),
      );
    };
    for (const at of probeSchedule(random)) {
      if (at === 0) send();
      else timers.after(at, send);
    }
  };

  const start = async (): Promise<void> => {
    if (signal.aborted) return stop();
    signal.addEventListener('abort', onAbort, { once: true });
    timers.after(durationMs, () => void stop());
    const paths: Path[] = ctx.interfaces.flatMap((iface) => {
      const v6 = options.ipv6 === false ? null : ipv6Plan(iface);
      return v6
        ? [
            { iface, v6: null },
            { iface, v6 },
          ]
        : [{ iface, v6: null }];
    });
    const opened = await Promise.all(paths.map(async (path) => ({ path, socket: await open(path) })));
    if (finished) return;
    const ready = opened.filter((entry): entry is { path: Path; socket: UdpSocket } => entry.socket !== null);
    if (ready.length === 0) return stop(); // nothing to probe with: do not wait out the duration
    for (const { path, socket } of ready) {
      for (const type of PROBE_TYPES) probe(socket, path, type);
    }
  };
  void start().catch((error: Error) => {
    noteError(`The WS-Discovery scan stopped early: ${error.message}.`);
    void stop();
  });
  return { done, stop };
}

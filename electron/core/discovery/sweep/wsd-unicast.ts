/**
 * Unicast WS-Discovery for the sweep: one UDP socket per sending interface, shared by every address the sweep
 * probes through it (a /16 must not open 65,000 sockets). A reply is handed to the probe waiting on its source
 * address and nothing else: a packet cannot redirect the sweep or answer for another host. Only ProbeMatches
 * count; a MatchingRuleNotSupported fault (a Hikvision answer to unicast probes) means "ONVIF, try HTTP".
 * Reuses the WS-Discovery probe builder and parser from ../wsd (same capability).
 */
import type { NetInterface } from '../../../../shared/net.js';
import type { UdpSocket } from '../../../platform/ports.js';
import { PacketBudget } from '../packet-budget.js';
import type { SourceContext } from '../source.js';
import { parseWsdMessage, type WsdMessage } from '../wsd/parse.js';
import { buildProbe, newMessageId, WSD_PORT } from '../wsd/probe.js';
import { probeSchedule, UNICAST_REPEAT } from '../wsd/schedule.js';
import { TimerSet } from '../wsd/timers.js';

type Waiter = (message: WsdMessage) => void;

export class UnicastWsd {
  private readonly sockets = new Map<string, Promise<UdpSocket | null>>();
  private readonly waiting = new Map<string, Waiter>();
  private readonly budget: PacketBudget;
  private readonly encoder = new TextEncoder();
  /** Datagrams received, and socket errors seen (for the sweep's stats). */
  received = 0;
  socketErrors = 0;
  private closed = false;

  constructor(
    private readonly ctx: SourceContext,
    private readonly random: () => number = Math.random,
  ) {
    this.budget = new PacketBudget(ctx.clock);
  }

  private socketFor(iface: NetInterface): Promise<UdpSocket | null> {
    const known = this.sockets.get(iface.address);
    if (known) return known;
    const opening = (async () => {
      const socket = this.ctx.udp();
      socket.onError(() => void this.socketErrors++);
      socket.onMessage((data, from) => {
        this.received++;
        const waiter = this.waiting.get(from.address);
        if (!waiter || !this.budget.take(data.byteLength)) return;
        const message = parseWsdMessage(data);
        if (message && (message.kind === 'probe-matches' || message.kind === 'fault')) waiter(message);
      });
      try {
        await socket.bind(0, iface.address);
        return socket;
      } catch (error) {
        this.ctx.log.warn(`The sweep cannot send WS-Discovery probes from ${iface.name} (${(error as Error).message}).`);
        await socket.close().catch(() => undefined);
        return null;
      }
    })();
    this.sockets.set(iface.address, opening);
    return opening;
  }

  /** Probes `ip` from `iface`; resolves with its first ProbeMatches or fault, or null after `waitMs`. */
  async probe(ip: string, iface: NetInterface, waitMs: number, signal: AbortSignal): Promise<WsdMessage | null> {
    if (this.closed || signal.aborted) return null;
    const socket = await this.socketFor(iface);
    if (!socket || signal.aborted) return null;
    const timers = new TimerSet(this.ctx.clock);
    const bytes = this.encoder.encode(buildProbe('dn:NetworkVideoTransmitter', newMessageId()));
    try {
      return await new Promise<WsdMessage | null>((resolve) => {
        const finish = (message: WsdMessage | null): void => {
          signal.removeEventListener('abort', onAbort);
          resolve(message);
        };
        const onAbort = (): void => finish(null);
        signal.addEventListener('abort', onAbort, { once: true });
        this.waiting.set(ip, finish);
        const send = (): void =>
          void socket
            .send(bytes, WSD_PORT, ip)
            .catch((error: Error) => this.ctx.log.debug('sweep probe not sent', { ip, error: error.message }));
        for (const at of probeSchedule(this.random, UNICAST_REPEAT)) {
          if (at === 0) send();
          else timers.after(at, send);
        }
        timers.after(waitMs, () => finish(null));
      });
    } finally {
      timers.clear();
      this.waiting.delete(ip);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const sockets = await Promise.all(this.sockets.values());
    await Promise.all(sockets.map((socket) => socket?.close().catch(() => undefined)));
    this.sockets.clear();
  }
}

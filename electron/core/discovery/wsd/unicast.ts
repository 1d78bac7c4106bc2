/**
 * A unicast Probe to one device that announced itself (Hello) or answered without leaving an entry in the
 * neighbour table: the reply refreshes its facts, and the exchange makes the OS resolve its MAC (ARP).
 * Only replies from the probed address are kept — a packet cannot redirect us elsewhere — and only the first
 * few of those are parsed: we send UNICAST_REPEAT probes, so a device flooding its answer gains nothing.
 */
import { onSubnet } from '../../../../shared/net.js';
import type { SourceContext } from '../source.js';
import { toObservations } from './observation.js';
import { parseWsdMessage } from './parse.js';
import { buildProbe, newMessageId, WSD_PORT } from './probe.js';
import { probeSchedule, UNICAST_REPEAT } from './schedule.js';
import { TimerSet } from './timers.js';

/** Replies from the probed device parsed per confirmation; real devices send one per probe. */
export const MAX_CONFIRM_REPLIES = 8;

export async function probeUnicast(ctx: SourceContext, ip: string, waitMs: number, random: () => number): Promise<boolean> {
  const iface = ctx.interfaces.find((i) => onSubnet(ip, i.address, i.netmask));
  if (!iface) return false; // never probe beyond the interfaces this scan may use
  const socket = ctx.udp();
  const timers = new TimerSet(ctx.clock);
  let answered = false;
  let parsed = 0;
  socket.onError((error) => ctx.log.debug('unicast probe socket error', { ip, error: error.message }));
  socket.onMessage((data, from) => {
    if (from.address !== ip || parsed >= MAX_CONFIRM_REPLIES) return;
    parsed++;
    const message = parseWsdMessage(data);
    if (!message || (message.kind !== 'probe-matches' && message.kind !== 'hello')) return;
    answered = true;
    for (const obs of toObservations(message, { ip, interface: iface.name, at: ctx.clock.now() })) {
      try {
        ctx.report(obs);
      } catch (error) {
        ctx.log.error('Reporting a unicast WS-Discovery reply failed', { ip, error: (error as Error).message });
      }
    }
  });
  try {
    await socket.bind(0, iface.address);
    const bytes = new TextEncoder().encode(buildProbe('dn:NetworkVideoTransmitter', newMessageId()));
    const send = () =>
      void socket.send(bytes, WSD_PORT, ip).catch((error: Error) => ctx.log.debug('unicast probe failed', { ip, error: error.message }));
    for (const at of probeSchedule(random, UNICAST_REPEAT)) timers.after(at, send);
    await new Promise<void>((resolve) => timers.after(waitMs, resolve));
  } catch (error) {
    ctx.log.debug('unicast probe could not bind', { ip, error: (error as Error).message });
  } finally {
    timers.clear();
    await socket.close().catch(() => undefined);
  }
  return answered;
}

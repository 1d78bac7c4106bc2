/**
 * Hello/Bye over IPv6: one udp6 socket on [::]:3702 joined to ff02::c on each planned interface that has a
 * link-local address. A dual-stack camera announces on both groups with the same AppSequence stamp; an IPv6
 * announcement therefore waits ANNOUNCE_V6_DELAY_MS so that the IPv4 copy, when there is one, is handled first and
 * the IPv6 copy is dropped as a repeat: the row keeps the camera's IPv4 address. Hazard: senders are untrusted;
 * what waits is capped by count, and the packet budget is the listener's own (shared with IPv4).
 */
import type { NetInterface } from '../../../../shared/net.js';
import type { RemoteInfo, UdpSocket } from '../../../platform/ports.js';
import type { SourceContext } from '../source.js';
import { ipv6Plan } from './ipv6.js';
import { WSD_PORT } from './probe.js';

export const ANNOUNCE_V6_DELAY_MS = 1000;
/** IPv6 announcements waiting at once; a flood beyond this is dropped unread. */
export const MAX_WAITING_V6 = 256;

export type Announcement = (data: Uint8Array, from: RemoteInfo, iface: string | null) => void;

/** The interface an IPv6 sender is on: its zone when the OS gave one, else the only IPv6 interface, else null. */
export function zoneInterface(interfaces: readonly NetInterface[], address: string): string | null {
  const withV6 = interfaces.filter((iface) => ipv6Plan(iface) !== null);
  const zone = address.includes('%') ? address.slice(address.indexOf('%') + 1) : null;
  if (zone !== null) return withV6.find((iface) => ipv6Plan(iface)?.bind.endsWith(`%${zone}`))?.name ?? null;
  return withV6.length === 1 ? (withV6[0]?.name ?? null) : null;
}

/**
 * Opens the IPv6 listener, or answers null when no planned interface has IPv6 or the port cannot be bound (IPv4
 * announcements are still heard). `handle` gets each datagram ANNOUNCE_V6_DELAY_MS after it arrived.
 */
export async function listenIpv6(ctx: SourceContext, handle: Announcement): Promise<{ socket: UdpSocket; stop: () => void } | null> {
  const plans = ctx.interfaces.flatMap((iface) => {
    const plan = ipv6Plan(iface);
    return plan ? [{ iface, plan }] : [];
  });
  if (plans.length === 0) return null;
  const socket = ctx.udp({ reuseAddr: true, type: 'udp6' });
  const cancels = new Set<() => void>();
  socket.onError((error) => ctx.log.debug('WS-Discovery IPv6 listener socket error', { error: error.message }));
  try {
    await socket.bind(WSD_PORT, '::');
  } catch (error) {
    ctx.log.warn(`Cannot listen for camera announcements over IPv6 (${(error as Error).message}); IPv4 announcements are still heard.`);
    await socket.close().catch(() => undefined);
    return null;
  }
  for (const { iface, plan } of plans) {
    try {
      socket.addMembership('ff02::c', plan.multicastInterface);
    } catch (error) {
      ctx.log.warn(`Cannot hear IPv6 camera announcements on ${iface.name}`, { error: (error as Error).message });
    }
  }
  socket.onMessage((data, from) => {
    if (cancels.size >= MAX_WAITING_V6) return;
    const cancel = ctx.clock.setTimeout(() => {
      cancels.delete(cancel);
      handle(data, from, zoneInterface(ctx.interfaces, from.address));
    }, ANNOUNCE_V6_DELAY_MS);
    cancels.add(cancel);
  });
  const stop = (): void => {
    for (const cancel of cancels) cancel();
    cancels.clear();
  };
  return { socket, stop };
}

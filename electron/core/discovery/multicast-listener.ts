/**
 * The between-scans listener SSDP (NOTIFY on 1900) and mDNS (announcements on 5353) share: one socket on 0.0.0.0
 * with a group membership per planned interface — Linux delivers no multicast to a socket bound to a unicast
 * address (reference §7.2) — that only hears, never sends, and hands each datagram to the protocol's intake with
 * the interface it arrived on. Socket errors go to the intake's diagnostics; a port another program holds
 * (Windows' SSDP service, a strict mDNS responder) is a warning, and that protocol is then seen at scans only.
 */
import type { RemoteInfo, UdpSocket } from '../../platform/ports.js';
import type { SourceContext } from './source.js';
import { receivingInterface } from './wsd/source.js';

export interface ListenerIntake {
  handle(iface: string | null, data: Uint8Array, from: RemoteInfo): unknown;
  noteError(text: string): void;
  close(): void;
}

export interface MulticastListenerSpec {
  port: number;
  group: string;
  /** "UPnP", "mDNS": names the protocol in warnings. */
  label: string;
  /** What the technician loses when the port cannot be bound ("devices that boot later appear only after …"). */
  missed: string;
  /** Still the listener this source wants (false once the source closed or replaced it while binding). */
  current: () => boolean;
}

/**
 * Binds `socket` (made by the caller with `reuseAddr`: both ports are shared with the OS's own responders) and
 * starts hearing. False when the port could not be bound (warned; socket closed) or the source closed while
 * binding (its close() closes the socket).
 */
export async function listenMulticast(
  ctx: SourceContext,
  socket: UdpSocket,
  intake: ListenerIntake,
  spec: MulticastListenerSpec,
): Promise<boolean> {
  socket.onError((error) => intake.noteError(`${spec.label} listener socket error: ${error.message}`));
  try {
    await socket.bind(spec.port, '0.0.0.0');
  } catch (error) {
    ctx.log.warn(`Cannot listen for ${spec.label} announcements on UDP ${spec.port} (${(error as Error).message}); ${spec.missed}`);
    intake.close();
    await socket.close();
    return false;
  }
  if (!spec.current()) return false;
  for (const iface of ctx.interfaces) {
    try {
      socket.addMembership(spec.group, iface.address);
    } catch (error) {
      ctx.log.warn(`Cannot hear ${spec.label} announcements on ${iface.name} (${iface.address})`, { error: (error as Error).message });
    }
  }
  socket.onMessage((data, from) => void intake.handle(receivingInterface(ctx.interfaces, from.address), data, from));
  return true;
}

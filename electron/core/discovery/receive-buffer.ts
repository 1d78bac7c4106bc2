/**
 * A scan's sockets ask for a large kernel receive buffer: 250 cameras answer an SSDP search with ~20 datagrams
 * each within MX (2 s), and mDNS responders within 20–120 ms of a query. The usual 208 KiB holds ~100 datagrams,
 * so bursts were dropped by the kernel before we could read them (lab bench: 1,810 SSDP and 319 mDNS answers lost).
 * The OS may cap the size (Linux: net.core.rmem_max); a refusal keeps its default.
 */
import type { UdpSocket } from '../../platform/ports.js';

export const SCAN_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export function enlargeReceiveBuffer(socket: UdpSocket): void {
  try {
    socket.setRecvBufferSize?.(SCAN_RECEIVE_BUFFER_BYTES);
  } catch {
    // Refused: the default stays; the repeated searches and queries give each device more chances.
  }
}

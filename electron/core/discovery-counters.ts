/**
 * Per interface and protocol counters for a scan's diagnostics (issue #10 §5): packets sent, datagrams received,
 * devices and errors. Sources are not changed for this: each gets a SourceContext whose UDP factory hands out
 * counting sockets (a socket belongs to the interface whose address it is bound to) and whose `report` counts
 * the distinct addresses that described a device. Hazard: called per packet during a flood, so every step is
 * O(1) and the address sets are capped.
 */
import type { ScanDiagnostics } from '../../shared/contract.js';
import type { DiscoverySourceName } from '../../shared/device.js';
import type { NetInterface } from '../../shared/net.js';
import type { RemoteInfo, UdpSocket, UdpSocketFactory, UdpSocketOptions } from '../platform/ports.js';
import type { SourceContext } from './discovery/source.js';

export type InterfaceRow = NonNullable<ScanDiagnostics['perInterface']>[number];

/** Distinct device addresses remembered per row; a forged flood stops growing the count here. */
const MAX_ADDRESSES_PER_ROW = 4096;

interface Row extends InterfaceRow {
  addresses: Set<string>;
  /** The local UDP port replies come back to (for the firewall hint); null before a socket was bound. */
  localPort: number | null;
}

export class ScanCounters {
  private readonly rows = new Map<string, Row>();

  constructor(private readonly interfaces: readonly NetInterface[]) {}

  /** The row for an interface name, or null for a name outside the plan (listeners bound to 0.0.0.0). */
  row(name: string | null, protocol: DiscoverySourceName): Row | null {
    if (name === null || !this.interfaces.some((i) => i.name === name)) return null;
    const key = `${name}\u0000${protocol}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { interface: name, protocol, packetsSent: 0, replies: 0, devices: 0, errors: 0, addresses: new Set(), localPort: null };
      this.rows.set(key, row);
    }
    return row;
  }

  /** A context for one source: sockets counted by the interface they are bound to, reports counted by address. */
  context(protocol: DiscoverySourceName, ctx: SourceContext): SourceContext {
    const byAddress = (address: string | undefined) => this.interfaces.find((i) => i.address === address)?.name ?? null;
    const udp: UdpSocketFactory = (options?: UdpSocketOptions) =>
      new CountingSocket(ctx.udp(options), (address) => this.row(byAddress(address), protocol));
    return {
      ...ctx,
      udp,
      report: (observation) => {
        if (observation.kind === 'alive' && observation.ip) {
          const row = this.row(observation.interface, protocol);
          if (row && row.addresses.size < MAX_ADDRESSES_PER_ROW && !row.addresses.has(observation.ip)) {
            row.addresses.add(observation.ip);
            row.devices++;
          }
        }
        ctx.report(observation);
      },
    };
  }

  /** Every row touched, plus a zero row for each planned interface and multicast protocol that ran. */
  list(multicast: readonly DiscoverySourceName[]): (InterfaceRow & { localPort: number | null })[] {
    for (const iface of this.interfaces) for (const protocol of multicast) this.row(iface.name, protocol);
    return [...this.rows.values()].map(({ addresses: _, ...row }) => row);
  }
}

/** A UdpSocket that counts what it sends, receives and fails on, into the row of the interface it is bound to. */
class CountingSocket implements UdpSocket {
  private row: Row | null = null;

  constructor(
    private readonly inner: UdpSocket,
    private readonly rowFor: (address: string | undefined) => Row | null,
  ) {}

  async bind(port: number, address?: string) {
    const bound = await this.inner.bind(port, address);
    this.row = this.rowFor(address);
    if (this.row) this.row.localPort = bound.port;
    return bound;
  }
  async send(data: Uint8Array, port: number, address: string) {
    try {
      await this.inner.send(data, port, address);
      if (this.row) this.row.packetsSent++;
    } catch (error) {
      if (this.row) this.row.errors++;
      throw error;
    }
  }
  addMembership(group: string, interfaceAddress: string) {
    this.inner.addMembership(group, interfaceAddress);
  }
  dropMembership(group: string, interfaceAddress: string) {
    this.inner.dropMembership(group, interfaceAddress);
  }
  setMulticastInterface(interfaceAddress: string) {
    this.inner.setMulticastInterface(interfaceAddress);
  }
  setMulticastTTL(ttl: number) {
    this.inner.setMulticastTTL(ttl);
  }
  setMulticastLoopback(on: boolean) {
    this.inner.setMulticastLoopback(on);
  }
  setRecvBufferSize(bytes: number) {
    this.inner.setRecvBufferSize?.(bytes);
  }
  onMessage(listener: (data: Buffer, from: RemoteInfo) => void) {
    this.inner.onMessage((data, from) => {
      if (this.row) this.row.replies++;
      listener(data, from);
    });
  }
  onError(listener: (error: Error) => void) {
    this.inner.onError((error) => {
      if (this.row) this.row.errors++;
      listener(error);
    });
  }
  close() {
    return this.inner.close();
  }
}

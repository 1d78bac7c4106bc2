/**
 * Sentences a technician can act on when a scan found less than expected (issue #10 §5), from the per-interface
 * counters, the neighbour table and the sweep's summary. Pure: the core hands everything in.
 */
import type { ScanDiagnostics } from '../../shared/contract.js';
import type { DiscoverySourceName } from '../../shared/device.js';
import { onSubnet, type NetInterface } from '../../shared/net.js';
import type { NeighbourEntry } from '../platform/ports.js';
import type { InterfaceRow } from './discovery-counters.js';

const LABEL: Record<DiscoverySourceName, string> = { wsd: 'WS-Discovery', ssdp: 'SSDP', mdns: 'mDNS', sweep: 'sweep' };
/** Enough to read; a scan on 64 interfaces must not print a page of hints. */
const MAX_HINTS = 20;

export interface HintInput {
  interfaces: readonly NetInterface[];
  skipped: readonly { name: string }[];
  rows: readonly (InterfaceRow & { localPort: number | null })[];
  neighbours: readonly NeighbourEntry[];
  sweep: ScanDiagnostics['sweep'];
  /** Devices the scan found, in total (any protocol). */
  devices: number;
}

/** Hosts the neighbour table knows on this interface's subnet, other than ourselves. */
function arpHosts(iface: NetInterface, neighbours: readonly NeighbourEntry[]): number {
  const ips = new Set<string>();
  for (const n of neighbours) {
    const here = n.interface === null || n.interface === iface.name || n.interface === iface.address;
    if (here && n.ip !== iface.address && onSubnet(n.ip, iface.address, iface.netmask)) ips.add(n.ip);
  }
  return ips.size;
}

export function scanHints(input: HintInput): string[] {
  const hints: string[] = [];
  if (input.interfaces.length === 0) {
    hints.push(
      input.skipped.length > 0
        ? 'No interface was probed: every interface asked for was skipped (see "skipped"). Pick one that is up and has an IPv4 address.'
        : 'No interface was probed: this computer has no IPv4 interface that is up. Plug in the cable or join the Wi-Fi, then scan again.',
    );
  }
  for (const iface of input.interfaces) {
    const hosts = arpHosts(iface, input.neighbours);
    const rows = input.rows.filter((r) => r.interface === iface.name && r.protocol !== 'sweep');
    // A device that speaks no SSDP is normal; silence on every protocol while hosts answer ARP is the firewall sign.
    const silent = rows.every((r) => r.replies === 0);
    for (const row of rows) {
      if (silent && row.packetsSent > 0 && hosts > 0) {
        const port = row.localPort ? `UDP port ${row.localPort}` : 'the UDP port the query left from';
        hints.push(
          `${hosts} hosts on ${iface.name} answer ARP but no ${LABEL[row.protocol]} reply arrived: a firewall may be dropping ` +
            `unicast replies to ${port}. Allow Camera Finder through this computer's firewall and scan again.`,
        );
      } else if (row.packetsSent === 0 && row.errors > 0) {
        hints.push(
          `No ${LABEL[row.protocol]} packet could be sent on ${iface.name} (${row.errors} errors): check that the interface is up and ` +
            'that no security software blocks multicast.',
        );
      }
    }
    if (iface.virtual) {
      hints.push(
        `${iface.name} looks like a VPN or virtual adapter: it was probed, but cameras are rarely behind one. ` +
          'Restrict the scan to the camera network (--interface) if it only adds noise.',
      );
    }
  }
  const sweep = input.sweep;
  if (sweep?.cancelled) {
    hints.push(`The sweep was stopped after ${sweep.probed} of ${sweep.addresses} addresses; cameras in the rest were not looked for.`);
  } else if (sweep && sweep.probed > 0 && sweep.answered === 0) {
    hints.push(
      `No address in ${sweep.cidrs.join(', ')} answered the sweep: check that this computer has a route to it and that no ` +
        'firewall on the way blocks UDP 3702, TCP 80/8000/8080/8899/2020 and TCP 554.',
    );
  }
  if (input.interfaces.length > 0 && input.devices === 0 && !sweep && input.rows.every((r) => r.replies === 0)) {
    hints.push(
      'Nothing answered on any interface. If the cameras are on another subnet or VLAN, multicast does not reach them: ' +
        'sweep that range (--sweep 192.168.20.0/24).',
    );
  }
  return hints.slice(0, MAX_HINTS);
}

import { exec, ip } from './ip.js';

export type LinkInfo = { ifname: string; address: string; operstate: string };
export type Neighbour = { ip: string; mac: string; iface: string; state: string[] };
export type ArpRow = { ip: string; mac: string; iface: string; flags: string };

/** Links of a namespace as the kernel reports them (`ip -n <ns> -j link`). */
export async function readLinks(ns: string): Promise<LinkInfo[]> {
  const rows = JSON.parse(await ip(['-n', ns, '-j', 'link'])) as { ifname: string; address?: string; operstate?: string }[];
  return rows.map((r) => ({ ifname: r.ifname, address: (r.address ?? '').toLowerCase(), operstate: r.operstate ?? '' }));
}

/** The MAC of one interface, read back from the kernel. */
export async function readLinkMac(ns: string, iface: string): Promise<string> {
  const link = (await readLinks(ns)).find((l) => l.ifname === iface);
  if (!link) throw new Error(`No interface ${iface} in namespace ${ns}.`);
  return link.address;
}

/** Neighbour table of a namespace (`ip -n <ns> -j neigh`). */
export async function readNeighbours(ns: string): Promise<Neighbour[]> {
  const rows = JSON.parse(await ip(['-n', ns, '-j', 'neigh'])) as { dst: string; lladdr?: string; dev: string; state?: string[] }[];
  return rows.map((r) => ({ ip: r.dst, mac: (r.lladdr ?? '').toLowerCase(), iface: r.dev, state: r.state ?? [] }));
}

/** /proc/net/arp as a process inside the namespace sees it (what the app reads on Linux). */
export async function readProcNetArp(ns: string): Promise<ArpRow[]> {
  const r = await exec('ip', ['netns', 'exec', ns, 'cat', '/proc/net/arp']);
  return r.stdout
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 6)
    .map((f) => ({ ip: f[0] ?? '', flags: f[2] ?? '', mac: (f[3] ?? '').toLowerCase(), iface: f[5] ?? '' }));
}

import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Lab } from './lab.js';

const PROBE_SCRIPT = fileURLToPath(new URL('./probe-once.ts', import.meta.url));

/** One datagram the technician namespace received: a probe reply (unicast) or a Hello/Bye (multicast). */
export type TechDatagram = { channel: 'unicast' | 'multicast'; from: string; port: number; size: number; text: string };
export type TechCapture = { sent: string[]; datagrams: TechDatagram[] };

/**
 * Runs probe-once.ts inside the technician namespace. `types`: comma list of nvt, device, none (untyped), or ''
 * to only listen. Resolves once the listener (if any) is joined, so callers can trigger Hello/Bye after it.
 */
export async function captureInTech(
  lab: Lab,
  opts: { types: string; waitMs: number; listen?: boolean },
): Promise<{ done: Promise<TechCapture> }> {
  const args = ['--import', 'tsx', PROBE_SCRIPT, '--ip', lab.techIp, `--types=${opts.types}`, '--wait', String(opts.waitMs)];
  if (opts.listen) args.push('--listen');
  const child = lab.runInTech(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const capture: TechCapture = { sent: [], datagrams: [] };
  let onListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (onListening = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const o = JSON.parse(line) as Partial<TechDatagram> & { sent?: string; listening?: boolean };
    if (o.listening) onListening();
    else if (o.sent !== undefined) capture.sent.push(o.sent);
    else capture.datagrams.push(o as TechDatagram);
  });
  const done = new Promise<TechCapture>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(capture) : reject(new Error(`probe-once exited with ${code}`))));
  });
  if (opts.listen) await Promise.race([listening, done]);
  return { done };
}

/** Sends probes from the technician namespace and collects every reply for waitMs. */
export async function probeFromTech(lab: Lab, types: string, waitMs = 1500): Promise<TechCapture> {
  return (await captureInTech(lab, { types, waitMs })).done;
}

const SSDP_MDNS_SCRIPT = fileURLToPath(new URL('./ssdp-mdns-once.ts', import.meta.url));

/** One line of ssdp-mdns-once.ts: an SSDP answer or NOTIFY, a fetched description, or a decoded mDNS packet. */
export type SsdpMdnsLine =
  | { proto: 'ssdp'; channel: 'unicast' | 'multicast'; from: string; start: string; headers: Record<string, string> }
  | { proto: 'upnp'; location: string; status?: number; xml?: string; error?: string }
  | { proto: 'mdns'; from: string; records: { name: string; type: number; ttl: number; data: unknown }[] };

/**
 * Sends SSDP M-SEARCHes (`st`) and mDNS PTR queries (`mdns`, e.g. `_axis-video._tcp`) from the technician
 * namespace and collects what comes back for waitMs; `listen` also keeps NOTIFYs and announcements; `fetch` GETs
 * each LOCATION once. Resolves `listening` once its sockets are joined, so callers can trigger announcements.
 */
export async function ssdpMdnsFromTech(
  lab: Lab,
  opts: { st?: string[]; mdns?: string[]; waitMs?: number; listen?: boolean; fetch?: boolean },
): Promise<{ done: Promise<SsdpMdnsLine[]> }> {
  const args = ['--import', 'tsx', SSDP_MDNS_SCRIPT, '--ip', lab.techIp, `--st=${(opts.st ?? []).join(',')}`];
  args.push(`--mdns=${(opts.mdns ?? []).join(',')}`, '--wait', String(opts.waitMs ?? 2500));
  if (opts.listen) args.push('--listen');
  if (opts.fetch) args.push('--fetch');
  const child = lab.runInTech(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: SsdpMdnsLine[] = [];
  let onListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (onListening = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const o = JSON.parse(line) as SsdpMdnsLine | { listening: true };
    if ('listening' in o) onListening();
    else lines.push(o);
  });
  const done = new Promise<SsdpMdnsLine[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(lines) : reject(new Error(`ssdp-mdns-once exited with ${code}`))));
  });
  await Promise.race([listening, done]);
  return { done };
}

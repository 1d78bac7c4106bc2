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

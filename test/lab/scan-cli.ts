/** Runs the built CLI's `scan --json` (or `interfaces --json`) inside the lab's technician namespace. */
import type { ScanDiagnostics } from '../../shared/contract.js';
import type { Device } from '../../shared/device.js';
import type { NetInterface } from '../../shared/net.js';
import type { Lab } from './lab.js';

export type ScanJson = { devices: Device[]; diagnostics: ScanDiagnostics };

/** `scan --json` with these extra arguments (e.g. `--protocols wsd,ssdp,mdns`, `--sweep <cidr>`, `--interface x`). */
export async function scanInTech(lab: Lab, args: string[], timeoutMs = 60_000): Promise<ScanJson> {
  const run = await lab.execInTech('node', ['dist/electron/cli.js', 'scan', '--json', ...args], { timeoutMs });
  if (run.code !== 0) throw new Error(`scan ${args.join(' ')} exited with ${run.code}: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as ScanJson;
}

export async function interfacesInTech(lab: Lab): Promise<NetInterface[]> {
  const run = await lab.execInTech('node', ['dist/electron/cli.js', 'interfaces', '--json'], { timeoutMs: 20_000 });
  if (run.code !== 0) throw new Error(`interfaces exited with ${run.code}: ${run.stderr.slice(-2000)}`);
  const out = JSON.parse(run.stdout) as { interfaces: NetInterface[] } | NetInterface[];
  return Array.isArray(out) ? out : out.interfaces;
}

/** A device's sources, sorted, for comparison with what a profile speaks. */
export const sourcesOf = (d: Device | undefined): string[] => [...(d?.sources ?? [])].sort();

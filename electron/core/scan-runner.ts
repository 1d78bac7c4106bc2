import type { ScanDiagnostics } from '../../shared/contract.js';
import type { NetInterface } from '../../shared/net.js';
import type { DiscoverySource, SourceContext, SourceStats } from './discovery/source.js';
import type { Clock } from '../platform/ports.js';

export interface ScanPlan {
  scanId: string;
  durationMs: number;
  interfaces: NetInterface[];
  skipped: { name: string; reason: string }[];
}

/**
 * Runs every source's active scan in parallel for the plan's duration, reporting progress on a timer.
 * Resolves with the merged diagnostics; a failing source becomes an error line, never a failed scan.
 */
export async function runScan(
  plan: ScanPlan,
  sources: DiscoverySource[],
  ctx: SourceContext,
  signal: AbortSignal,
  clock: Clock,
  onProgress: (elapsedMs: number) => void,
): Promise<Omit<ScanDiagnostics, 'nonCameras'>> {
  const started = clock.now();
  let cancelTick = () => {};
  const tick = () => {
    onProgress(Math.min(clock.now() - started, plan.durationMs));
    cancelTick = clock.setTimeout(tick, 250);
  };
  tick();
  const results = await Promise.all(
    sources.map((s) =>
      s.scan(ctx, plan.durationMs, signal).catch((error: unknown): SourceStats => ({
        probesSent: 0,
        repliesReceived: 0,
        dropped: 0,
        errors: [`${s.name}: ${error instanceof Error ? error.message : String(error)}`],
        skipped: [],
      })),
    ),
  );
  cancelTick();
  const sum = (pick: (r: SourceStats) => number) => results.reduce((acc, r) => acc + pick(r), 0);
  return {
    scanId: plan.scanId,
    startedAt: new Date(started).toISOString(),
    interfaces: plan.interfaces.map((i) => ({ name: i.name, address: i.address })),
    skipped: [...plan.skipped, ...results.flatMap((r) => r.skipped)],
    probesSent: sum((r) => r.probesSent),
    repliesReceived: sum((r) => r.repliesReceived),
    dropped: sum((r) => r.dropped),
    durationMs: clock.now() - started,
    errors: results.flatMap((r) => r.errors),
  };
}

/** Pick the interfaces a scan may use; names asked for that do not exist are explained, not ignored. */
export function planInterfaces(
  available: NetInterface[],
  allowed: string[] | undefined,
  requested: string[] | undefined,
): { interfaces: NetInterface[]; skipped: { name: string; reason: string }[] } {
  const pool = allowed ? available.filter((i) => allowed.includes(i.name)) : available;
  const skipped: { name: string; reason: string }[] = [];
  for (const name of [...(allowed ?? []), ...(requested ?? [])]) {
    if (!available.some((i) => i.name === name) && !skipped.some((s) => s.name === name)) {
      skipped.push({
        name,
        reason: `Interface ${name} does not exist or has no IPv4 address; check the cable or Wi-Fi and that it is up.`,
      });
    }
  }
  for (const name of requested ?? []) {
    if (allowed && !allowed.includes(name) && available.some((i) => i.name === name)) {
      skipped.push({ name, reason: `Interface ${name} is outside the set this app was started with (--interface).` });
    }
  }
  const interfaces = requested ? pool.filter((i) => requested.includes(i.name)) : pool;
  return { interfaces, skipped };
}

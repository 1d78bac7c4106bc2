/**
 * A unicast sweep of technician-entered CIDR ranges (routed subnets where multicast does not reach): every
 * address probed once (probe-address.ts), paced by the scheduler, live progress (when an address starts and
 * when it finishes), cancel.
 * Hazard (network safety): packets leave only from an interface in the scan's plan: an address on a planned
 * interface's subnet is probed from that interface; any other (routed) address from `via`, which must itself be
 * planned. With no planned interface the sweep sends nothing.
 */
import type { CidrRange } from '../../../../shared/cidr.js';
import { intToIpv4 } from '../../../../shared/cidr.js';
import type { NetInterface } from '../../../../shared/net.js';
import { onSubnet } from '../../../../shared/net.js';
import type { HttpClient } from '../../../platform/http.js';
import type { SourceContext } from '../source.js';
import { DEFAULT_SWEEP_LIMITS, type SweepLimits } from './limits.js';
import { probeAddress, type AddressFinding } from './probe-address.js';
import { runScheduled } from './scheduler.js';
import type { TcpConnect } from './tcp-connect.js';
import { UnicastWsd } from './wsd-unicast.js';

export interface SweepProgress {
  total: number;
  /** Addresses finished (answered or timed out). */
  done: number;
  /** Addresses where something answered (WS-Discovery, ONVIF over HTTP or RTSP). */
  found: number;
  inFlight: number;
}

export interface SweepStats extends SweepProgress {
  byFinding: Record<AddressFinding, number>;
  cancelled: boolean;
  /** Sentences for the technician (e.g. no planned interface). */
  errors: string[];
}

export interface SweepRequest {
  ranges: readonly CidrRange[];
  /** Name of the planned interface that routed addresses are probed from; default: the first planned one. */
  via?: string;
  limits?: Partial<SweepLimits>;
  /** HTTP ports for the ONVIF fallback (default ONVIF_HTTP_PORTS). */
  ports?: readonly number[];
  onProgress?: (progress: SweepProgress) => void;
}

export interface SweepDeps {
  http: HttpClient;
  tcpConnect: TcpConnect;
  random?: () => number;
}

/** Every address of the ranges in order; an address inside an earlier range is skipped (no set: a /8 is 16 M). */
function* addressesOf(ranges: readonly CidrRange[]): Generator<string> {
  for (const [index, range] of ranges.entries()) {
    const earlier = ranges.slice(0, index);
    for (let value = range.first; value <= range.last; value++) {
      if (earlier.some((r) => r.first <= value && value <= r.last)) continue;
      yield intToIpv4(value);
    }
  }
}

export async function runSweep(ctx: SourceContext, request: SweepRequest, deps: SweepDeps, signal: AbortSignal): Promise<SweepStats> {
  const limits = { ...DEFAULT_SWEEP_LIMITS, ...request.limits };
  const total = countAddresses(request.ranges);
  const stats: SweepStats = {
    total,
    done: 0,
    found: 0,
    inFlight: 0,
    byFinding: { wsd: 0, 'onvif-http': 0, rtsp: 0, silent: 0 },
    cancelled: false,
    errors: [],
  };
  const via = ctx.interfaces.find((i) => i.name === request.via) ?? (request.via === undefined ? ctx.interfaces[0] : undefined);
  if (!via) {
    stats.errors.push(
      request.via === undefined
        ? 'No network interface is selected, so the sweep sent nothing. Select the interface that reaches the cameras.'
        : `Interface ${request.via} is not among the interfaces this scan may use; the sweep sent nothing.`,
    );
    return stats;
  }
  const progress = (): void => {
    try {
      request.onProgress?.({ total: stats.total, done: stats.done, found: stats.found, inFlight: stats.inFlight });
    } catch (error) {
      ctx.log.warn('Sweep progress listener failed', { error: (error as Error).message });
    }
  };
  const wsd = new UnicastWsd(ctx, deps.random);
  const addressDeps = {
    wsd,
    http: deps.http,
    tcpConnect: deps.tcpConnect,
    clock: ctx.clock,
    limits,
    ...(request.ports ? { ports: request.ports } : {}),
  };
  const fromInterface = (ip: string): NetInterface => ctx.interfaces.find((i) => onSubnet(ip, i.address, i.netmask)) ?? via;
  const task = async (ip: string): Promise<void> => {
    stats.inFlight++;
    progress();
    try {
      const result = await probeAddress(ip, fromInterface(ip), addressDeps, signal);
      stats.byFinding[result.finding]++;
      if (result.finding !== 'silent') stats.found++;
      for (const observation of result.observations) {
        try {
          ctx.report(observation);
        } catch (error) {
          ctx.log.error('Reporting a sweep result failed', { ip, error: (error as Error).message });
        }
      }
    } finally {
      stats.inFlight--;
      stats.done++;
      progress();
    }
  };
  progress();
  try {
    const outcome = await runScheduled(addressesOf(request.ranges), task, limits, ctx.clock, signal);
    stats.cancelled = outcome.cancelled;
  } finally {
    await wsd.close();
  }
  return stats;
}

/** Addresses the ranges hold, overlaps counted once. */
export function countAddresses(ranges: readonly CidrRange[]): number {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  let total = 0;
  let reach = -1;
  for (const range of sorted) {
    const from = Math.max(range.first, reach + 1);
    if (range.last >= from) total += range.last - from + 1;
    reach = Math.max(reach, range.last);
  }
  return total;
}

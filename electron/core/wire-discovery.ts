/**
 * Issue #10: every discovery source wired into the core. WS-Discovery, SSDP, mDNS and the unicast sweep are
 * created here (each opens its own socket per interface in the scan's plan); a scan runs the protocols
 * `scan.start` asked for, sweeps the ranges it named (larger than a /16 only when confirmed), and finishes with
 * per interface and protocol counters, hints, the SSDP description counts and the sweep's summary.
 * Observations pass through `mark` first: a sender outside every local subnet is flagged off-subnet, so the
 * inventory never gives it the neighbour table's MAC (the router's).
 * A scan's protocol choice holds for the whole scan: the sources handed to the core are wrapped so that what
 * the always-on listeners (WS-Discovery Hello/Bye, SSDP NOTIFY, mDNS announcements) and the unicast confirmations
 * report while a scan runs is dropped unless that scan chose the protocol. Between scans they report as before.
 */
import { parseCidr, type CidrRange } from '../../shared/cidr.js';
import { multicastProtocols, type ParsedArgs, type ScanDiagnostics } from '../../shared/contract.js';
import type { DiscoverySourceName } from '../../shared/device.js';
import { labelVirtual, onSubnet, type NetInterface } from '../../shared/net.js';
import { fail, ok, type Result } from '../../shared/result.js';
import type { Ports, UdpSocketFactory } from '../platform/ports.js';
import { ScanCounters } from './discovery-counters.js';
import { scanHints } from './discovery-hints.js';
import type { DiscoverySource, SourceContext, SourceStats } from './discovery/source.js';
import { createMdnsSource } from './discovery/mdns/source.js';
import { createSsdpSource } from './discovery/ssdp/source.js';
import type { SweepLimits } from './discovery/sweep/limits.js';
import { countAddresses, type SweepProgress } from './discovery/sweep/run.js';
import { createSweepSource } from './discovery/sweep/source.js';
import { nodeTcpConnect, type TcpConnect } from './discovery/sweep/tcp-connect.js';
import { createWsdSource } from './discovery/wsd/source.js';
import type { Observation } from './inventory/observation.js';
import { runScan, type ScanPlan } from './scan-runner.js';

export interface DiscoveryOptions {
  /** Replaces the default sources (tests); a sweep needs one named `sweep`. */
  sources?: DiscoverySource[];
  /** The sweep's TCP 554 check; a fake in tests. */
  tcpConnect?: TcpConnect;
  sweepLimits?: Partial<SweepLimits>;
}

/** What a scan.start asked for, checked. */
export interface ScanSelection {
  protocols: DiscoverySourceName[];
  sweep: { ranges: CidrRange[]; ports?: number[] } | null;
}

type ScanArgs = ParsedArgs<'scan.start'>;
type BaseDiagnostics = Omit<ScanDiagnostics, 'nonCameras'>;

/** How long the local interface list is reused when marking observations (os.networkInterfaces is a syscall). */
const INTERFACES_TTL_MS = 5000;

/** `protocols` (all three when absent) and `sweep` checked; a range the technician typed wrong is a sentence. */
export function selectScan(args: Pick<ScanArgs, 'protocols' | 'sweep'>): Result<ScanSelection> {
  const protocols = [...new Set(args.protocols ?? multicastProtocols)];
  if (!args.sweep) return ok({ protocols, sweep: null });
  const ranges: CidrRange[] = [];
  for (const text of args.sweep.cidrs) {
    const parsed = parseCidr(text, { confirmLarge: args.sweep.confirmLarge === true });
    if (!parsed.ok) return fail('invalid-args', parsed.error.message);
    ranges.push(parsed.range);
  }
  const ports = args.sweep.ports ? [...new Set(args.sweep.ports)] : undefined;
  return ok({ protocols, sweep: { ranges, ...(ports ? { ports } : {}) } });
}

export function createDiscovery(ports: Ports, options: DiscoveryOptions = {}) {
  let job: { selection: ScanSelection; progress: SweepProgress | null } | null = null;
  const chosenNow = (name: DiscoverySourceName): boolean =>
    !job || (name === 'sweep' ? job.selection.sweep !== null : job.selection.protocols.includes(name));
  /** A listener's or confirmation's context: during a scan, only the scan's protocols get through. */
  const gated = (ctx: SourceContext): SourceContext => ({
    ...ctx,
    report: (observation) => {
      if (chosenNow(observation.source)) ctx.report(observation);
    },
  });
  /**
   * A listener's sockets hand it nothing while a scan that did not choose its protocol runs: the packet is
   * dropped before the listener's budget, dedupe and (SSDP) description fetch, so the same announcement heard
   * again after the scan still counts.
   */
  const quietUnlessChosen =
    (name: DiscoverySourceName, udp: UdpSocketFactory): UdpSocketFactory =>
    (socketOptions) => {
      const socket = udp(socketOptions);
      return {
        bind: (port, address) => socket.bind(port, address),
        send: (data, port, address) => socket.send(data, port, address),
        addMembership: (group, address) => socket.addMembership(group, address),
        dropMembership: (group, address) => socket.dropMembership(group, address),
        setMulticastInterface: (address) => socket.setMulticastInterface(address),
        setMulticastTTL: (ttl) => socket.setMulticastTTL(ttl),
        setMulticastLoopback: (on) => socket.setMulticastLoopback(on),
        ...(socket.setRecvBufferSize ? { setRecvBufferSize: (bytes: number) => socket.setRecvBufferSize?.(bytes) } : {}),
        onMessage: (listener) =>
          socket.onMessage((data, from) => {
            if (chosenNow(name)) listener(data, from);
          }),
        onError: (listener) => socket.onError(listener),
        close: () => socket.close(),
      };
    };
  const created = options.sources ?? [
    createWsdSource(),
    createSsdpSource({ http: ports.http }),
    createMdnsSource(),
    createSweepSource({
      http: ports.http,
      tcpConnect: options.tcpConnect ?? nodeTcpConnect,
      ranges: () => job?.selection.sweep?.ranges ?? [],
      ports: () => job?.selection.sweep?.ports,
      ...(options.sweepLimits ? { limits: options.sweepLimits } : {}),
      onProgress: (progress) => {
        if (job) job.progress = progress;
      },
    }),
  ];
  const sources: DiscoverySource[] = created.map((s) => ({
    name: s.name,
    listen: (ctx) => s.listen({ ...gated(ctx), udp: quietUnlessChosen(s.name, ctx.udp) }),
    scan: (ctx, durationMs, signal) => s.scan(ctx, durationMs, signal),
    close: () => s.close(),
    ...(s.confirm
      ? // During a scan a protocol the technician did not choose sends nothing either.
        { confirm: (ctx: SourceContext, ip: string) => (chosenNow(s.name) ? s.confirm!(gated(ctx), ip) : Promise.resolve(false)) }
      : {}),
  }));
  let local: { at: number; list: NetInterface[] } | null = null;
  const localInterfaces = (): NetInterface[] => {
    const now = ports.clock.now();
    if (!local || now - local.at > INTERFACES_TTL_MS || now < local.at) local = { at: now, list: ports.network.interfaces() };
    return local.list;
  };

  return {
    sources,

    /**
     * Starts the listeners; `only` limits them to those protocols (a one-shot `scan --protocols …` process has
     * no use for the others, and they could report between its scan's end and its device list).
     */
    async listen(ctx: SourceContext, only?: readonly DiscoverySourceName[]): Promise<void> {
      for (const s of sources) if (!only || only.includes(s.name)) await s.listen(ctx);
    },

    /** Every local IPv4 interface, VPN and virtual adapters labelled. */
    interfaces: (): NetInterface[] => labelVirtual(ports.network.interfaces()),

    /** Flags a sender outside every local subnet (a routed camera found by the sweep). */
    mark(observation: Observation): Observation {
      if (observation.kind !== 'alive' || !observation.ip) return observation;
      const ip = observation.ip;
      const offSubnet = !localInterfaces().some((i) => onSubnet(ip, i.address, i.netmask));
      return { ...observation, offSubnet };
    },

    /** Sweep progress for the scan-progress event; undefined without a sweep. */
    progress(): { sweep?: { done: number; total: number } } {
      const sweep = job?.selection.sweep;
      if (!sweep) return {};
      return { sweep: { done: job?.progress?.done ?? 0, total: job?.progress?.total ?? countAddresses(sweep.ranges) } };
    },

    /** Runs the selected sources over the plan; the core's runScan does the timing, this adds the counters. */
    async run(
      selection: ScanSelection,
      plan: ScanPlan,
      ctx: SourceContext,
      signal: AbortSignal,
      onProgress: (elapsedMs: number) => void,
      devicesFound: () => number,
    ): Promise<BaseDiagnostics> {
      const current: { selection: ScanSelection; progress: SweepProgress | null } = { selection, progress: null };
      job = current;
      const counters = new ScanCounters(plan.interfaces);
      const stats = new Map<DiscoverySourceName, SourceStats>();
      const wanted = (name: DiscoverySourceName) => (name === 'sweep' ? selection.sweep !== null : selection.protocols.includes(name));
      const chosen: DiscoverySource[] = sources
        .filter((s) => wanted(s.name))
        .map((s) => ({
          name: s.name,
          listen: (c) => s.listen(c),
          close: () => s.close(),
          scan: async (c, durationMs, sig) => {
            const result = await s.scan(counters.context(s.name, c), durationMs, sig);
            stats.set(s.name, result);
            return result;
          },
        }));
      try {
        const base = await runScan(plan, chosen, ctx, signal, ports.clock, onProgress);
        if (selection.sweep && !sources.some((s) => s.name === 'sweep'))
          base.errors.push('This build cannot sweep; the sweep was skipped.');
        const ssdp = stats.get('ssdp') as (SourceStats & { descriptionsFetched?: number; locationsRefused?: number }) | undefined;
        const sweepStats = stats.get('sweep');
        const sweep: ScanDiagnostics['sweep'] = selection.sweep
          ? {
              cidrs: selection.sweep.ranges.map((r) => r.cidr),
              addresses: countAddresses(selection.sweep.ranges),
              probed: sweepStats?.probesSent ?? 0,
              answered: sweepStats?.repliesReceived ?? 0,
              cancelled: signal.aborted && (sweepStats?.probesSent ?? 0) < countAddresses(selection.sweep.ranges),
            }
          : null;
        const rows = counters.list(selection.protocols.filter((p) => sources.some((s) => s.name === p)));
        const neighbours = await ports.neighbours.read().catch(() => []);
        const hints = scanHints({ interfaces: plan.interfaces, skipped: plan.skipped, rows, neighbours, sweep, devices: devicesFound() });
        return {
          ...base,
          perInterface: rows.map(({ localPort: _, ...row }) => row),
          hints,
          ssdp: { descriptionsFetched: ssdp?.descriptionsFetched ?? 0, locationsRefused: ssdp?.locationsRefused ?? 0 },
          sweep,
        };
      } finally {
        if (job === current) job = null;
      }
    },
  };
}

export type Discovery = ReturnType<typeof createDiscovery>;

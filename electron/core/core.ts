/**
 * The core: one plain object behind every front door (Electron IPC, browser-mode WebSocket, CLI).
 * It owns the device registry and running scans, and emits the contract's events. No electron here.
 */
import { randomUUID } from 'node:crypto';
import type { EventListener, EventName, Handlers, ScanDiagnostics } from '../../shared/contract.js';
import { fail, ok } from '../../shared/result.js';
import { DeviceRegistry, type RegistryChange } from './inventory/registry.js';
import type { DiscoverySource, SourceContext } from './discovery/source.js';
import type { Observation } from './inventory/observation.js';
import { createWsdSource } from './discovery/wsd/source.js';
import { createEnricher } from './identity/enricher.js';
import { warmVendorTable } from './identity/oui.js';
import type { Ports } from '../platform/ports.js';
import { EventHub } from './events.js';
import { planInterfaces, runScan } from './scan-runner.js';

export interface CoreOptions {
  sources?: DiscoverySource[];
  /** Interface names this process may ever use (`--interface`); all usable IPv4 interfaces when absent. */
  allowedInterfaces?: string[];
  defaultScanMs?: number;
}

export interface Core extends Handlers {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /** Start listening for announcements (Hello/Bye) on the allowed interfaces. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createCore(ports: Ports, options: CoreOptions = {}): Core {
  const sources = options.sources ?? [createWsdSource()];
  const registry = new DeviceRegistry();
  const hub = new EventHub();
  let running: { scanId: string; abort: AbortController; done: Promise<void> } | null = null;
  let last: ScanDiagnostics | null = null;

  const publish = (changes: RegistryChange[]) => {
    for (const c of changes) {
      if (c.kind === 'merged') hub.emit('device-merged', { id: c.id, into: c.into });
      else hub.emit(c.kind === 'found' ? 'device-found' : c.kind === 'lost' ? 'device-lost' : 'device-updated', { device: c.device });
    }
  };
  const enricher = createEnricher({
    registry,
    neighbours: ports.neighbours,
    network: ports.network,
    clock: ports.clock,
    log: ports.log,
    onUpdate: (device) => hub.emit('device-updated', { device }),
    confirm: async (ip) => {
      const ctx = context();
      const answers = await Promise.all(sources.map((s) => s.confirm?.(ctx, ip) ?? Promise.resolve(false)));
      return answers.some(Boolean);
    },
  });

  const report = (obs: Observation) => {
    const changes = registry.observe(obs);
    publish(changes);
    for (const c of changes) if (c.kind === 'found' || c.kind === 'updated') enricher.noteObservation(c.device.id, obs);
  };

  const context = (interfaces = planInterfaces(ports.network.interfaces(), options.allowedInterfaces, undefined).interfaces): SourceContext => ({
    interfaces,
    udp: ports.udp,
    clock: ports.clock,
    log: ports.log,
    report,
  });

  const scan = async (scanId: string, durationMs: number, requested: string[] | undefined, abort: AbortController) => {
    const plan = planInterfaces(ports.network.interfaces(), options.allowedInterfaces, requested);
    const found = () => registry.list().filter((d) => d.isCamera && d.online).length;
    let diagnostics: ScanDiagnostics;
    let reason: 'completed' | 'stopped' | 'failed' = 'completed';
    try {
      const stats = await runScan({ scanId, durationMs, ...plan }, sources, context(plan.interfaces), abort.signal, ports.clock, (elapsedMs) =>
        hub.emit('scan-progress', { scanId, elapsedMs, totalMs: durationMs, found: found() }),
      );
      await enricher.refreshNow();
      diagnostics = { ...stats, nonCameras: registry.list().filter((d) => !d.isCamera).length };
      if (abort.signal.aborted) reason = 'stopped';
    } catch (error) {
      reason = 'failed';
      diagnostics = { scanId, startedAt: new Date(ports.clock.now()).toISOString(), interfaces: [], skipped: plan.skipped, probesSent: 0, repliesReceived: 0, dropped: 0, nonCameras: 0, durationMs: 0, errors: [String(error)] };
    }
    last = diagnostics;
    ports.log.info('scan finished', { scanId, reason, found: found(), probesSent: diagnostics.probesSent });
    hub.emit('scan-finished', { scanId, reason, diagnostics });
  };

  return {
    on: (event, listener) => hub.on(event, listener),
    async start() {
      warmVendorTable();
      for (const s of sources) await s.listen(context());
    },
    async close() {
      running?.abort.abort();
      await running?.done;
      enricher.close();
      await Promise.all(sources.map((s) => s.close()));
    },
    async 'scan.start'(args) {
      if (running) return fail('busy', 'A scan is already running; press Stop or wait for it to finish.');
      warmVendorTable();
      const scanId = randomUUID();
      const abort = new AbortController();
      const durationMs = args.timeoutMs ?? options.defaultScanMs ?? 3000;
      const done = scan(scanId, durationMs, args.interfaces, abort).finally(() => {
        running = null;
      });
      running = { scanId, abort, done };
      return ok({ scanId });
    },
    async 'scan.stop'() {
      if (!running) return ok({ stopped: false });
      running.abort.abort();
      await running.done;
      return ok({ stopped: true });
    },
    async 'scan.status'() {
      return ok({ running: running !== null, last });
    },
    async 'devices.list'() {
      return ok({ devices: registry.list() });
    },
    async 'interfaces.list'() {
      return ok({ interfaces: planInterfaces(ports.network.interfaces(), options.allowedInterfaces, undefined).interfaces });
    },
  };
}

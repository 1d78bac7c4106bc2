/**
 * The core: one plain object behind every front door (Electron IPC, browser-mode WebSocket, CLI).
 * It owns the device registry and running scans, and emits the contract's events. No electron here.
 */
import { randomUUID } from 'node:crypto';
import type { EventListener, EventName, Handlers, ScanDiagnostics } from '../../shared/contract.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { DeviceRegistry, type Applied } from './inventory/registry.js';
import type { RecordView } from './inventory/device-record.js';
import { MAX_DEVICES } from '../../shared/limits.js';
import type { DiscoverySource, SourceContext } from './discovery/source.js';
import type { DiscoverySourceName } from '../../shared/device.js';
import type { Observation } from './inventory/observation.js';
import { createDiscovery, selectScan, type DiscoveryOptions, type ScanSelection } from './wire-discovery.js';
import { createEnricher } from './identity/enricher.js';
import { inferIdentity } from './identity/passive.js';
import { warmVendorTable } from './identity/oui.js';
import type { Ports } from '../platform/ports.js';
import { EventHub } from './events.js';
import { planInterfaces } from './scan-runner.js';
import { createCloudService, type CloudServiceOptions } from './cloud/service.js';
import type { CloudEnv } from './cloud/settings.js';
import { createCredentialVault, VaultError } from './devices/vault.js';
import { createIdentifyService } from './devices/identify/service.js';
import type { AttemptPolicy } from './devices/credentials/attempts.js';
import type { SecretStore } from '../platform/secrets.js';
import { createOnboarding, type OnboardingOptions } from './wire-onboarding.js';
import { wireTokens, type TokenWiringOptions } from './wire-tokens.js';
import { moveCamera } from './wire-move.js';

export interface CoreOptions {
  sources?: DiscoverySource[];
  /** Interface names this process may ever use (`--interface`); all usable IPv4 interfaces when absent. */
  allowedInterfaces?: string[];
  defaultScanMs?: number;
  /** CAMERA_FINDER_* overrides for the cloud settings; hosts pass process.env, the core never reads it. */
  env?: CloudEnv;
  /** Which front door this core serves (`ui`, `cli`): recorded with every audit entry. */
  via?: string;
  /** Tuning for tests and the bench (concurrency, retry, watch interval). */
  cloud?: Pick<CloudServiceOptions, 'concurrency' | 'retry' | 'timeoutMs' | 'random' | 'watch'>;
  /**
   * Where camera passwords go (issue #8 §3). The Electron app leaves it unset: ports.secrets, its encrypted store.
   * Browser mode and the CLI pass a memory store, so camera passwords never reach the keychain or disk there.
   */
  credentialStore?: SecretStore;
  /** Tuning for tests and the bench. */
  identify?: { concurrency?: number; policy?: Partial<AttemptPolicy> };
  /** Batch onboarding (issue #11): where the ledger lives, and tuning for tests and the bench. */
  onboarding?: OnboardingOptions;
  /** Token writing (issue #9): concurrency, online-check timing, an on-site gateway. */
  tokens?: TokenWiringOptions;
  /** Sweep tuning and its TCP check (tests, the bench); see wire-discovery.ts. */
  discovery?: Omit<DiscoveryOptions, 'sources'>;
}

export interface Core extends Handlers {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /** Start listening for announcements (Hello/Bye) on the allowed interfaces; `only`: just these protocols' listeners. */
  start(only?: readonly DiscoverySourceName[]): Promise<void>;
  close(): Promise<void>;
  /**
   * Camera records for IPs the technician named (`identify --ip`, no multicast): the existing record holding the
   * IP, else a new one. Returns their ids (fewer when the inventory is full). Host-only, not in the contract.
   */
  addCameraAddresses?(ips: string[]): string[];
}

export function createCore(ports: Ports, options: CoreOptions = {}): Core {
  const discovery = createDiscovery(ports, { ...options.discovery, ...(options.sources ? { sources: options.sources } : {}) });
  const sources = discovery.sources;
  const registry = new DeviceRegistry();
  const hub = new EventHub();
  let running: { scanId: string; abort: AbortController; done: Promise<void> } | null = null;
  let last: ScanDiagnostics | null = null;

  const allowedInterfaces = () => planInterfaces(discovery.interfaces(), options.allowedInterfaces, undefined).interfaces;
  const publishUpdate = (id: string) => {
    const device = registry.get(id);
    if (device) hub.emit('device-updated', { device });
  };
  const enricher = createEnricher({
    inventory: registry,
    neighbours: ports.neighbours,
    network: ports.network,
    usedInterfaces: allowedInterfaces,
    clock: ports.clock,
    log: ports.log,
    onUpdate: publishUpdate,
    confirm: async (ip) => {
      const ctx = context();
      const answers = await Promise.all(sources.map((s) => s.confirm?.(ctx, ip) ?? Promise.resolve(false)));
      return answers.some(Boolean);
    },
  });

  const cloud = createCloudService({
    ...ports,
    ...options.cloud,
    ...(options.env ? { env: options.env } : {}),
    via: options.via ?? 'ui',
    inventory: {
      device: (id) => registry.get(id),
      findByMac: (mac) => registry.findByMac(mac),
      announcedAt: (id) => registry.view(id)?.announcedAt ?? null,
      setCloud: (id, info) => {
        if (registry.setCloud(id, info)) publishUpdate(id);
      },
    },
  });

  const vault = createCredentialVault({
    secrets: options.credentialStore ?? ports.secrets,
    settings: ports.settings,
    ...(options.env ? { env: options.env } : {}),
  });
  const identify = createIdentifyService({
    http: ports.http,
    clock: ports.clock,
    log: ports.log,
    audit: ports.audit,
    vault,
    // The lockout ledger lives in the settings store (the data folder): a repeated CLI run sees earlier failures.
    ledgerStore: {
      load: () => ports.settings.get<unknown>('loginAttempts'),
      save: (data) => ports.settings.set('loginAttempts', data),
    },
    via: options.via ?? 'ui',
    ...(options.identify?.concurrency ? { concurrency: options.identify.concurrency } : {}),
    ...(options.identify?.policy ? { policy: options.identify.policy } : {}),
    inventory: {
      device: (id) => registry.get(id),
      cameras: () => registry.list().filter((d) => d.isCamera),
      addFacts: (id, facts) => {
        registry.addFacts(id, facts, ports.clock.now());
      },
      finish: (id, auth, cloudAgent) => {
        if (registry.setAuth(id, auth, cloudAgent)) publishUpdate(id);
      },
    },
  });

  const cloudInventory = {
    device: (id: string) => registry.get(id),
    setCloud: (id: string, info: Parameters<typeof registry.setCloud>[1], agent?: Parameters<typeof registry.setCloudAgent>[1]) =>
      void ([registry.setCloud(id, info), agent !== undefined && registry.setCloudAgent(id, agent)].some(Boolean) && publishUpdate(id)),
    setAuth: (id: string, auth: Parameters<typeof registry.setAuth>[1]) => void (registry.setAuth(id, auth, null) && publishUpdate(id)),
    setCloudAgent: (id: string, agent: Parameters<typeof registry.setCloudAgent>[1]) =>
      void (registry.setCloudAgent(id, agent) && publishUpdate(id)),
  };
  const tokens = wireTokens({
    ports,
    ...(options.env ? { env: options.env } : {}),
    via: options.via ?? 'ui',
    vault,
    inventory: cloudInventory,
    options: { ...options.tokens, cloud: options.cloud ?? {} },
  });

  const onboarding = createOnboarding({
    clock: ports.clock,
    log: ports.log,
    cloud,
    cameras: () => registry.list().filter((d) => d.isCamera),
    device: (id) => registry.get(id),
    setCloud: (id, info) => {
      if (registry.setCloud(id, info)) publishUpdate(id);
    },
    emit: (job) => hub.emit('onboard-progress', { job }),
    options: options.onboarding ?? {},
    tokens,
    identify: async (ids) => {
      await enricher.refreshNow();
      return identify.run(ids);
    },
  });

  /**
   * One observation → the inventory applies it, identity adds what it implies (MAC hints, vendor), then
   * exactly one found/updated (after any merged) or the lost events of a Bye. Hazard: called per packet
   * during a flood; everything here is O(1) in the number of records.
   */
  const apply = (obs: Observation): Applied | null => {
    try {
      const applied = registry.apply(obs);
      if (applied.kind === 'found' || applied.kind === 'updated') {
        const record = registry.view(applied.id);
        if (record) inferIdentity(record, obs, (facts) => registry.addFacts(applied.id, facts, obs.at));
        enricher.schedule();
      }
      return applied;
    } catch (error) {
      // A source's bug (say, an invalid time) must not throw back into its socket handler.
      ports.log.warn('An observation could not be applied', { source: obs.source, error: String(error) });
      return null;
    }
  };
  const report = (obs: Observation) => {
    const applied = apply(discovery.mark(obs));
    if (!applied) return;
    for (const c of registry.changes(applied)) {
      if (c.kind === 'merged') hub.emit('device-merged', { id: c.id, into: c.into });
      else hub.emit(c.kind === 'found' ? 'device-found' : c.kind === 'lost' ? 'device-lost' : 'device-updated', { device: c.device });
    }
  };

  const context = (interfaces = allowedInterfaces()): SourceContext => ({
    interfaces,
    udp: ports.udp,
    clock: ports.clock,
    log: ports.log,
    report,
  });

  const scan = async (
    scanId: string,
    durationMs: number,
    requested: string[] | undefined,
    selection: ScanSelection,
    abort: AbortController,
  ) => {
    const plan = planInterfaces(discovery.interfaces(), options.allowedInterfaces, requested);
    // Counted on the records, not projections: progress ticks every 250 ms even with MAX_DEVICES records.
    const count = (pick: (r: RecordView) => boolean) => {
      let n = 0;
      for (const r of registry.views()) if (pick(r)) n++;
      return n;
    };
    const found = () => count((r) => r.isCamera && r.online);
    const refusedBefore = registry.stats().refusedFull;
    let diagnostics: ScanDiagnostics;
    let reason: 'completed' | 'stopped' | 'failed' = 'completed';
    try {
      const stats = await discovery.run(
        selection,
        { scanId, durationMs, ...plan },
        context(plan.interfaces),
        abort.signal,
        (elapsedMs) => hub.emit('scan-progress', { scanId, elapsedMs, totalMs: durationMs, found: found(), ...discovery.progress() }),
        () => count((r) => r.online),
      );
      await enricher.refreshNow();
      diagnostics = { ...stats, nonCameras: count((r) => !r.isCamera) };
      const refused = registry.stats().refusedFull - refusedBefore;
      if (refused > 0) diagnostics.errors.push(inventoryFullMessage(refused));
      if (abort.signal.aborted) reason = 'stopped';
    } catch (error) {
      reason = 'failed';
      diagnostics = {
        scanId,
        startedAt: new Date(ports.clock.now()).toISOString(),
        interfaces: [],
        skipped: plan.skipped,
        probesSent: 0,
        repliesReceived: 0,
        dropped: 0,
        nonCameras: 0,
        durationMs: 0,
        errors: [String(error)],
      };
    }
    last = diagnostics;
    ports.log.info('scan finished', { scanId, reason, found: found(), probesSent: diagnostics.probesSent });
    hub.emit('scan-finished', { scanId, reason, diagnostics });
  };

  return {
    on: (event, listener) => hub.on(event, listener),
    async start(only) {
      warmVendorTable();
      await discovery.listen(context(), only);
    },
    async close() {
      running?.abort.abort();
      await running?.done;
      await onboarding.close();
      enricher.close();
      cloud.close();
      await Promise.all(sources.map((s) => s.close()));
    },
    async 'scan.start'(args) {
      if (running) return fail('busy', 'A scan is already running; press Stop or wait for it to finish.');
      const selection = selectScan(args);
      if (!selection.ok) return selection;
      warmVendorTable();
      const scanId = randomUUID();
      const abort = new AbortController();
      const durationMs = args.timeoutMs ?? options.defaultScanMs ?? 3000;
      const done = scan(scanId, durationMs, args.interfaces, selection.value, abort).finally(() => {
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
      return ok({ interfaces: allowedInterfaces() });
    },
    'cloud.settings.get': () => guarded(async () => cloud.getSettings()),
    'cloud.settings.set': (patch) => guarded(async () => cloud.setSettings(patch)),
    'cloud.test': () => guarded(async () => cloud.test()),
    'cloud.register': (args) => guarded(async () => ({ results: await cloud.register(args.cameras) })),
    'credentials.list': () => vaultGuarded(() => vault.list()),
    'credentials.save': (args) => vaultGuarded(() => vault.save(args)),
    'credentials.remove': (args) => vaultGuarded(() => vault.remove(args.name)),
    'identify.run': async (args) => {
      // The neighbour table first: vendor-scoped sets need the vendor, and reconcile needs the ARP MAC.
      await enricher.refreshNow();
      const results = await identify.run(args.deviceIds);
      // Facts learnt (a MAC from ONVIF) may merge records or unlock vendor lookups.
      enricher.schedule();
      return ok({ results });
    },
    addCameraAddresses(ips) {
      const ids: string[] = [];
      for (const ip of ips) {
        const id = registry.ensureByIp(ip, ports.clock.now());
        if (id) ids.push(id);
      }
      return ids;
    },
    'token.write': (args) => guarded(async () => ({ results: await tokens.write(args.cameras, args.rotate ?? false) })),
    'cloud.move': (args) =>
      guarded(() => moveCamera({ http: ports.http, clock: ports.clock, cloud, tokens, inventory: cloudInventory }, args)),
    ...onboarding.handlers,
    'audit.list': async () => ok({ entries: await ports.audit.list(500), path: ports.audit.path }),
  };
}

/**
 * A cloud command's value, or a sentence when a port threw (the secret store refusing to persist, say).
 * The error text is not shown: it could quote a secret the adapter was handed.
 */
async function guarded<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof Error && error.name === 'CloudSettingsError') return fail('invalid-args', error.message);
    const why = error instanceof Error && error.name === 'SecretStoreError' ? ` ${error.message}` : '';
    return fail('unavailable', `The cloud settings could not be read or saved.${why}`);
  }
}

/** Shown in the scan's diagnostics when new devices were refused because the inventory was full. */
function inventoryFullMessage(refused: number): string {
  return (
    `The device list is full (${MAX_DEVICES} devices); ${refused} answers from further devices were ignored. ` +
    'Something on this LAN may be forging replies: restrict the scan to the camera subnet with --interface.'
  );
}

/** A vault command's value, or a sentence; a secret store's own error text is shown only when it is ours. */
async function vaultGuarded<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof VaultError) return fail('invalid-args', error.message);
    const why = error instanceof Error && error.name === 'SecretStoreError' ? ` ${error.message}` : '';
    return fail('unavailable', `The credential set could not be read or saved.${why}`);
  }
}

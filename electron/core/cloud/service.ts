/**
 * The cloud commands behind the contract (`cloud.settings.get|set`, `cloud.test`, `cloud.register`), built by
 * createCore from ports. Clients are built per call from the current settings (env overrides included), so a
 * settings change applies to the next command. Every cloud action lands in the audit log with the front door.
 *
 * Secrets: the license key, provisioning password and sticker passwords enter here and leave only inside HTTP
 * requests; results carry sentences and token descriptions (shared/access-token.ts), never the secrets.
 */
import type { Device } from '../../../shared/device.js';
import type { CloudSettings, RegisterResult } from '../../../shared/contract/cloud.js';
import { cameraId as idFor, cameraIdFromMac, type CameraIdFormat } from '../../../shared/camera-id.js';
import { normaliseMac } from '../../../shared/mac.js';
import type { HttpClient } from '../../platform/http.js';
import type { Clock, Logger, SettingsStore } from '../../platform/ports.js';
import type { AuditLog } from '../../platform/audit-log.js';
import type { SecretStore } from '../../platform/secrets.js';
import { createAdminApi, type AdminApi } from './admin-api.js';
import { appendAudit, auditedAdminApi, auditedProvisioning, type AuditContext } from './audited.js';
import type { RetryPolicy } from './call.js';
import { expectedWait } from './expected-wait.js';
import type { CloudStepClients } from './onboard-steps.js';
import { KeyedQueue, mapLimited } from './limit.js';
import { createProvisioningClient, type ProvisioningClient } from './provisioning.js';
import { registerCamera } from './register.js';
import {
  badServiceUrl,
  describeCloudConfig,
  loadCloudConfig,
  saveCloudPatch,
  type CloudConfig,
  type CloudEnv,
  type CloudSettingsPatch,
} from './settings.js';
import { createCloudWatcher, type CloudWatcher } from './watcher.js';

export const REGISTER_CONCURRENCY = 8;

/** What the service needs of the inventory; the core implements it (capabilities meet there). */
export interface CloudInventory {
  device(id: string): Device | null;
  findByMac(mac: string): string | null;
  /** Epoch ms when the device last announced itself (Hello), or null. */
  announcedAt(id: string): number | null;
  /** Store the device's cloud state and tell the front doors (device-updated). */
  setCloud(id: string, cloud: Device['cloud']): void;
}

export interface CloudServiceOptions {
  http: HttpClient;
  clock: Clock;
  log: Logger;
  settings: SettingsStore;
  secrets: SecretStore;
  audit: AuditLog;
  inventory: CloudInventory;
  env?: CloudEnv;
  via?: string;
  concurrency?: number;
  retry?: RetryPolicy;
  timeoutMs?: number;
  random?: () => number;
  watch?: { intervalMs?: number; maxMs?: number };
}

export interface RegisterRequest {
  deviceId?: string | undefined;
  mac?: string | undefined;
  cameraId?: string | undefined;
  password: string;
  name?: string | undefined;
}

export interface CloudService {
  getSettings(): Promise<CloudSettings>;
  setSettings(patch: CloudSettingsPatch): Promise<CloudSettings>;
  test(): Promise<{ api: { ok: boolean; message: string }; provisioning: { ok: boolean; message: string } }>;
  register(cameras: RegisterRequest[]): Promise<RegisterResult[]>;
  /** Clients and the camera-ID format for a batch job (issue #11); `missing` says what to set up first. */
  jobClients(): Promise<{ idFormat: CameraIdFormat } & ({ clients: CloudStepClients } | { missing: string })>;
  close(): void;
}

type Clients = { admin: AdminApi; provisioning: ProvisioningClient } | { missing: string };

export function createCloudService(o: CloudServiceOptions): CloudService {
  const audit: AuditContext = { audit: o.audit, log: o.log, via: o.via ?? 'ui' };
  const perCamera = new KeyedQueue();
  const common = {
    http: o.http,
    clock: o.clock,
    ...(o.retry ? { retry: o.retry } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.random ? { random: o.random } : {}),
  };
  const config = () => loadCloudConfig(o.settings, o.secrets, o.env);

  const adminFor = (c: CloudConfig): AdminApi | null =>
    c.apiUrl && c.licenseKey && !badServiceUrl(c.apiUrl)
      ? createAdminApi({ ...common, baseUrl: c.apiUrl, licenseKey: c.licenseKey })
      : null;
  const provisioningFor = (c: CloudConfig): ProvisioningClient | null =>
    c.provisioningUrl && c.provisioningUser && c.provisioningPassword && !badServiceUrl(c.provisioningUrl)
      ? createProvisioningClient({ ...common, tokenUrl: c.provisioningUrl, user: c.provisioningUser, password: c.provisioningPassword })
      : null;

  function clientsFor(c: CloudConfig): Clients {
    // An address from the environment is not checked on entry: say what is wrong before any call.
    const badApi = badServiceUrl(c.apiUrl);
    const badProvisioning = badServiceUrl(c.provisioningUrl);
    if (badApi) return { missing: `The cloud API address is unusable: ${badApi}` };
    if (badProvisioning) return { missing: `The provisioning address is unusable: ${badProvisioning}` };
    const admin = adminFor(c);
    const provisioning = provisioningFor(c);
    const missing = [
      !c.apiUrl && 'the cloud API address (CAMERA_FINDER_CLOUD_API_URL)',
      !c.licenseKey && 'the license key (CAMERA_FINDER_LICENSE_KEY)',
      !c.provisioningUser && 'the provisioning user (CAMERA_FINDER_PROVISIONING_USER)',
      !c.provisioningPassword && 'the provisioning password (CAMERA_FINDER_PROVISIONING_PASSWORD)',
    ].filter(Boolean);
    if (!admin || !provisioning) return { missing: `VXG Cloud is not set up: enter ${missing.join(', ')} in the cloud settings.` };
    return { admin: auditedAdminApi(admin, audit), provisioning: auditedProvisioning(provisioning, audit) };
  }

  const watcher: CloudWatcher = createCloudWatcher({
    clock: o.clock,
    log: o.log,
    admin: async () => {
      const c = await config();
      return c.apiUrl && c.licenseKey
        ? createAdminApi({ ...common, baseUrl: c.apiUrl, licenseKey: c.licenseKey, retry: WATCH_RETRY })
        : null;
    },
    onOnline: (deviceId, channelId) => {
      const current = o.inventory.device(deviceId)?.cloud;
      o.inventory.setCloud(deviceId, {
        state: 'online',
        channelId,
        cameraId: current?.cameraId ?? null,
        since: new Date(o.clock.now()).toISOString(),
        message: `Online: VXG Cloud reports channel ${channelId} connected.`,
      });
      void appendAudit(audit, {
        action: 'cloud.online',
        camera: current?.cameraId ?? deviceId,
        result: 'ok',
        message: `Channel ${channelId} is online.`,
      });
    },
    onFailed: (deviceId, channelId, message) => {
      const current = o.inventory.device(deviceId)?.cloud;
      o.inventory.setCloud(deviceId, {
        state: 'failed',
        channelId,
        cameraId: current?.cameraId ?? null,
        since: new Date(o.clock.now()).toISOString(),
        message,
      });
      void appendAudit(audit, { action: 'cloud.watch', camera: current?.cameraId ?? deviceId, result: 'failed', message });
    },
    ...(o.watch?.intervalMs ? { intervalMs: o.watch.intervalMs } : {}),
    ...(o.watch?.maxMs ? { maxMs: o.watch.maxMs } : {}),
  });

  /** Seed-schedule estimate of how long the camera has been polling, from its latest Hello. */
  const sinceStart = (deviceId: string | null): number | null => {
    const at = deviceId ? o.inventory.announcedAt(deviceId) : null;
    return at === null ? null : Math.max(0, o.clock.now() - at);
  };

  async function registerOne(req: RegisterRequest, c: CloudConfig, clients: Clients): Promise<RegisterResult> {
    const device = req.deviceId ? o.inventory.device(req.deviceId) : null;
    const mac = req.mac ?? device?.mac ?? null;
    const normalisedMac = mac ? normaliseMac(mac) : null;
    const deviceId = device?.id ?? (normalisedMac ? o.inventory.findByMac(normalisedMac) : null);
    // A typed MAC without a device and a serial format: the MAC is all we have, so it is the ID.
    const fallback = !device && mac && c.idFormat === 'serial' ? cameraIdFromMac(mac) : null;
    const id = req.cameraId ?? idFor(c.idFormat, { mac, serial: device?.serial ?? null }) ?? fallback;
    const base = { deviceId, channelId: null, channelCreated: false, rolledBack: null, token: null, expectedWait: null } as const;
    const failed = (cameraId: string, message: string): RegisterResult => {
      if (deviceId)
        o.inventory.setCloud(deviceId, {
          state: 'failed',
          channelId: null,
          cameraId: cameraId || null,
          since: new Date(o.clock.now()).toISOString(),
          message,
        });
      return { ...base, cameraId, ok: false, status: 'failed', message };
    };
    if (req.deviceId && !device)
      return failed(req.cameraId ?? '', `No device ${req.deviceId.slice(0, 64)} in the list; scan again and pick the camera.`);
    if (mac && !normalisedMac && !req.cameraId)
      return failed('', `"${mac.slice(0, 64)}" is not a MAC address (expected six hex pairs such as AC:CC:8E:12:AB:34).`);
    if (!id) {
      const what = c.idFormat === 'serial' ? 'serial number' : 'MAC address';
      return failed('', `The camera's ${what} is not known, so it has no camera ID; enter the ID printed on its sticker.`);
    }
    if ('missing' in clients) return failed(id, clients.missing);

    const outcome = await perCamera.run(id, () =>
      registerCamera({
        ...clients,
        cameraId: id,
        mac: normalisedMac?.toUpperCase() ?? null,
        ...(req.name ? { name: req.name } : {}),
        password: req.password,
        log: o.log,
      }),
    );
    await appendAudit(audit, {
      action: 'cloud.register',
      camera: outcome.cameraId || id,
      result: outcome.ok ? 'ok' : 'failed',
      message: outcome.message,
    });
    if (!outcome.ok) {
      return { ...failed(outcome.cameraId || id, outcome.message), rolledBack: outcome.rolledBack };
    }
    const wait = expectedWait(sinceStart(deviceId));
    if (deviceId) {
      const current = o.inventory.device(deviceId)?.cloud;
      const alreadyOnline = current?.state === 'online' && current.channelId === outcome.channelId;
      if (!alreadyOnline) {
        o.inventory.setCloud(deviceId, {
          state: 'polling',
          channelId: outcome.channelId,
          cameraId: outcome.cameraId,
          since: new Date(o.clock.now()).toISOString(),
          message: wait.sentence,
        });
        watcher.watch(deviceId, outcome.channelId, outcome.cameraId);
      }
    }
    return {
      deviceId,
      cameraId: outcome.cameraId,
      ok: true,
      status: outcome.status,
      channelId: outcome.channelId,
      channelCreated: outcome.channelCreated,
      rolledBack: null,
      message: outcome.message,
      token: outcome.token,
      expectedWait: wait,
    };
  }

  return {
    async getSettings() {
      return describeCloudConfig(await config(), o.secrets);
    },
    async setSettings(patch) {
      const changed = await saveCloudPatch(o.settings, o.secrets, patch);
      if (changed.length)
        await appendAudit(audit, {
          action: 'settings.change',
          camera: null,
          result: 'ok',
          message: `Cloud settings changed: ${changed.join(', ')}.`,
        });
      return describeCloudConfig(await config(), o.secrets);
    },
    async test() {
      const c = await config();
      const api = await testAdmin(adminFor(c));
      const provisioning = await testProvisioning(provisioningFor(c));
      for (const [service, check] of [
        ['admin API', api],
        ['provisioning service', provisioning],
      ] as const) {
        await appendAudit(audit, {
          action: 'cloud.test',
          camera: null,
          result: check.ok ? 'ok' : 'failed',
          message: `${service}: ${check.message}`,
        });
      }
      return { api, provisioning };
    },
    async register(cameras) {
      const c = await config();
      const clients = clientsFor(c);
      return mapLimited(cameras, o.concurrency ?? REGISTER_CONCURRENCY, (req) => registerOne(req, c, clients));
    },
    async jobClients() {
      const c = await config();
      const clients = clientsFor(c);
      return 'missing' in clients ? { idFormat: c.idFormat, missing: clients.missing } : { idFormat: c.idFormat, clients };
    },
    close: () => watcher.close(),
  };
}

/** The watcher reads often; one quick retry is enough, the next tick is the real retry. */
const WATCH_RETRY: RetryPolicy = { attempts: 2, baseDelayMs: 500, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 };

async function testAdmin(admin: AdminApi | null): Promise<{ ok: boolean; message: string }> {
  if (!admin) return { ok: false, message: 'Enter the cloud API address and the license key first.' };
  const result = await admin.countChannels();
  if (!result.ok) return { ok: false, message: result.failure.message };
  return { ok: true, message: `Connected to VXG Cloud: the account has ${result.value} channel${result.value === 1 ? '' : 's'}.` };
}

async function testProvisioning(client: ProvisioningClient | null): Promise<{ ok: boolean; message: string }> {
  if (!client) return { ok: false, message: 'Enter the provisioning user name and password first.' };
  const result = await client.countRecords();
  if (!result.ok) return { ok: false, message: result.failure.message };
  return { ok: true, message: `Connected to the provisioning service: ${result.value} camera record${result.value === 1 ? '' : 's'}.` };
}

/**
 * `token.write` (issue #9): where the token writers (devices/token-writers), the credential vault, the cloud
 * clients and the inventory meet. Per camera: find the token (a channel's, a pasted one, or the camera's own
 * channel found or created by its camera ID), pick the writer that fits, log in with the credential set that
 * identified the camera, write → read back → restart → online, and keep the record's cloud state in step
 * (`token-delivered` → `online`, each change a device-updated event). Every step lands in the audit log as
 * `camera.token.<step>`; `cloud.move` (wire-move.ts) reuses `writeOne` and `clearOne`.
 *
 * Secrets: a pasted or channel token goes only into the writer (which reveals it only into the request);
 * camera passwords come from the vault into the writer. Results, steps, audit entries and log lines carry
 * sentences and channel numbers, never a token or a password.
 */
import { decodeAccessToken, unwritableReason, type AccessToken } from '../../shared/access-token.js';
import { cameraId as idFor } from '../../shared/camera-id.js';
import type { TokenWriteResult } from '../../shared/contract/tokens.js';
import type { Device } from '../../shared/device.js';
import type { Ports } from '../platform/ports.js';
import { createAdminApi, type AdminApi } from './cloud/admin-api.js';
import { appendAudit, auditedAdminApi, type AuditContext } from './cloud/audited.js';
import type { RetryPolicy } from './cloud/call.js';
import { KeyedQueue, mapLimited } from './cloud/limit.js';
import { createOnlineCheck } from './cloud/online-check.js';
import { channelToken, ownChannel } from './cloud/own-channel.js';
import { badServiceUrl, loadCloudConfig, type CloudConfig, type CloudEnv } from './cloud/settings.js';
import { deviceServiceUrl } from './devices/identify/identify-camera.js';
import { createAxisAgentWriter } from './devices/token-writers/axis-vxg-agent.js';
import { createGatewayWriter } from './devices/token-writers/vxg-gateway.js';
import type { ConfirmOnline, TokenWriteOutcome, TokenWriteStep, TokenWriter } from './devices/token-writers/writer.js';
import type { CredentialVault } from './devices/vault.js';

export const TOKEN_WRITE_CONCURRENCY = 16;

export interface TokenWiringOptions {
  /** Cameras written at once (default 16); one write at a time per camera. */
  concurrency?: number;
  /** The online check after the restart: first wait and deadline (defaults 250 ms, 60 s). */
  online?: { intervalMs?: number; maxMs?: number };
  /**
   * A VXG gateway on site. The cloud settings have no gateway fields yet, so no front door passes one: the
   * gateway writer is wired only when a host (or a test) does.
   */
  gateway?: { url: string; credentials: { username: string; password: string } };
  /** Cloud client tuning, as for registration (only retry and timeout are used here). */
  cloud?: { retry?: RetryPolicy; timeoutMs?: number };
}

export interface TokenInventory {
  device(id: string): Device | null;
  setCloud(id: string, cloud: Device['cloud']): void;
  /** Record that the camera refused the set that identified it (so the next write does not try it again). */
  setAuth?(id: string, auth: NonNullable<Device['auth']>): void;
}

export interface TokenWiringDeps {
  ports: Pick<Ports, 'http' | 'clock' | 'log' | 'audit' | 'settings' | 'secrets'>;
  env?: CloudEnv;
  via: string;
  vault: CredentialVault;
  inventory: TokenInventory;
  options?: TokenWiringOptions;
}

export interface WriteTarget {
  deviceId: string;
  channelId?: number | undefined;
  token?: string | undefined;
}

/** One cloud setup per command: config read once, clients built from it (null when not configured). */
export interface CloudSetup {
  config: CloudConfig;
  /** Audited admin client (channel find/create/delete land in the audit log). */
  admin: AdminApi | null;
  /** The online check, reading channels without an audit entry per read. */
  confirm: ConfirmOnline | null;
}

export interface TokenWiring {
  write(targets: WriteTarget[], rotate: boolean): Promise<TokenWriteResult[]>;
  /** One camera; `setup` lets cloud.move reuse the command's cloud setup. */
  writeOne(target: WriteTarget, rotate: boolean, setup: CloudSetup): Promise<TokenWriteResult>;
  /** Empty the camera's token so it polls again (cloud.move clear-token). */
  clearOne(deviceId: string): Promise<TokenWriteResult>;
  cloudSetup(): Promise<CloudSetup>;
  audit: AuditContext;
}

type Step = TokenWriteStep;

export function wireTokens(deps: TokenWiringDeps): TokenWiring {
  const { ports, vault, inventory } = deps;
  const options = deps.options ?? {};
  const audit: AuditContext = { audit: ports.audit, log: ports.log, via: deps.via };
  const perCamera = new KeyedQueue();
  const common = {
    http: ports.http,
    clock: ports.clock,
    ...(options.cloud?.retry ? { retry: options.cloud.retry } : {}),
    ...(options.cloud?.timeoutMs ? { timeoutMs: options.cloud.timeoutMs } : {}),
  };

  async function cloudSetup(): Promise<CloudSetup> {
    const config = await loadCloudConfig(ports.settings, ports.secrets, deps.env);
    if (!config.apiUrl || !config.licenseKey || badServiceUrl(config.apiUrl)) return { config, admin: null, confirm: null };
    const raw = createAdminApi({ ...common, baseUrl: config.apiUrl, licenseKey: config.licenseKey });
    const quiet = createAdminApi({ ...common, baseUrl: config.apiUrl, licenseKey: config.licenseKey, retry: CONFIRM_RETRY });
    return {
      config,
      admin: auditedAdminApi(raw, audit),
      confirm: createOnlineCheck(quiet, { clock: ports.clock, ...options.online }),
    };
  }

  /** The writers for this camera's write: the Axis agent with the set that identified it, then the gateway. */
  async function writersFor(device: Device, confirm: ConfirmOnline | null): Promise<TokenWriter[]> {
    const setName = device.auth?.status === 'authenticated' ? device.auth.set : null;
    const sets = setName ? await vault.setsFor(device) : [];
    const set = sets.find((s) => s.name === setName) ?? null;
    const credentials = set ? { username: set.username, password: set.password } : null;
    const ip = device.ip ?? '';
    const axis = createAxisAgentWriter({
      http: ports.http,
      credentialsFor: () => credentials,
      // VAPIX on the origin identification used (an Axis camera serves ONVIF and VAPIX on one port).
      baseUrlFor: () => vapixOrigin(ip, device.onvif?.xaddrs ?? []),
      ...(confirm ? { confirmOnline: confirm } : {}),
    });
    const gateway = options.gateway
      ? [createGatewayWriter({ http: ports.http, ...options.gateway, ...(confirm ? { confirmOnline: confirm } : {}) })]
      : [];
    return [axis, ...gateway];
  }

  const label = (device: Device, setup: CloudSetup | null): string =>
    device.cloud.cameraId ?? (setup ? idFor(setup.config.idFormat, device) : null) ?? device.mac ?? device.ip ?? device.id;

  async function writeOne(target: WriteTarget, rotate: boolean, setup: CloudSetup): Promise<TokenWriteResult> {
    const steps: Step[] = [];
    const device = inventory.device(target.deviceId);
    const who = device ? label(device, setup) : target.deviceId.slice(0, 64);
    const prefix = rotate ? 'Rotation: ' : '';
    const note = (step: Step): void => {
      if (steps.length < 31) steps.push(step);
      void appendAudit(audit, { action: `camera.token.${step.step}`, camera: who, result: step.result, message: prefix + step.message });
    };
    const finish = async (result: Omit<TokenWriteResult, 'deviceId' | 'steps'>): Promise<TokenWriteResult> => {
      await appendAudit(audit, {
        action: rotate ? 'camera.token.rotate' : 'camera.token.write',
        camera: who,
        result: result.ok ? 'ok' : 'failed',
        message: result.message,
      });
      ports.log.info('token write', {
        deviceId: target.deviceId,
        status: result.status,
        channelId: result.channelId,
        writer: result.writer,
      });
      return { deviceId: target.deviceId, steps, ...result };
    };
    const refuse = (message: string, writer: string | null = null) => {
      note({ step: 'check', result: 'failed', message });
      return finish({
        ok: false,
        status: 'unchanged',
        failedStep: 'check',
        channelId: null,
        writer,
        message: `${message} Nothing was changed.`,
      });
    };

    if (!device) return refuse(`No device ${who} in the list; scan again and pick the camera.`);
    if (rotate && (target.channelId !== undefined || target.token !== undefined))
      return refuse("Rotation re-writes the camera's own channel token; leave out the channel and the token.");

    // 1. The token: pasted (checked by the codec before any camera request), a channel's, or the camera's own.
    let token: AccessToken;
    let createdChannel: number | null = null;
    let confirm = setup.confirm;
    if (target.token !== undefined) {
      const decoded = decodeAccessToken(target.token);
      if (!decoded.ok) return refuse(`The pasted token cannot be used: ${decoded.message}`);
      token = decoded.token;
      const why = unwritableReason(token);
      if (why || token.camid === null) return refuse(`The pasted token cannot be written to a camera: ${why ?? 'it names no channel.'}`);
      if (setup.admin) {
        // Online is checked only for a channel of the configured account; another account's channel is not visible.
        const known = await channelToken(setup.admin, token.camid);
        if (!known.ok) {
          confirm = null;
          note({ step: 'check', result: 'info', message: `${known.message} Whether the camera comes online is not checked.` });
        }
      }
    } else if (!setup.admin) {
      return refuse(
        'VXG Cloud is not set up, so no channel token can be fetched: enter the cloud API address and license key in the cloud settings (or paste a token).',
      );
    } else if (target.channelId !== undefined) {
      const read = await channelToken(setup.admin, target.channelId);
      if (!read.ok) return refuse(read.message);
      token = read.token;
      note({ step: 'check', result: 'info', message: `Using channel ${target.channelId}'s access token.` });
    } else {
      const cameraId = device.cloud.cameraId ?? idFor(setup.config.idFormat, device);
      if (!cameraId)
        return refuse(
          `The camera's ${setup.config.idFormat === 'serial' ? 'serial number' : 'MAC address'} is not known, so it has no camera ID; identify it first.`,
        );
      const own = await ownChannel(setup.admin, { cameraId, mac: device.mac?.toUpperCase() ?? null, create: !rotate });
      if (!own.ok) {
        if (own.created && own.channelId !== null) await setup.admin.deleteChannel(own.channelId);
        return refuse(own.message);
      }
      token = own.token;
      if (own.created) createdChannel = own.channelId;
      note({ step: 'check', result: 'info', message: `${own.message} Writing its current access token.` });
    }

    // 2. The writer, with what identification recorded.
    const writers = await writersFor(device, confirm);
    const fits = writers.map((w) => ({ w, fit: w.fits(device) }));
    const writer = fits.find((f) => f.fit.fits)?.w;
    if (!writer) {
      if (createdChannel !== null) await setup.admin?.deleteChannel(createdChannel);
      const why = fits.map((f) => (f.fit.fits ? '' : f.fit.reason))[0] ?? 'No token writer fits this camera.';
      return refuse(why);
    }

    // 3. Write, with the record following along: token-delivered once the agent restarted, online once confirmed.
    const before = device.cloud;
    const channelId = token.camid;
    const outcome: TokenWriteOutcome = await writer.write({
      camera: device,
      token,
      // The forced change: a camera holding another channel's token is moved on purpose.
      force: true,
      onStep: (step) => {
        note(step);
        if (step.step === 'restart' && step.result === 'ok' && channelId !== null)
          setState(
            device.id,
            before,
            'token-delivered',
            channelId,
            `Token for channel ${channelId} written; waiting for the channel to report online.`,
          );
      },
    });
    noteRefusal(device, outcome);
    if (outcome.status === 'written') {
      const online = confirm !== null;
      setState(device.id, before, online ? 'online' : 'token-delivered', outcome.channelId, outcome.message);
    } else if (outcome.status === 'rollback-failed') {
      setState(device.id, before, 'failed', before.channelId, outcome.message);
    } else if (inventory.device(device.id)?.cloud !== before) {
      inventory.setCloud(device.id, before);
    }
    if (outcome.status !== 'written' && outcome.status !== 'rollback-failed' && createdChannel !== null)
      await setup.admin?.deleteChannel(createdChannel);
    return finish({
      ok: outcome.status === 'written',
      status: outcome.status,
      failedStep: outcome.failedStep,
      channelId: outcome.channelId,
      writer: writer.name,
      message: outcome.message,
    });
  }

  /** Each refusal counts towards the camera's lockout: until identified again, writes refuse without a login. */
  function noteRefusal(device: Device, outcome: TokenWriteOutcome): void {
    if (!outcome.loginRefused) return;
    inventory.setAuth?.(device.id, {
      status: outcome.loginRefused === 'locked' ? 'locked' : 'refused',
      set: device.auth?.set ?? null,
      message: `${outcome.message} Identify the camera again with the right credentials before writing.`.slice(0, 1024),
      at: new Date(ports.clock.now()).toISOString(),
    });
  }

  function setState(id: string, before: Device['cloud'], state: Device['cloud']['state'], channelId: number | null, message: string): void {
    inventory.setCloud(id, {
      state,
      channelId,
      cameraId: before.cameraId,
      since: new Date(ports.clock.now()).toISOString(),
      message: message.slice(0, 1024),
    });
  }

  async function clearOne(deviceId: string): Promise<TokenWriteResult> {
    const steps: Step[] = [];
    const device = inventory.device(deviceId);
    const who = device?.cloud.cameraId ?? device?.mac ?? device?.ip ?? deviceId.slice(0, 64);
    const note = (step: Step): void => {
      if (steps.length < 31) steps.push(step);
      void appendAudit(audit, {
        action: `camera.token.${step.step}`,
        camera: who,
        result: step.result,
        message: `Clearing: ${step.message}`,
      });
    };
    const done = (result: Omit<TokenWriteResult, 'deviceId' | 'steps'>): TokenWriteResult => ({ deviceId, steps, ...result });
    const refuse = (message: string, writer: string | null = null): TokenWriteResult => {
      note({ step: 'check', result: 'failed', message });
      return done({
        ok: false,
        status: 'unchanged',
        failedStep: 'check',
        channelId: null,
        writer,
        message: `${message} Nothing was changed.`,
      });
    };
    if (!device) return refuse(`No device ${who} in the list; scan again and pick the camera.`);
    const writers = (await writersFor(device, null)).filter((w) => w.clear);
    const writer = writers.find((w) => w.fits(device).fits);
    if (!writer?.clear) {
      const fit = writers[0]?.fits(device);
      return refuse(fit && !fit.fits ? fit.reason : 'No token writer can empty the token on this camera.');
    }
    const outcome = await writer.clear({ camera: device, onStep: note });
    noteRefusal(device, outcome);
    await appendAudit(audit, {
      action: 'camera.token.clear',
      camera: who,
      result: outcome.status === 'written' ? 'ok' : 'failed',
      message: outcome.message,
    });
    return done({
      ok: outcome.status === 'written',
      status: outcome.status,
      failedStep: outcome.failedStep,
      channelId: null,
      writer: writer.name,
      message: outcome.message,
    });
  }

  return {
    audit,
    cloudSetup,
    writeOne: (target, rotate, setup) =>
      perCamera.run(target.deviceId, () => safely(target.deviceId, () => writeOne(target, rotate, setup))),
    clearOne: (deviceId) => perCamera.run(deviceId, () => safely(deviceId, () => clearOne(deviceId))),
    async write(targets, rotate) {
      const setup = await cloudSetup();
      return mapLimited(targets, options.concurrency ?? TOKEN_WRITE_CONCURRENCY, (target) =>
        perCamera.run(target.deviceId, () => safely(target.deviceId, () => writeOne(target, rotate, setup))),
      );
    },
  };

  /** Every request answered: a bug below becomes this camera's failed result, not a rejected command. */
  async function safely(deviceId: string, run: () => Promise<TokenWriteResult>): Promise<TokenWriteResult> {
    try {
      return await run();
    } catch (error) {
      ports.log.warn('token write stopped', { deviceId, error: error instanceof Error ? error.name : 'unknown' });
      return {
        deviceId,
        ok: false,
        status: 'unchanged',
        failedStep: null,
        channelId: null,
        writer: null,
        steps: [],
        message: 'The token write stopped with an internal error before it finished; check the camera in the list and try again.',
      };
    }
  }
}

/** The online check reads often; one quick retry is enough, the next read is the real retry. */
const CONFIRM_RETRY: RetryPolicy = { attempts: 2, baseDelayMs: 250, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };

/** Where identification spoke VAPIX: the ONVIF service's origin on the camera's own IP, else http://<ip>. */
function vapixOrigin(ip: string, xaddrs: readonly string[]): string {
  try {
    return new URL(deviceServiceUrl(ip, xaddrs)).origin;
  } catch {
    return `http://${ip.includes(':') ? `[${ip}]` : ip}`;
  }
}

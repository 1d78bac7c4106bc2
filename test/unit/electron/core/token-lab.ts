/**
 * The real core on fake ports for token writing (issue #9): Axis cameras with VXG Cloud Agent on 127.9.x.y
 * (ONVIF + VAPIX on one port, as an Axis camera serves them), one or two cloud simulators on 127.0.0.1, and an
 * HTTP port that sends http://127.9.x.y/… to that camera's ephemeral port, lets the cloud simulators through
 * and refuses (and records) anything else. The cameras are scanned, their credential set saved and identified
 * through the contract before a test writes, exactly as a technician would.
 */
import { createCore, type Core, type CoreOptions } from '../../../../electron/core/core.js';
import { createMemoryAuditLog, type AuditLog } from '../../../../electron/platform/audit-log.js';
import { systemClock } from '../../../../electron/platform/clock.js';
import { createNodeHttpClient, type HttpClient } from '../../../../electron/platform/http.js';
import type { LogFields, Ports } from '../../../../electron/platform/ports.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../electron/platform/settings.js';
import type { Device } from '../../../../shared/device.js';
import { dispatch } from '../../../../shared/dispatch.js';
import { startCloudSim, type CloudSim } from '../../../sim/cloud/cloud-sim.js';
import { cloudSimConnector, createAgentCamera, type AgentCamera } from '../../../sim/vapix/agent-camera.js';
import type { AgentInstall } from '../../../sim/vapix/vapix.js';
import { BOSCH } from './devices/onvif/onvif-fixture.js';
import { scriptedSource, startCamera, type LabCamera } from './devices/identify/lab-core.js';

export const CAMERA_PASSWORD = 'Vapix-root-Pw-71';
export const STICKER = 'sticker-Pw-9913';
export const CLOUD = { licenseKey: 'LK-token-lab-secret-4411', provisioningUser: 'cf-tokens', provisioningPassword: 'prov-tokens-pw-77' };
export const OLD_CLOUD = { licenseKey: 'LK-old-account-secret-0099', provisioningUser: 'cf-old', provisioningPassword: 'prov-old-pw-55' };

export interface TokenCamera {
  ip: string;
  serial: string;
  mac: string;
  agent: AgentCamera;
  lab: LabCamera;
  deviceId: string;
}

export interface TokenLab {
  core: Core;
  cloud: CloudSim;
  /** A second account (for cloud.move); null unless asked for. */
  oldCloud: CloudSim | null;
  cameras: TokenCamera[];
  audit: AuditLog;
  logs: string[];
  strayRequests: string[];
  devices(): Promise<Map<string, Device>>;
  close(): Promise<void>;
}

export interface CameraPlan {
  agent?: AgentInstall;
  /** The token the camera holds at the start ('' = none). */
  cloudToken?: string | ((cloud: CloudSim, oldCloud: CloudSim | null) => string);
}

const serialOf = (n: number) => `ACCC8E09${n.toString(16).toUpperCase().padStart(4, '0')}`;
const macOf = (serial: string) => serial.toLowerCase().match(/../g)!.join(':');

/** The agent's connection, over HTTP as the agent would: whichever simulator minted the token marks its channel online. */
function connectTo(clouds: CloudSim[], serialId: string): (token: string) => Promise<unknown> {
  return async (token) => {
    for (const c of clouds) if ((await cloudSimConnector(c.url, serialId)(token)) !== null) return c.url;
    return null;
  };
}

export interface TokenRig {
  cloud: CloudSim;
  oldCloud: CloudSim | null;
  cameras: TokenCamera[];
  audit: AuditLog;
  logs: string[];
  strayRequests: string[];
  ports: Ports;
  /** CAMERA_FINDER_* for the (new) account's simulator. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Cameras, cloud simulator(s) and ports, without a core: the CLI spec lets runCli build its own. */
export async function startTokenRig(plans: CameraPlan[], options: { oldAccount?: boolean; firstIp?: number } = {}): Promise<TokenRig> {
  const cloud = await startCloudSim({ host: '127.0.0.1', ...CLOUD });
  const oldCloud = options.oldAccount ? await startCloudSim({ host: '127.0.0.1', ...OLD_CLOUD }) : null;
  const clouds = oldCloud ? [cloud, oldCloud] : [cloud];
  const cameras: TokenCamera[] = [];
  for (const [i, plan] of plans.entries()) {
    const n = (options.firstIp ?? 10) + i;
    // 127.9.0.10, 127.9.0.11 … 127.9.1.4 …: the whole of 127/8 is loopback, so a bench can have hundreds.
    const ip = `127.9.${n >> 8}.${n & 0xff}`;
    const serial = serialOf(n);
    const cloudToken = typeof plan.cloudToken === 'function' ? plan.cloudToken(cloud, oldCloud) : (plan.cloudToken ?? '');
    const agent = createAgentCamera({
      profile: {
        serial,
        model: 'P3265-LVE',
        firmware: '11.11.73',
        users: { root: CAMERA_PASSWORD },
        agent: plan.agent ?? 'running',
        cloudToken,
      },
      connect: connectTo(clouds, serial),
    });
    const lab = await startCamera(
      ip,
      {
        auth: 'digest-md5',
        users: { root: CAMERA_PASSWORD },
        facts: { ...BOSCH, ip, manufacturer: 'AXIS', model: 'P3265-LVE', firmware: '11.11.73', serial, mac: macOf(serial) },
      },
      [agent],
    );
    cameras.push({ ip, serial, mac: macOf(serial), agent, lab, deviceId: '' });
  }

  const logs: string[] = [];
  const strayRequests: string[] = [];
  const line = (level: string) => (message: string, fields?: LogFields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  const audit = createMemoryAuditLog();
  const ports: Ports = {
    udp: () => {
      throw new Error('no sockets in unit tests');
    },
    clock: systemClock,
    log: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
    settings: createMemorySettings(),
    network: { interfaces: () => [{ name: 'lab0', address: '127.0.0.1', netmask: '255.0.0.0', cidr: '127.0.0.1/8', mac: null }] },
    neighbours: { read: async () => [] },
    http: routed(
      cameras.map((c) => c.lab),
      clouds.map((c) => new URL(c.url).host),
      strayRequests,
    ),
    secrets: createMemorySecretStore(),
    audit,
  };
  const env = {
    CAMERA_FINDER_CLOUD_API_URL: cloud.url,
    CAMERA_FINDER_LICENSE_KEY: CLOUD.licenseKey,
    CAMERA_FINDER_PROVISIONING_URL: `${cloud.url}/v1/token`,
    CAMERA_FINDER_PROVISIONING_USER: CLOUD.provisioningUser,
    CAMERA_FINDER_PROVISIONING_PASSWORD: CLOUD.provisioningPassword,
  };
  return {
    cloud,
    oldCloud,
    cameras,
    audit,
    logs,
    strayRequests,
    ports,
    env,
    close: async () => {
      await Promise.all(cameras.map((c) => c.lab.server.close()));
      await cloud.close();
      await oldCloud?.close();
    },
  };
}

/** Fast online checks and cloud watch for tests. */
export const FAST: CoreOptions = { cloud: { watch: { intervalMs: 20 } }, tokens: { online: { intervalMs: 10, maxMs: 1500 } } };

export async function startTokenLab(
  plans: CameraPlan[],
  options: { oldAccount?: boolean; core?: CoreOptions; firstIp?: number } = {},
): Promise<TokenLab> {
  const rig = await startTokenRig(plans, options);
  const { cameras } = rig;
  const seen = () =>
    cameras.map((c) => ({
      source: 'wsd' as const,
      kind: 'alive' as const,
      at: Date.now(),
      ip: c.ip,
      interface: 'lab0',
      endpoint: `uuid-${c.ip}`,
      isCamera: true,
      facts: [{ name: 'manufacturer' as const, value: 'AXIS', source: 'wsd-scope' as const, hint: false }],
      onvif: { endpoint: `uuid-${c.ip}`, xaddrs: [`http://${c.ip}/onvif/device_service`], scopes: [], types: [], metadataVersion: 1 },
    }));
  const core = createCore(rig.ports, {
    sources: [scriptedSource(seen)],
    allowedInterfaces: ['lab0'],
    via: 'ui',
    env: rig.env,
    ...FAST,
    ...options.core,
  });

  const devices = async () => {
    const listed = await dispatch(core, 'devices.list', {});
    if (!listed.ok) throw new Error(listed.message);
    return new Map(listed.value.devices.map((d) => [d.ip ?? d.id, d]));
  };
  const done = new Promise<void>((resolve) => core.on('scan-finished', () => resolve()));
  await dispatch(core, 'scan.start', { timeoutMs: 200 });
  await done;
  const saved = await dispatch(core, 'credentials.save', {
    name: 'axis root',
    scope: 'vendor',
    match: 'axis',
    username: 'root',
    password: CAMERA_PASSWORD,
  });
  if (!saved.ok) throw new Error(saved.message);
  const identified = await dispatch(core, 'identify.run', {});
  if (!identified.ok) throw new Error(identified.message);
  const byIp = await devices();
  for (const c of cameras) c.deviceId = byIp.get(c.ip)!.id;

  return {
    core,
    cloud: rig.cloud,
    oldCloud: rig.oldCloud,
    cameras,
    audit: rig.audit,
    logs: rig.logs,
    strayRequests: rig.strayRequests,
    devices,
    close: async () => {
      await core.close();
      await rig.close();
    },
  };
}

/** http://<camera ip>/… to the camera's port; the cloud simulators pass; anything else is refused and recorded. */
function routed(cameras: LabCamera[], cloudHosts: string[], stray: string[]): HttpClient {
  const real = createNodeHttpClient();
  return {
    request: async (req) => {
      const url = new URL(req.url);
      if (cloudHosts.includes(url.host)) return real.request(req);
      const camera = cameras.find((c) => c.ip === url.hostname && (url.port === '' || url.port === String(c.server.port)));
      if (!camera) {
        stray.push(req.url);
        return { ok: false, kind: 'network', message: 'connection refused.' };
      }
      url.port = String(camera.server.port);
      return real.request({ ...req, url: url.href });
    },
  };
}

/** The secrets in a raw token: the whole string and its inner `token` field. */
export function secretsOf(raw: string): string[] {
  const inner = (JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { token: string }).token;
  return [raw, inner];
}

/** Every secret the lab knows: passwords, license keys, every token the simulators minted. */
export function labSecrets(lab: Pick<TokenLab, 'cloud' | 'oldCloud'>): string[] {
  const clouds = lab.oldCloud ? [lab.cloud, lab.oldCloud] : [lab.cloud];
  const tokens = clouds.flatMap((c) =>
    [...c.state.channels.values()].flatMap((ch) => [...secretsOf(ch.allToken), ...secretsOf(ch.watchToken)]),
  );
  return [CAMERA_PASSWORD, STICKER, ...Object.values(CLOUD), ...Object.values(OLD_CLOUD), ...tokens].filter((s) => s.length >= 6);
}

/**
 * The real core on fake ports with simulated cameras on 127.0.0.x: each camera has its own loopback IP (as on a
 * LAN), and the HTTP port sends http://127.0.0.x/… to that camera's ephemeral port. Requests to any other host
 * are refused and recorded, so a test can prove where passwords did (not) go.
 */
import { createCore, type Core, type CoreOptions } from '../../../../../../electron/core/core.js';
import type { DiscoverySource } from '../../../../../../electron/core/discovery/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import { createMemoryAuditLog, type AuditLog } from '../../../../../../electron/platform/audit-log.js';
import { createNodeHttpClient, type HttpClient } from '../../../../../../electron/platform/http.js';
import type { NeighbourEntry, Ports } from '../../../../../../electron/platform/ports.js';
import { createMemorySecretStore, type SecretStore } from '../../../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../../../electron/platform/settings.js';
import { systemClock } from '../../../../../../electron/platform/clock.js';
import type { LogFields } from '../../../../../../electron/platform/ports.js';
import { createOnvifDevice, type OnvifDevice, type OnvifDeviceProfile } from '../../../../../sim/onvif-device/device.js';
import { BOSCH } from '../onvif/onvif-fixture.js';
import { onvifHandler, startSimServer, type RequestHandler, type SimServer } from '../../../../../sim/onvif-device/server.js';

export interface LabCamera {
  ip: string;
  device: OnvifDevice;
  server: SimServer;
}

export interface LabCore {
  core: Core;
  audit: AuditLog;
  logs: string[];
  /** URLs the core asked for on hosts that are no camera of this lab. */
  strayRequests: string[];
  neighbours: NeighbourEntry[];
  close(): Promise<void>;
}

export async function startCamera(
  ip: string,
  profile: Partial<OnvifDeviceProfile> & Pick<OnvifDeviceProfile, 'auth' | 'users'>,
  extra: RequestHandler[] = [],
): Promise<LabCamera> {
  const device = createOnvifDevice({ facts: { ...BOSCH, ip }, ...profile });
  const server = await startSimServer({ host: ip, handlers: [onvifHandler(device), ...extra] });
  return { ip, device, server };
}

/** Rewrites http://<camera ip>/… to the camera's port; anything else is refused and recorded. */
function routedHttp(cameras: LabCamera[], stray: string[]): HttpClient {
  const real = createNodeHttpClient();
  return {
    request: async (req) => {
      const url = new URL(req.url);
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

/** A discovery source that reports the given observations on every scan. */
export function scriptedSource(observations: () => Observation[]): DiscoverySource {
  return {
    name: 'wsd',
    listen: async () => {},
    close: async () => {},
    scan: async (ctx) => {
      for (const obs of observations()) ctx.report(obs);
      return { probesSent: 1, repliesReceived: 1, dropped: 0, errors: [], skipped: [] };
    },
  };
}

export function startLabCore(
  cameras: LabCamera[],
  options: CoreOptions & { secrets?: SecretStore; interfaceAddress?: string } = {},
): LabCore {
  const logs: string[] = [];
  const strayRequests: string[] = [];
  const neighbours: NeighbourEntry[] = [];
  const line = (level: string) => (message: string, fields?: LogFields) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  const audit = createMemoryAuditLog();
  const ports: Ports = {
    udp: () => {
      throw new Error('no sockets in unit tests');
    },
    clock: systemClock,
    log: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
    settings: createMemorySettings(),
    network: {
      interfaces: () => [
        { name: 'lab0', address: options.interfaceAddress ?? '127.0.0.1', netmask: '255.0.0.0', cidr: '127.0.0.1/8', mac: null },
      ],
    },
    neighbours: { read: async () => neighbours },
    http: routedHttp(cameras, strayRequests),
    secrets: options.secrets ?? createMemorySecretStore(),
    audit,
  };
  const core = createCore(ports, { allowedInterfaces: ['lab0'], ...options });
  return {
    core,
    audit,
    logs,
    strayRequests,
    neighbours,
    close: async () => {
      await core.close();
      await Promise.all(cameras.map((c) => c.server.close()));
    },
  };
}

/**
 * A lab camera's HTTP side (issue #8): its ONVIF device service — and, for Axis, VAPIX on the same port — on
 * <camera ip>:80 inside the camera's namespace. Started by camera-sim.ts, so one process serves every camera of
 * a namespace. The MAC in GetNetworkInterfaces is the camera's own interface MAC as the kernel reports it.
 */
import { cameraSerial, hex12 } from './camera-serial.js';
import { createOnvifDevice, type OnvifDevice } from './onvif-device/device.js';
import { getProfile } from './profiles.js';
import { onvifHandler, startSimServer, type RequestHandler, type SimServer } from './onvif-device/server.js';
import type { SimCameraConfig, SimDeviceState } from './sim-protocol.js';
import { createAgentCamera, type AgentCamera } from './vapix/agent-camera.js';

const MANUFACTURER: Record<string, string> = {
  axis: 'AXIS',
  hikvision: 'HIKVISION',
  dahua: 'Dahua',
  reolink: 'Reolink',
  'soap11-oem': 'IPCAM',
};

export interface CameraDevice {
  state(): SimDeviceState;
  /** Axis with VAPIX: its VXG Cloud Agent (token, restarts, faults); null otherwise. */
  agent: AgentCamera | null;
  close(): Promise<void>;
}

/**
 * Ports the camera serves its device service on: 80 (where `identify --ip` asks) plus the port its WS-Discovery
 * XAddrs advertise (Reolink 8000, the SOAP 1.1 OEM 8899), read from the profile's own ProbeMatches.
 */
function servicePorts(cfg: SimCameraConfig): number[] {
  const text = getProfile(cfg.profile).probeMatches(cfg, { relatesTo: 'urn:uuid:0', instanceId: 1, messageNumber: 1 }).toString('utf8');
  const escaped = cfg.ip.replaceAll('.', '\\.');
  const ports = [...text.matchAll(new RegExp(`http://${escaped}(?::(\\d+))?/`, 'g'))].map((m) => Number(m[1] ?? 80));
  return [...new Set([80, ...ports])];
}

/** Starts the device service of one camera, or returns null when its config has none. */
export async function startCameraDevice(
  cfg: SimCameraConfig,
  hooks: { agentRestarted?: (token: string) => void } = {},
): Promise<CameraDevice | null> {
  const d = cfg.device;
  if (!d) return null;
  const manufacturer = d.manufacturer ?? MANUFACTURER[cfg.profile] ?? 'Generic';
  // Axis: serial = MAC (12 hex digits); others: the config's serial (e.g. an 18-digit Bosch-like one) or one from the MAC.
  const serial = cameraSerial(cfg);
  const onvif: OnvifDevice = createOnvifDevice({
    facts: {
      manufacturer,
      model: cfg.model,
      firmware: d.firmware ?? '5.7.3',
      serial,
      hardwareId: '88',
      mac: cfg.mac,
      ip: cfg.ip,
      scopes: [`onvif://www.onvif.org/hardware/${encodeURIComponent(cfg.model)}`, `onvif://www.onvif.org/name/${manufacturer}`],
    },
    users: d.users,
    auth: d.auth,
    ...(d.clockSkewMs === undefined ? {} : { clockSkewMs: d.clockSkewMs }),
    ...(d.noUtc ? { clock: { sendUtc: false } } : {}),
    ...(d.lockout ? { lockout: d.lockout } : {}),
  });
  const handlers: RequestHandler[] = [onvifHandler(onvif)];
  let vapix: AgentCamera | null = null;
  if (d.vapix && cfg.profile === 'axis') {
    // The agent camera is the VAPIX simulator plus the agent's restart/connect/faults (issue #9); with no faults
    // armed it answers exactly as the plain VAPIX simulator does. Connecting is camera-sim's job (hook).
    vapix = createAgentCamera({
      profile: {
        serial: hex12(cfg.mac),
        model: cfg.model,
        firmware: d.firmware ?? '11.11.73',
        users: d.users,
        agent: d.vapix.agent,
        cloudToken: d.vapix.cloudToken,
      },
      ...(hooks.agentRestarted ? { restarted: hooks.agentRestarted } : {}),
    });
    handlers.push(vapix);
  }
  const servers: SimServer[] = await Promise.all(servicePorts(cfg).map((port) => startSimServer({ host: cfg.ip, port, handlers })));
  return {
    agent: vapix,
    state: () => ({
      requests: onvif.state.requests,
      failures: onvif.state.failures,
      lockouts: onvif.state.lockouts,
      successes: onvif.state.successes,
      locked: onvif.isLocked(),
      vapixRequests: vapix?.state.requests ?? 0,
      vapixFailures: vapix?.state.failures ?? 0,
    }),
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
}

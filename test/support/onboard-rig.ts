/**
 * A site for onboarding tests and the bench without sockets on the LAN: the cloud simulator on 127.0.0.1, a
 * discovery source that "finds" N cameras as soon as the core listens (no packet is sent), and a fleet that
 * plays the cameras' side of provisioning (each asks the simulator for its record, then connects with the token).
 */
import type { DiscoverySource, SourceContext } from '../../electron/core/discovery/source.js';
import { createNodePorts } from '../../electron/platform/node-ports.js';
import type { Ports } from '../../electron/platform/ports.js';
import type { Observation } from '../../electron/core/inventory/observation.js';
import type { CloudSim } from '../sim/cloud/cloud-sim.js';

export const RIG_SECRETS = {
  licenseKey: 'LK-onboard-rig-5e1a0c7d-licence',
  provisioningUser: 'cf-onboard-rig',
  provisioningPassword: 'prov-rig-93c1d0e2',
};

export interface RigCamera {
  ip: string;
  /** Lower-case colon MAC. */
  mac: string;
  serial: string;
  password: string;
}

/** Camera i (1-based) of a site: 198.18.x.y addresses, locally administered MACs, sticker passwords. */
export function rigCamera(i: number): RigCamera {
  const hex = [i >> 16, (i >> 8) & 0xff, i & 0xff].map((b) => b.toString(16).padStart(2, '0'));
  return {
    ip: `198.18.${10 + (i >> 8)}.${i & 0xff}`,
    mac: `02:cf:0b:${hex.join(':')}`,
    serial: `SN${String(i).padStart(6, '0')}`,
    password: `sticker;"${i}",Zq`,
  };
}

export const rigCameraId = (camera: RigCamera) => camera.mac.replaceAll(':', '').toUpperCase();

/** The technician's sheet for these cameras (semicolon-delimited, quoted passwords holding `;`, `,` and `"`). */
export function rigCsv(cameras: readonly RigCamera[], extraLines: string[] = []): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return (
    ['mac;password;name', ...cameras.map((c) => `${c.mac.toUpperCase()};${quote(c.password)};Cam ${c.serial}`), ...extraLines].join(
      '\r\n',
    ) + '\r\n'
  );
}

/** Reports every camera once when the core starts listening; never opens a socket. */
export function rigSource(cameras: readonly RigCamera[], at = Date.now()): DiscoverySource {
  const observation = (camera: RigCamera): Observation => ({
    source: 'wsd',
    kind: 'alive',
    at,
    ip: camera.ip,
    interface: 'lab0',
    endpoint: `rig-${camera.serial.toLowerCase()}`,
    isCamera: true,
    facts: [
      { name: 'mac', value: camera.mac, source: 'arp', hint: false },
      { name: 'serial', value: camera.serial, source: 'wsd-scope', hint: false },
      { name: 'model', value: 'M1065-L', source: 'wsd-scope', hint: false },
    ],
    onvif: null,
  });
  return {
    name: 'wsd',
    async listen(ctx: SourceContext) {
      for (const camera of cameras) ctx.report(observation(camera));
    },
    async scan() {
      return { probesSent: 0, repliesReceived: 0, dropped: 0, errors: [], skipped: [] };
    },
    async close() {},
  };
}

export function rigEnv(url: string): Record<string, string> {
  return {
    CAMERA_FINDER_CLOUD_API_URL: url,
    CAMERA_FINDER_LICENSE_KEY: RIG_SECRETS.licenseKey,
    CAMERA_FINDER_PROVISIONING_URL: `${url}/v1/token`,
    CAMERA_FINDER_PROVISIONING_USER: RIG_SECRETS.provisioningUser,
    CAMERA_FINDER_PROVISIONING_PASSWORD: RIG_SECRETS.provisioningPassword,
  };
}

/**
 * The cameras' side: every `everyMs` each camera whose record exists (with its own password) connects with
 * the record's token, as a polling camera would. Returns a stop function.
 */
export function startRigFleet(sim: CloudSim, cameras: readonly RigCamera[], everyMs = 20): () => void {
  const byId = new Map(cameras.map((c) => [rigCameraId(c), c]));
  const online = new Set<string>();
  const timer = setInterval(() => {
    for (const record of sim.state.records.values()) {
      if (online.has(record.serialId)) continue;
      const camera = byId.get(record.serialId);
      if (!camera || camera.password !== record.password) continue;
      if (sim.state.connect(record.accessToken, record.serialId)) online.add(record.serialId);
    }
  }, everyMs);
  return () => clearInterval(timer);
}

/**
 * The rig's ports: the machine's real HTTP (to the cloud simulator on 127.0.0.1) with no UDP socket at all, so a
 * rig run can never send discovery traffic from the machine's own namespace, whatever source a test wires in.
 */
export function rigPorts(...args: Parameters<typeof createNodePorts>): Ports {
  return {
    ...createNodePorts(...args),
    udp: () => {
      throw new Error('The onboarding rig opens no UDP socket: discovery traffic belongs in a lab namespace.');
    },
  };
}

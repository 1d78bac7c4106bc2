/**
 * An Axis camera running VXG Cloud Agent, for the token writer (issue #9): the VAPIX simulator (vapix.ts) plus
 * what the agent does around its CloudToken parameter —
 * - after `control.cgi?action=restart&package=VXGCloudAgent` the agent connects to the cloud with the token it
 *   holds (an injected `connect(token)`; `cloudSimConnector` posts to the cloud simulator's /sim/camera/connect);
 * - faults on demand, each a count of upcoming calls that fail:
 *   `write`     param.cgi update answers "# Request failed …" (echoing the value, as cameras do) and stores nothing;
 *   `readBack`  the write is stored altered (a camera that decodes "+" as a space, else cuts the last character),
 *               so the read-back differs from what was sent;
 *   `restart`   control.cgi answers "Error: 1" and the agent keeps running with what it had.
 * Bad credentials get 401 from the VAPIX simulator's Digest gate (and count in state.failures).
 */
import type { IncomingMessage } from 'node:http';
import type { RawReply } from '../onvif-device/device.js';
import { createVapixDevice, type VapixDevice, type VapixProfile } from './vapix.js';

export interface AgentFaults {
  write: number;
  readBack: number;
  restart: number;
}

export interface AgentCamera extends VapixDevice {
  faults: AgentFaults;
  /** Every token the agent connected to the cloud with, oldest first (after each successful restart). */
  connections: string[];
  /** Resolves when every connect the agent started has finished. */
  idle(): Promise<void>;
}

export interface AgentCameraOptions {
  profile: VapixProfile;
  /** What the agent does with its token after a restart; none = the camera is offline. */
  connect?: (token: string) => Promise<unknown>;
  /**
   * Told after every successful restart with the token the agent now holds ('' = cleared), e.g. so the lab
   * camera's provisioning loop stops polling (a token) or starts again (none). Called after `connect`.
   */
  restarted?: (token: string) => void;
}

const text = (body: string): RawReply => ({ status: 200, headers: { 'content-type': 'text/plain' }, body });
const TOKEN_KEY = 'root.VXGCloudAgent.CloudToken';

export function createAgentCamera(options: AgentCameraOptions): AgentCamera {
  const device = createVapixDevice(options.profile);
  const faults: AgentFaults = { write: 0, readBack: 0, restart: 0 };
  const connections: string[] = [];
  const pending = new Set<Promise<unknown>>();

  const answer = (req: IncomingMessage, body: string): RawReply | null => {
    const url = new URL(req.url ?? '/', 'http://camera');
    const isUpdate =
      url.pathname === '/axis-cgi/param.cgi' && url.searchParams.get('action') === 'update' && url.searchParams.has(TOKEN_KEY);
    const isRestart =
      url.pathname === '/axis-cgi/applications/control.cgi' &&
      url.searchParams.get('action') === 'restart' &&
      url.searchParams.get('package') === 'VXGCloudAgent';
    const tokenBefore = device.state.cloudToken;
    const restartsBefore = device.state.restarts;
    const reply = device.answer(req, body);
    if (!reply || reply.status !== 200 || reply.body.trim() !== 'OK') return reply;

    if (isUpdate && faults.write > 0) {
      faults.write -= 1;
      const value = url.searchParams.get(TOKEN_KEY) ?? '';
      device.state.cloudToken = tokenBefore;
      return text(`# Request failed: Error setting '${TOKEN_KEY}' to '${value}'!\r\n`);
    }
    if (isUpdate && faults.readBack > 0) {
      faults.readBack -= 1;
      const stored = device.state.cloudToken;
      device.state.cloudToken = stored.includes('+') ? stored.replaceAll('+', ' ') : stored.slice(0, -1);
    }
    if (isRestart && faults.restart > 0) {
      faults.restart -= 1;
      device.state.restarts = restartsBefore;
      return text('Error: 1');
    }
    if (isRestart && device.state.cloudToken && options.connect) {
      const token = device.state.cloudToken;
      connections.push(token);
      const done: Promise<unknown> = options.connect(token).catch(() => undefined);
      pending.add(done);
      void done.finally(() => pending.delete(done));
    } else if (isRestart && device.state.cloudToken) connections.push(device.state.cloudToken);
    if (isRestart) options.restarted?.(device.state.cloudToken);
    return reply;
  };

  return {
    state: device.state,
    faults,
    connections,
    answer,
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

/** A `connect` that announces the camera to the cloud simulator the way its agent would connect. */
export function cloudSimConnector(cloudUrl: string, serialId: string): (token: string) => Promise<number | null> {
  return async (token) => {
    const res = await fetch(`${cloudUrl}/sim/camera/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access_token: token, serial_id: serialId }),
    });
    const body = (await res.json()) as { channel_id?: number };
    return res.ok ? (body.channel_id ?? null) : null;
  };
}

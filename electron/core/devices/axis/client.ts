/**
 * Axis VAPIX, the subset identification needs (shared/reference/vxg-cloud.md §5.1), with HTTP Digest:
 * basic device info (Axis serial = MAC), whether VXG's cloud agent (`VXGCloudAgent`) is installed and
 * running, and whether it holds a cloud token — "has token" / "no token", never the token itself except
 * through readCloudToken(), which returns an object that cannot print itself.
 */
import { normaliseMac } from '../../../../shared/mac.js';
import { createDigestClient } from '../../../platform/http-digest.js';
import { parseJson, type HttpClient, type HttpOutcome, type HttpRequest } from '../../../platform/http.js';
import { DEVICE_CALL_TIMEOUT_MS, MAX_DEVICE_REPLY_BYTES, fail, ok, saysLocked, type DeviceResult } from '../failure.js';
import { CameraCloudToken } from './cloud-token.js';
import {
  deviceInfoFromParams,
  parseApplicationList,
  parseBasicDeviceInfo,
  parseParamList,
  type AxisApplication,
  type AxisDeviceInfo,
} from './parse.js';

export const AGENT_PACKAGE = 'VXGCloudAgent';

export interface AxisIdentity extends AxisDeviceInfo {
  /** From the serial when it is 12 hex digits (Axis serial = MAC). */
  mac: string | null;
}

export type AgentState = 'running' | 'stopped' | 'absent';

export interface AgentStatus {
  state: AgentState;
  version: string | null;
  /** Sentence for the UI. */
  sentence: string;
}

export type CloudTokenState = 'has-token' | 'no-token' | 'agent-absent';

export interface VapixClientOptions {
  http: HttpClient;
  /** http://camera-ip (or :port) */
  baseUrl: string;
  credentials: { username: string; password: string };
  timeoutMs?: number;
}

export interface VapixClient {
  deviceInfo(): Promise<DeviceResult<AxisIdentity>>;
  applications(): Promise<DeviceResult<AxisApplication[]>>;
  agentStatus(): Promise<DeviceResult<AgentStatus>>;
  cloudTokenState(): Promise<DeviceResult<CloudTokenState>>;
  /** For the token writer only: the current token, or null when the agent holds none. */
  readCloudToken(): Promise<DeviceResult<CameraCloudToken | null>>;
}

export function createVapixClient(options: VapixClientOptions): VapixClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const http = createDigestClient(options.http, options.credentials);
  const timeoutMs = Math.min(options.timeoutMs ?? DEVICE_CALL_TIMEOUT_MS, DEVICE_CALL_TIMEOUT_MS);
  let host = base;
  try {
    host = new URL(base).host;
  } catch {
    // the request reports it
  }

  const send = async (req: Omit<HttpRequest, 'timeoutMs' | 'maxResponseBytes'>, what: string): Promise<DeviceResult<string>> => {
    const outcome: HttpOutcome = await http.request({ ...req, timeoutMs, maxResponseBytes: MAX_DEVICE_REPLY_BYTES });
    if (!outcome.ok) {
      if (outcome.kind === 'too-large')
        return fail('bad-reply', `The camera at ${host} sent a reply larger than 64 KiB to ${what}; we did not read it.`);
      return fail('unreachable', `The camera at ${host} did not answer ${what}: ${outcome.message}`);
    }
    const { status, body } = outcome.response;
    if (status === 423 || ((status === 401 || status === 403) && saysLocked(body))) {
      return fail(
        'locked',
        `The camera at ${host} has locked this account after too many attempts (HTTP ${status}). Wait before trying again.`,
        status,
      );
    }
    if (status === 401) return fail('unauthorized', `The camera at ${host} refused the user name or password (HTTP 401).`, status);
    if (status === 403)
      return fail(
        'unauthorized',
        `The camera at ${host} accepted the login but this user may not ${what}; use an administrator account.`,
        status,
      );
    if (status === 404)
      return fail('not-supported', `The camera at ${host} does not offer ${what} (HTTP 404); it may not be an Axis camera.`, status);
    if (status !== 200) return fail('bad-reply', `The camera at ${host} answered ${what} with HTTP ${status}.`, status);
    return ok(body);
  };

  const listParams = async (group: string, what: string): Promise<DeviceResult<Map<string, string> | null>> => {
    const body = await send({ method: 'GET', url: `${base}/axis-cgi/param.cgi?action=list&group=${encodeURIComponent(group)}` }, what);
    if (!body.ok) return body;
    const parsed = parseParamList(body.value);
    if (parsed.ok) return ok(parsed.params);
    // "# Error: Error -1 getting param in group 'root.X'": the group does not exist on this camera.
    if (/error/i.test(parsed.error) && /group|param/i.test(parsed.error)) return ok(null);
    return fail('bad-reply', `The camera at ${host} sent something we could not read for ${what}: ${parsed.error}.`);
  };

  const agentParams = (): Promise<DeviceResult<Map<string, string> | null>> =>
    listParams(`root.${AGENT_PACKAGE}`, "read VXG Cloud Agent's settings");
  const tokenIn = (params: Map<string, string>): string | null => {
    const raw = (params.get(`root.${AGENT_PACKAGE}.CloudToken`) ?? '').trim();
    return raw.length === 0 ? null : raw;
  };

  const client: VapixClient = {
    async deviceInfo() {
      const body = await send(
        {
          method: 'POST',
          url: `${base}/axis-cgi/basicdeviceinfo.cgi`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ apiVersion: '1.0', context: 'camera-finder', method: 'getAllProperties' }),
        },
        'read its device information',
      );
      let info: AxisDeviceInfo | null = null;
      if (body.ok) info = parseBasicDeviceInfo(parseJson(body.value));
      else if (body.failure.kind !== 'not-supported') return body;
      if (info === null) {
        // Older firmware has no basicdeviceinfo.cgi: the same facts are parameters.
        const params = await listParams('root.Brand,root.Properties', 'read its device information');
        if (!params.ok) return params;
        if (params.value === null)
          return fail('not-supported', `The camera at ${host} did not give its device information; it may not be an Axis camera.`);
        info = deviceInfoFromParams(params.value);
      }
      const mac = /^[0-9A-Fa-f]{12}$/.test(info.serial) ? normaliseMac(info.serial) : null;
      return ok({ ...info, mac });
    },

    async applications() {
      const body = await send({ method: 'GET', url: `${base}/axis-cgi/applications/list.cgi` }, 'list its applications');
      if (!body.ok) return body;
      const parsed = parseApplicationList(body.value);
      return parsed.ok
        ? ok(parsed.applications)
        : fail('bad-reply', `The camera at ${host} sent an application list we could not read: ${parsed.error}.`);
    },

    async agentStatus() {
      const apps = await client.applications();
      if (!apps.ok) return apps;
      const agent = apps.value.find((app) => app.name === AGENT_PACKAGE);
      if (!agent) {
        return ok({
          state: 'absent',
          version: null,
          sentence: `VXG Cloud Agent is not installed on the camera at ${host}; install it before writing a token.`,
        });
      }
      const running = agent.status.toLowerCase() === 'running';
      return ok({
        state: running ? 'running' : 'stopped',
        version: agent.version || null,
        sentence: running
          ? `VXG Cloud Agent ${agent.version} is running on the camera at ${host}.`
          : `VXG Cloud Agent ${agent.version} is installed on the camera at ${host} but ${agent.status ? `"${agent.status}"` : 'not running'}; start it in the camera's Apps page.`,
      });
    },

    async cloudTokenState() {
      const params = await agentParams();
      if (!params.ok) return params;
      if (params.value === null) return ok('agent-absent');
      return ok(tokenIn(params.value) === null ? 'no-token' : 'has-token');
    },

    async readCloudToken() {
      const params = await agentParams();
      if (!params.ok) return params;
      if (params.value === null)
        return fail('not-supported', `VXG Cloud Agent is not installed on the camera at ${host}, so it holds no cloud token.`);
      const raw = tokenIn(params.value);
      return ok(raw === null ? null : new CameraCloudToken(raw));
    },
  };
  return client;
}

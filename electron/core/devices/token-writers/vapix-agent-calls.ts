/**
 * The two VAPIX calls that change a camera (shared/reference/vxg-cloud.md §5.1) and that the identification
 * client does not make: `param.cgi?action=update` for `root.VXGCloudAgent.CloudToken`, and
 * `applications/control.cgi?action=restart&package=VXGCloudAgent`. Both answer plain `OK`; anything else fails.
 *
 * Hazards: the token travels in the query, percent-encoded (base64 `+` would arrive as a space, `/` and `=`
 * would split the pair) [INF]; a camera may echo the value it refused ("Error setting '…' to '<token>'"),
 * so no reply body ever reaches a sentence; the HTTP port's own messages name the host only, never the URL.
 */
import { createDigestClient } from '../../../platform/http-digest.js';
import type { HttpClient } from '../../../platform/http.js';
import { AGENT_PACKAGE } from '../axis/client.js';
import { DEVICE_CALL_TIMEOUT_MS, MAX_DEVICE_REPLY_BYTES, fail, ok, saysLocked, type DeviceResult } from '../failure.js';

export interface AgentCalls {
  /** Set CloudToken to `value` exactly ('' clears it: the agent goes back to polling). */
  setCloudToken(value: string): Promise<DeviceResult<void>>;
  restartAgent(): Promise<DeviceResult<void>>;
}

export function createAgentCalls(options: {
  http: HttpClient;
  baseUrl: string;
  credentials: { username: string; password: string };
}): AgentCalls {
  const base = options.baseUrl.replace(/\/+$/, '');
  const http = createDigestClient(options.http, options.credentials);
  let host = base;
  try {
    host = new URL(base).host;
  } catch {
    // the request reports it
  }

  const call = async (path: string, what: string): Promise<DeviceResult<void>> => {
    const outcome = await http.request({
      method: 'GET',
      url: `${base}${path}`,
      timeoutMs: DEVICE_CALL_TIMEOUT_MS,
      maxResponseBytes: MAX_DEVICE_REPLY_BYTES,
    });
    if (!outcome.ok) return fail('unreachable', `The camera at ${host} did not answer when asked to ${what}: ${outcome.message}`);
    const { status, body } = outcome.response;
    if (status === 423 || ((status === 401 || status === 403) && saysLocked(body)))
      return fail('locked', `The camera at ${host} has locked this account (HTTP ${status}); wait before trying again.`, status);
    if (status === 401) return fail('unauthorized', `The camera at ${host} refused the user name or password (HTTP 401).`, status);
    if (status === 403)
      return fail('unauthorized', `The camera at ${host} would not let this user ${what}; use an administrator account.`, status);
    if (status !== 200) return fail('bad-reply', `The camera at ${host} answered HTTP ${status} when asked to ${what}.`, status);
    // Success is the bare word OK; "# Error…", "Error: 6" and the like are failures. The body is not quoted.
    if (body.trim() !== 'OK') return fail('bad-reply', `The camera at ${host} did not accept the request to ${what}.`);
    return ok(undefined);
  };

  return {
    setCloudToken: (value) =>
      call(
        `/axis-cgi/param.cgi?action=update&${encodeURIComponent(`root.${AGENT_PACKAGE}.CloudToken`)}=${encodeURIComponent(value)}`,
        "store the cloud token in VXG Cloud Agent's settings",
      ),
    restartAgent: () => call(`/axis-cgi/applications/control.cgi?action=restart&package=${AGENT_PACKAGE}`, 'restart VXG Cloud Agent'),
  };
}

/**
 * Token writer for cameras that reach VXG Cloud through a VXG docker gateway on site
 * (shared/reference/vxg-cloud.md §5.4 [CODE W3]): log in (`POST /api/auth-token/` → `Token <t>`), add the camera
 * with its channel's access token (`POST /api/add-camera/`), restart the gateway's cameras (`POST /api/restart/`;
 * the OpenWRT gateway requires it, for the docker gateway it is [INF]), then confirm online. If the restart or
 * the online check fails, the camera is removed again (`DELETE /api/cameras/{camid}/`) and the gateway restarted.
 *
 * Limits: the gateway API has no read of a camera's token, so there is no read-back, and a camera the gateway
 * already carried under the same channel is replaced, not restored, by a rollback [INF]. Hazard: gateway replies
 * are untrusted and may echo the request; no reply body reaches a sentence.
 */
import { unwritableReason } from '../../../../shared/access-token.js';
import { parseJson, type HttpClient, type HttpOutcome } from '../../../platform/http.js';
import { DEVICE_CALL_TIMEOUT_MS, MAX_DEVICE_REPLY_BYTES } from '../failure.js';
import {
  cameraLabel,
  confirmSafely,
  redactor,
  stepReporter,
  type ConfirmOnline,
  type TokenWriteOutcome,
  type TokenWriteRequest,
  type TokenWriter,
} from './writer.js';

export interface GatewayWriterOptions {
  http: HttpClient;
  /** http(s)://gateway[:port] as configured for the site. */
  url: string;
  credentials: { username: string; password: string };
  confirmOnline?: ConfirmOnline;
  /** The camera's ports as the gateway should use them; defaults 80 / 554. */
  httpPort?: number;
  rtspPort?: number;
}

type Call = { ok: true; status: number; body: unknown } | { ok: false; message: string };

export function createGatewayWriter(options: GatewayWriterOptions): TokenWriter {
  const base = options.url.replace(/\/+$/, '');
  let where = base;
  try {
    where = new URL(base).host;
  } catch {
    // the request reports it
  }

  const call = async (method: 'POST' | 'DELETE', path: string, headers: Record<string, string>, body?: unknown): Promise<Call> => {
    const outcome: HttpOutcome = await options.http.request({
      method,
      url: `${base}${path}`,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      timeoutMs: DEVICE_CALL_TIMEOUT_MS,
      maxResponseBytes: MAX_DEVICE_REPLY_BYTES,
    });
    if (!outcome.ok) return { ok: false, message: `The VXG gateway at ${where} did not answer: ${outcome.message}` };
    return { ok: true, status: outcome.response.status, body: parseJson(outcome.response.body) };
  };

  return {
    name: 'vxg-gateway',

    fits(camera) {
      return camera.ip === null ? { fits: false, reason: 'The gateway needs the camera’s IP address.' } : { fits: true };
    },

    async write(request): Promise<TokenWriteOutcome> {
      // The gateway's replies are never quoted, but a sentence built later must not be the first to leak.
      const secrets = redactor([request.token.reveal(), options.credentials.password]);
      const outcome = await writeSteps(request, secrets.hide);
      return { ...outcome, message: secrets.hide(outcome.message) };
    },
  };

  async function writeSteps({ camera, token, onStep }: TokenWriteRequest, hide: (text: string) => string): Promise<TokenWriteOutcome> {
    const report = stepReporter(onStep, hide);
    const label = cameraLabel(camera);
    const channel = token.camid;
    const unchanged = (step: 'check' | 'write', message: string): TokenWriteOutcome => {
      report({ step, result: 'failed', message });
      return { status: 'unchanged', failedStep: step, channelId: null, message };
    };

    const unwritable = unwritableReason(token);
    if (unwritable) return unchanged('check', `Nothing was sent to the VXG gateway at ${where}. ${unwritable}`);
    if (camera.ip === null) return unchanged('check', 'The gateway needs the camera’s IP address; scan again to find it.');

    // Login. A refusal ends the attempt: one failed login, nothing changed.
    const login = await call('POST', '/api/auth-token/', {}, options.credentials);
    if (!login.ok) return unchanged('check', `${login.message} Nothing was changed.`);
    // Untrusted: it goes into a header, so only visible ASCII (a CR/LF would make node throw or split the header).
    const session = login.status === 200 ? stringField(login.body, 'token') : null;
    if (session === null)
      return unchanged(
        'check',
        login.status === 400 || login.status === 401 || login.status === 403
          ? `The VXG gateway at ${where} refused the user name or password (HTTP ${login.status}). Nothing was changed.`
          : `The VXG gateway at ${where} answered the login with HTTP ${login.status} and no session. Nothing was changed.`,
      );
    report({ step: 'check', result: 'ok', message: `Logged in to the VXG gateway at ${where}.` });
    const auth = { authorization: `Token ${session}` };

    const added = await call('POST', '/api/add-camera/', auth, {
      ip: camera.ip,
      http_port: options.httpPort ?? 80,
      rtsp_port: options.rtspPort ?? 554,
      is_active: false,
      pid: null,
      access_token: token.reveal(),
      rtsp_only: false,
      ...(camera.serial ? { serial: camera.serial } : {}),
      ...(camera.mac ? { mac: camera.mac } : {}),
    });
    if (!added.ok || (added.status !== 200 && added.status !== 201))
      return unchanged(
        'write',
        `${added.ok ? `The VXG gateway at ${where} did not add the camera at ${label} (HTTP ${added.status}).` : added.message} Nothing was changed.`,
      );
    report({ step: 'write', result: 'ok', message: `The VXG gateway at ${where} added the camera at ${label} for channel ${channel}.` });

    const failAndRemove = async (step: 'restart' | 'confirm', reason: string): Promise<TokenWriteOutcome> => {
      report({ step, result: 'failed', message: reason });
      const removed = await call('DELETE', `/api/cameras/${channel}/`, auth);
      const gone = removed.ok && (removed.status === 204 || removed.status === 200 || removed.status === 404);
      const restarted = gone ? await call('POST', '/api/restart/', auth) : null;
      const ok = gone && restarted !== null && restarted.ok && restarted.status === 200;
      const undo = ok
        ? `The camera was removed from the gateway again and the gateway restarted.`
        : `Removing the camera from the gateway again did not complete; remove channel ${channel} in the gateway's web page.`;
      report({ step: 'rollback', result: ok ? 'ok' : 'failed', message: undo });
      const message = `Adding the camera at ${label} to the VXG gateway at ${where} failed at the ${step === 'restart' ? 'gateway restart' : 'online check'}: ${reason} ${undo}`;
      return { status: ok ? 'rolled-back' : 'rollback-failed', failedStep: step, channelId: null, message };
    };

    const restart = await call('POST', '/api/restart/', auth);
    if (!restart.ok || restart.status !== 200)
      return failAndRemove('restart', restart.ok ? `The gateway answered the restart with HTTP ${restart.status}.` : restart.message);
    report({ step: 'restart', result: 'ok', message: `The VXG gateway at ${where} restarted its cameras.` });

    if (options.confirmOnline && channel !== null) {
      const online = await confirmSafely(options.confirmOnline, channel);
      if (!online.ok) return failAndRemove('confirm', online.message);
      report({ step: 'confirm', result: 'ok', message: `Channel ${channel} reports the camera online.` });
    }
    return {
      status: 'written',
      failedStep: null,
      channelId: channel,
      message: `The VXG gateway at ${where} now carries the camera at ${label} to channel ${channel}${options.confirmOnline ? ', and the channel is online' : ''}.`,
    };
  }
}

function stringField(body: unknown, key: string): string | null {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, key)) return null;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' && /^[\x21-\x7e]{1,512}$/.test(value) ? value : null;
}

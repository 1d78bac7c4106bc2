/**
 * A small ONVIF device-service client for identification: GetSystemDateAndTime (unauthenticated) → clock
 * offset; then GetDeviceInformation, GetNetworkInterfaces and GetScopes with one credential set.
 * Why our own and not the `onvif` package: see README.md (numbers parsed from serials, ASCII password hash).
 *
 * Authentication: the first authenticated call carries a WS-Security UsernameToken. A camera that wants HTTP
 * Digest answers 401 with a challenge before looking at the SOAP header; we then switch to Digest and no
 * longer send the token (ONVIF Core: clients should not send both). Each identify() presents the password at
 * most once per refusal — lockout hazard — and stops at the first refused, locked or unreachable answer.
 */
import { createDigestClient, digestChallenges, type DigestAlgorithm } from '../../../platform/http-digest.js';
import { parseZonedUrl, type HttpClient, type HttpOutcome, type HttpRequest } from '../../../platform/http.js';
import type { Clock } from '../../../platform/ports.js';
import { DEVICE_CALL_TIMEOUT_MS, MAX_DEVICE_REPLY_BYTES, fail, ok, saysLocked, type DeviceResult } from '../failure.js';
import type { XmlNode } from '../xml.js';
import { cameraClock, type CameraClock } from './clock.js';
import { deviceInformation, faultFailure, interfaceFor, networkInterfaces, readEnvelope, scopes, type DeviceInformation } from './parse.js';
import { contentType, envelope, type DeviceOperation } from './soap.js';
import { securityHeader } from './username-token.js';

export interface CameraCredentials {
  username: string;
  password: string;
}

export type OnvifAuthMethod = 'ws-security' | `digest-${Lowercase<DigestAlgorithm>}`;

export interface OnvifIdentity {
  info: DeviceInformation;
  /** MAC of the interface holding the camera's IP (else the first enabled one), lower-case colon form. */
  mac: string | null;
  scopes: string[];
  auth: OnvifAuthMethod;
  /** Sentences about what could not be read (no interfaces, scopes refused); empty when all went well. */
  notes: string[];
}

export interface OnvifClientOptions {
  http: HttpClient;
  clock: Clock;
  /** Device service address, e.g. http://198.18.0.10/onvif/device_service (from WS-Discovery XAddrs). */
  xaddr: string;
  timeoutMs?: number;
}

export interface OnvifClient {
  readClock(): Promise<DeviceResult<CameraClock>>;
  identify(credentials: CameraCredentials, clock: CameraClock): Promise<DeviceResult<OnvifIdentity>>;
}

export function createOnvifClient(options: OnvifClientOptions): OnvifClient {
  const { http, clock, xaddr } = options;
  const timeoutMs = Math.min(options.timeoutMs ?? DEVICE_CALL_TIMEOUT_MS, DEVICE_CALL_TIMEOUT_MS);
  let host = xaddr;
  let cameraIp = '';
  // send() reports a bad address as a failure; a link-local address keeps its zone in the URL (RFC 6874).
  const parsed = parseZonedUrl(xaddr);
  if (parsed) {
    host = parsed.url.host;
    cameraIp = parsed.url.hostname;
  }

  const build = (operation: DeviceOperation, security: string | null): HttpRequest => ({
    method: 'POST',
    url: xaddr,
    headers: { 'content-type': contentType(operation) },
    body: envelope(operation, security),
    timeoutMs,
    maxResponseBytes: MAX_DEVICE_REPLY_BYTES,
  });
  const post = (client: HttpClient, operation: DeviceOperation, security: string | null): Promise<HttpOutcome> =>
    client.request(build(operation, security));

  /** One reply → its SOAP body, or the failure it means. */
  const interpret = (outcome: HttpOutcome, operation: DeviceOperation): DeviceResult<XmlNode> => {
    if (!outcome.ok) {
      if (outcome.kind === 'too-large')
        return fail('bad-reply', `The camera at ${host} sent an ONVIF reply larger than 64 KiB; we did not read it.`);
      if (outcome.kind === 'bad-url') return fail('unreachable', `The ONVIF address of this camera is not usable (${outcome.message})`);
      return fail(
        'unreachable',
        `The camera at ${host} did not answer ONVIF ${operation}: ${outcome.message} Check that it is powered and on this network.`,
      );
    }
    const { status, body } = outcome.response;
    if (status === 423 || ((status === 401 || status === 403) && saysLocked(body))) {
      return fail(
        'locked',
        `The camera at ${host} has locked this account after too many attempts (HTTP ${status}). Wait before trying again.`,
        status,
      );
    }
    if (status === 401 || status === 403)
      return fail('unauthorized', `The camera at ${host} refused the user name or password (HTTP ${status}).`, status);
    const read = readEnvelope(body, host);
    if (!read.ok)
      return status === 404 ? fail('not-supported', `${host} has no ONVIF device service at this address (HTTP 404).`, status) : read;
    if (read.value.kind === 'fault') return faultFailure(read.value.fault, host, status);
    if (status >= 300) return fail('bad-reply', `The camera at ${host} answered ONVIF ${operation} with HTTP ${status}.`, status);
    return ok(read.value.body);
  };

  return {
    async readClock() {
      const result = interpret(await post(http, 'GetSystemDateAndTime', null), 'GetSystemDateAndTime');
      if (result.ok) return ok(cameraClock(result.value, clock.now()));
      // Some cameras (Panasonic, some Hikvision) wrongly want a login for the time: carry on without an offset.
      if (result.failure.kind === 'unauthorized') {
        return ok({
          offsetMs: 0,
          source: 'assumed',
          note: "The camera wants a login even to tell its time; we assume its clock matches this laptop's.",
        });
      }
      return result;
    },

    async identify(credentials, cameraTime) {
      const digest = createDigestClient(http, credentials);
      // An object, not a let: TypeScript does not see the closure below change it.
      const session: { method: 'unknown' | 'ws-security' | 'digest' } = { method: 'unknown' };
      const call = async (operation: DeviceOperation): Promise<DeviceResult<XmlNode>> => {
        if (session.method === 'digest') return interpret(await post(digest, operation, null), operation);
        const token = securityHeader(credentials.username, credentials.password, clock.now() + cameraTime.offsetMs);
        const first = await post(http, operation, token);
        const wantsDigest =
          session.method === 'unknown' &&
          first.ok &&
          first.response.status === 401 &&
          digestChallenges(first.response.headers['www-authenticate']).length > 0;
        if (!wantsDigest) {
          const result = interpret(first, operation);
          if (result.ok) session.method = 'ws-security';
          return result;
        }
        session.method = 'digest';
        // Answer the challenge we already hold, with the same call minus the UsernameToken.
        return interpret(await digest.answer(build(operation, null), first.response), operation);
      };

      const info = await call('GetDeviceInformation');
      if (!info.ok) return info;
      const parsed = deviceInformation(info.value, host);
      if (!parsed.ok) return parsed;
      const notes: string[] = [];
      let mac: string | null = null;
      const ifaces = await call('GetNetworkInterfaces');
      if (ifaces.ok) {
        mac = interfaceFor(networkInterfaces(ifaces.value), cameraIp)?.mac ?? null;
        if (mac === null) notes.push(`The camera at ${host} listed no network interface with a MAC address.`);
      } else if (ifaces.failure.kind === 'locked' || ifaces.failure.kind === 'unreachable') return ifaces;
      else notes.push(`The camera at ${host} did not give its network interfaces: ${ifaces.failure.message}`);
      let scopeList: string[] = [];
      const scopeReply = await call('GetScopes');
      if (scopeReply.ok) scopeList = scopes(scopeReply.value);
      else notes.push(`The camera at ${host} did not give its scopes: ${scopeReply.failure.message}`);
      const algorithm = digest.lastAlgorithm();
      const auth: OnvifAuthMethod =
        session.method === 'digest' && algorithm ? `digest-${algorithm.toLowerCase() as Lowercase<DigestAlgorithm>}` : 'ws-security';
      return ok({ info: parsed.value, mac, scopes: scopeList, auth, notes });
    },
  };
}

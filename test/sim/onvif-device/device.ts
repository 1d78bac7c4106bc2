/**
 * One simulated camera's ONVIF device service, as a request handler (so a lab camera can serve ONVIF and
 * VAPIX on one port) — see server.ts for the stand-alone server.
 *
 * Auth modes (issue #8 item 7): 'ws-security' (UsernameToken only: no or bad token → HTTP 400 + ter:NotAuthorized),
 * 'digest-md5', 'digest-sha256+md5' (Hikvision: two WWW-Authenticate headers), 'both' (either is accepted).
 * GetSystemDateAndTime is PRE_AUTH. A lockout after N consecutive failures refuses even the right password
 * until it expires; a success resets the count. The camera's clock can be skewed and can omit UTCDateTime.
 */
import type { IncomingMessage } from 'node:http';
import { DigestGate, type DigestRealm } from './digest-server.js';
import {
  deviceInformation,
  fault,
  networkInterfaces,
  scopes,
  systemDateAndTime,
  wrap,
  type DeviceFacts,
  type EnvelopePrefix,
} from './replies.js';
import { WsSecurityGate } from './ws-security.js';

export type AuthMode = 'ws-security' | 'digest-md5' | 'digest-sha256+md5' | 'both';
export type LockSignal = 'soap-fault' | 'http-401-body' | 'http-403-text' | 'http-423';

export interface RawReply {
  status: number;
  headers?: Record<string, string | string[]>;
  body: string;
}

export interface OnvifDeviceProfile {
  facts: DeviceFacts;
  /** user name → password */
  users: Record<string, string>;
  auth: AuthMode;
  /** Camera clock minus true time. */
  clockSkewMs?: number;
  /** Omit UTCDateTime (LocalDateTime only), with or without a POSIX TZ. */
  clock?: { sendUtc?: boolean; tz?: string | null; localEastHours?: number };
  lockout?: { afterFailures: number; forMs: number; signal?: LockSignal };
  /** Panasonic-like: even GetSystemDateAndTime wants credentials. */
  timeNeedsAuth?: boolean;
  digest?: Partial<Pick<DigestRealm, 'qop' | 'maxUses' | 'explicitMd5'>>;
  prefix?: EnvelopePrefix;
  path?: string;
  /** True time; injectable so lockout expiry runs without waiting. */
  now?: () => number;
  /** Hostile or broken replies: return one to answer `operation` with it instead. */
  override?: (operation: string) => RawReply | undefined;
}

export interface OnvifDeviceState {
  requests: number;
  /** Attempts that presented credentials and were wrong (all time). */
  failures: number;
  consecutiveFailures: number;
  lockouts: number;
  lockedUntil: number;
  successes: number;
  /** Auth method of each successful authenticated request. */
  methods: string[];
}

export interface OnvifDevice {
  path: string;
  state: OnvifDeviceState;
  isLocked(): boolean;
  /** Answer a POST to `path`; the body is already read. */
  answer(req: IncomingMessage, body: string): RawReply;
}

const OPERATION = /<(?:[\w.-]+:)?Body\b[^>]*>\s*<(?:[\w.-]+:)?([A-Za-z]+)/;

export function createOnvifDevice(profile: OnvifDeviceProfile): OnvifDevice {
  const now = profile.now ?? Date.now;
  const prefix = profile.prefix ?? 'env';
  const users = new Map(Object.entries(profile.users));
  const digest = new DigestGate({
    realm: profile.auth === 'digest-sha256+md5' ? 'IP Camera(12345)' : profile.facts.manufacturer,
    algorithms: profile.auth === 'digest-sha256+md5' ? ['MD5', 'SHA-256'] : ['MD5'],
    qop: profile.digest?.qop === undefined ? 'auth' : profile.digest.qop,
    maxUses: profile.digest?.maxUses,
    explicitMd5: profile.digest?.explicitMd5,
  });
  const ws = new WsSecurityGate();
  const state: OnvifDeviceState = {
    requests: 0,
    failures: 0,
    consecutiveFailures: 0,
    lockouts: 0,
    lockedUntil: 0,
    successes: 0,
    methods: [],
  };
  const cameraNow = (): number => now() + (profile.clockSkewMs ?? 0);
  const wlanMac = `02${profile.facts.mac.slice(2)}`;
  const lockSignal: LockSignal = profile.lockout?.signal ?? (profile.auth === 'ws-security' ? 'soap-fault' : 'http-401-body');

  const soap = (status: number, body: string, headers: Record<string, string | string[]> = {}): RawReply => ({
    status,
    headers: { 'content-type': 'application/soap+xml; charset=utf-8', ...headers },
    body: wrap(prefix, body),
  });
  const notAuthorized = (reason: string): RawReply => ({
    status: 400,
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: fault(prefix, 'ter:NotAuthorized', reason),
  });
  const challenge = (stale = false): RawReply => ({
    status: 401,
    headers: { 'www-authenticate': digest.challenge(stale), 'content-type': 'text/html' },
    body: '<!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body>401 Unauthorized</body></html>',
  });
  const locked = (): RawReply => {
    if (lockSignal === 'http-423') return { status: 423, headers: { 'content-type': 'text/plain' }, body: 'Locked' };
    if (lockSignal === 'http-403-text') {
      return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Too many failed login attempts. Try again later.' };
    }
    if (lockSignal === 'http-401-body') {
      return {
        status: 401,
        headers: { 'www-authenticate': digest.challenge(), 'content-type': 'application/xml' },
        body:
          '<?xml version="1.0" encoding="UTF-8"?><userCheck><statusValue>401</statusValue><statusString>Unauthorized</statusString>' +
          `<lockStatus>lock</lockStatus><unlockTime>${Math.ceil((state.lockedUntil - now()) / 1000)}</unlockTime><retryLoginTime>0</retryLoginTime></userCheck>`,
      };
    }
    return notAuthorized('Too many failed login attempts; the user is locked');
  };
  const failed = (reply: RawReply): RawReply => {
    state.failures += 1;
    state.consecutiveFailures += 1;
    const lockout = profile.lockout;
    if (lockout && state.consecutiveFailures >= lockout.afterFailures) {
      state.lockedUntil = now() + lockout.forMs;
      state.consecutiveFailures = 0;
      state.lockouts += 1;
    }
    return reply;
  };
  const isLocked = (): boolean => now() < state.lockedUntil;

  /** null = authenticated; otherwise the refusal to send. */
  const authenticate = (req: IncomingMessage, body: string): RawReply | null => {
    const usesDigest = profile.auth !== 'ws-security';
    const digestCheck = usesDigest ? digest.check(req.headers.authorization, req.method ?? 'POST', users) : { result: 'none' as const };
    const wsCheck =
      profile.auth === 'ws-security' || profile.auth === 'both' ? ws.check(body, cameraNow(), users) : { result: 'none' as const };
    const presented = digestCheck.result !== 'none' || wsCheck.result !== 'none';
    if (presented && isLocked()) return locked();
    if (digestCheck.result === 'stale') return challenge(true);
    if (digestCheck.result === 'ok' || wsCheck.result === 'ok') {
      state.consecutiveFailures = 0;
      state.successes += 1;
      state.methods.push(digestCheck.result === 'ok' ? 'digest' : 'ws-security');
      return null;
    }
    if (digestCheck.result === 'wrong') return failed(challenge());
    if (wsCheck.result === 'time') return failed(notAuthorized('Wsse authorized time check failed'));
    if (wsCheck.result === 'wrong' || wsCheck.result === 'replay') return failed(notAuthorized('Sender not Authorized'));
    return usesDigest ? challenge() : notAuthorized('Sender not Authorized');
  };

  return {
    path: profile.path ?? '/onvif/device_service',
    state,
    isLocked,
    answer(req, body) {
      state.requests += 1;
      const operation = OPERATION.exec(body)?.[1] ?? '';
      const override = profile.override?.(operation);
      if (override) return override;
      if (operation !== 'GetSystemDateAndTime' || profile.timeNeedsAuth) {
        const refusal = authenticate(req, body);
        if (refusal) return refusal;
      }
      const clock = profile.clock ?? {};
      switch (operation) {
        case 'GetSystemDateAndTime':
          return soap(
            200,
            systemDateAndTime({
              utcMs: cameraNow(),
              tz: clock.tz === undefined ? 'CST-8' : clock.tz,
              localEastHours: clock.localEastHours ?? 8,
              sendUtc: clock.sendUtc ?? true,
            }),
          );
        case 'GetDeviceInformation':
          return soap(200, deviceInformation(profile.facts));
        case 'GetNetworkInterfaces':
          return soap(200, networkInterfaces(profile.facts, wlanMac));
        case 'GetScopes':
          return soap(200, scopes(profile.facts));
        default:
          return {
            status: 400,
            headers: { 'content-type': 'application/soap+xml' },
            body: fault(prefix, 'ter:ActionNotSupported', 'Action not supported'),
          };
      }
    },
  };
}

/**
 * One address of a sweep: a unicast WS-Discovery probe first; if no ProbeMatches come back, the HTTP
 * GetSystemDateAndTime on the ONVIF ports and a TCP check of 554, together, under one deadline on the clock.
 * Observations carry source `sweep`, so the technician sees the device was reached by the sweep.
 */
import type { NetInterface } from '../../../../shared/net.js';
import type { HttpClient } from '../../../platform/http.js';
import type { Clock } from '../../../platform/ports.js';
import type { Observation } from '../../inventory/observation.js';
import { toObservations } from '../wsd/observation.js';
import { ONVIF_HTTP_PORTS, RTSP_PORT, type SweepLimits } from './limits.js';
import { askDateAndTime } from './onvif-http.js';
import type { TcpConnect } from './tcp-connect.js';
import type { UnicastWsd } from './wsd-unicast.js';
import type { WsdMessage } from '../wsd/parse.js';

export type AddressFinding = 'wsd' | 'onvif-http' | 'rtsp' | 'silent';

export interface AddressDeps {
  wsd: UnicastWsd;
  http: HttpClient;
  tcpConnect: TcpConnect;
  clock: Clock;
  limits: SweepLimits;
  /** HTTP ports the ONVIF fallback asks (the technician's list); ONVIF_HTTP_PORTS when absent. */
  ports?: readonly number[];
}

export interface AddressResult {
  finding: AddressFinding;
  observations: Observation[];
}

/** Resolves with `promise`, or with `fallback` after `ms` on the clock (or at once on abort). */
function deadline<T>(promise: Promise<T>, ms: number, fallback: T, clock: Clock, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve) => {
    const finish = (value: T): void => {
      cancel();
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = (): void => finish(fallback);
    const cancel = clock.setTimeout(() => finish(fallback), ms);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(finish, () => finish(fallback));
  });
}

/** The first non-null result of `tasks`, or null once all are null. */
const firstFound = (tasks: Promise<string | null>[]): Promise<string | null> =>
  new Promise((resolve) => {
    let left = tasks.length;
    for (const task of tasks) {
      void task.then(
        (url) => (url ? resolve(url) : --left === 0 && resolve(null)),
        () => --left === 0 && resolve(null),
      );
    }
    if (left === 0) resolve(null);
  });

export async function probeAddress(ip: string, iface: NetInterface, deps: AddressDeps, signal: AbortSignal): Promise<AddressResult> {
  const at = () => deps.clock.now();
  const base = { source: 'sweep' as const, kind: 'alive' as const, ip, interface: iface.name, endpoint: null, facts: [], onvif: null };
  // The probe keeps listening through the fallback window: a device that delays its unicast answer (as if the
  // probe were multicast, up to APP_MAX_DELAY 500 ms) is still found by WS-Discovery, at no extra time.
  const timeout = deps.limits.fallbackMs;
  const wsd = deps.wsd.probe(ip, iface, deps.limits.wsdWaitMs + timeout, signal);
  const asWsd = (reply: WsdMessage | null): AddressResult | null =>
    reply?.kind === 'probe-matches' && reply.matches.length > 0
      ? {
          finding: 'wsd',
          observations: toObservations(reply, { ip, interface: iface.name, at: at() }).map((o) => ({ ...o, source: 'sweep' as const })),
        }
      : null;
  const early = asWsd(await deadline(wsd, deps.limits.wsdWaitMs, null, deps.clock, signal));
  if (early) return early;
  if (signal.aborted) return { finding: 'silent', observations: [] };
  const onvif = deadline(
    firstFound((deps.ports ?? ONVIF_HTTP_PORTS).map((port) => askDateAndTime(deps.http, ip, port, timeout))),
    timeout,
    null,
    deps.clock,
    signal,
  );
  const rtsp = deadline(
    deps.tcpConnect(ip, RTSP_PORT, timeout, iface.address).catch(() => false),
    timeout,
    false,
    deps.clock,
    signal,
  );
  const [url, rtspOpen, late] = await Promise.all([onvif, rtsp, wsd]);
  const lateWsd = asWsd(late);
  if (lateWsd) return lateWsd;
  if (url) {
    const info = { endpoint: null, xaddrs: [url], scopes: [], types: [], metadataVersion: null };
    return { finding: 'onvif-http', observations: [{ ...base, at: at(), isCamera: true, onvif: info }] };
  }
  // An RTSP server and nothing else: most likely a camera without ONVIF (or with it disabled); the
  // technician sees it as a camera to check rather than not at all.
  if (rtspOpen) return { finding: 'rtsp', observations: [{ ...base, at: at(), isCamera: true }] };
  return { finding: 'silent', observations: [] };
}

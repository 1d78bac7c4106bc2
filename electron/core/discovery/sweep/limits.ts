/**
 * The sweep's pace, in one table (candidates for shared/limits.ts). A /24 is 254 addresses; most are empty and
 * cost a full wait (WSD wait + fallback wait = 1 s), so with 128 at once a /24 takes two rounds plus the start
 * spacing: ≈ 2.5 s worst case at the defaults, inside the 3-s target (measured on the fake clock in run.spec.ts).
 * Waits: a live device answers a unicast probe, a TCP SYN or GetSystemDateAndTime well within them; only empty
 * addresses wait them out.
 * Hazard: each address in flight holds up to 7 sockets (1 shared UDP, 5 HTTP, 1 TCP): 128 × 6 ≈ 770 descriptors,
 * under the common 1024 limit. Raise concurrency only together with the process's descriptor limit.
 */
export interface SweepLimits {
  /** Addresses probed at once (each holds up to 5 HTTP connections and a TCP connect). */
  concurrency: number;
  /** Addresses started per second: what a router or IDS on the path sees. */
  perSecond: number;
  /** How long a unicast WS-Discovery probe waits for its answer (unicast answers are not delayed). */
  wsdWaitMs: number;
  /** Deadline for the HTTP GetSystemDateAndTime and TCP 554 fallbacks, which run together. */
  fallbackMs: number;
}

export const DEFAULT_SWEEP_LIMITS: SweepLimits = { concurrency: 128, perSecond: 250, wsdWaitMs: 400, fallbackMs: 600 };

/** Ports an ONVIF device service listens on: 80, Hikvision OEM 8000, 8080, Chinese OEMs 8899, TP-Link 2020. */
export const ONVIF_HTTP_PORTS = [80, 8000, 8080, 8899, 2020] as const;
export const RTSP_PORT = 554;
/** Largest reply read from a GetSystemDateAndTime; a real one is ~1–2 KiB. */
export const MAX_SOAP_REPLY_BYTES = 64 * 1024;

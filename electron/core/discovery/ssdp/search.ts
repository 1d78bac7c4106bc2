/**
 * The M-SEARCH requests we multicast, and when. MX ≤ 2 (node-ssdp hard-codes 3): devices wait a random 0..MX
 * seconds before answering, and Windows' firewall admits unicast replies to a multicast send for only 3 s
 * (discovery reference §0.5, §3.1). Two targets: `ssdp:all` (everything, incl. MediaServers and cameras with
 * vendor types such as Axis's `urn:axis-com:service:BasicService:1`) and `upnp:rootdevice` (one answer per
 * device, which some stacks answer when they ignore ssdp:all).
 */
export const SSDP_MULTICAST_ADDRESS = '239.255.255.250';
export const SSDP_PORT = 1900;
export const SEARCH_TARGETS = ['ssdp:all', 'upnp:rootdevice'] as const;
export type SearchTarget = (typeof SEARCH_TARGETS)[number];

/** Seconds devices may wait before answering; the spec range is 1..5, we keep inside the Windows window. */
export const SSDP_MX = 2;

/**
 * Send times (ms after the scan starts) for each target: a first burst, a repeat for packet loss, and then a
 * re-search every REPEAT_EVERY_MS for long scans so devices that booted meanwhile still answer.
 */
export const FIRST_SENDS_MS = [0, 400];
export const REPEAT_EVERY_MS = 10_000;

export function searchSchedule(durationMs: number): number[] {
  const times = FIRST_SENDS_MS.filter((at) => at < durationMs);
  for (let at = REPEAT_EVERY_MS; at < durationMs; at += REPEAT_EVERY_MS) times.push(at);
  return times;
}

/** One M-SEARCH request; CRLF line ends and the quoted MAN value, as UDA 1.1 requires. */
export function buildMSearch(target: SearchTarget, mx: number = SSDP_MX): string {
  const seconds = Math.min(Math.max(Math.round(mx), 1), SSDP_MX);
  return (
    'M-SEARCH * HTTP/1.1\r\n' +
    `HOST: ${SSDP_MULTICAST_ADDRESS}:${SSDP_PORT}\r\n` +
    'MAN: "ssdp:discover"\r\n' +
    `MX: ${seconds}\r\n` +
    `ST: ${target}\r\n` +
    'USER-AGENT: CameraFinder/0.1 UPnP/1.1\r\n' +
    '\r\n'
  );
}

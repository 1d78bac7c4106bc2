/**
 * Which SSDP LOCATION URLs we fetch, and the fetch itself. Hazard: LOCATION is text any LAN host can put in a
 * datagram; following it blindly turns us into a request forger (another host, our own loopback services,
 * link-local metadata endpoints, `file:`). We fetch only http/https on the responder's own IPv4 address, with a
 * size cap and a deadline, through the HTTP port (which follows no redirects).
 */
import type { HttpClient } from '../../../platform/http.js';
import type { Clock } from '../../../platform/ports.js';
import { isIpv4 } from '../../../../shared/net.js';

export const MAX_DESCRIPTION_BYTES = 64 * 1024;
export const DESCRIPTION_TIMEOUT_MS = 2000;
const MAX_LOCATION_CHARS = 1024;

export type LocationVerdict = { ok: true; url: string } | { ok: false; reason: string };

/** True for 127/8, 169.254/16 and 0/8: never a camera's description server. */
const isLoopbackOrLinkLocal = (ip: string): boolean => /^(127|0)\./.test(ip) || ip.startsWith('169.254.');

/** Decides whether `location` (from a packet sent by `responderIp`) may be fetched. */
export function checkLocation(location: string | undefined, responderIp: string): LocationVerdict {
  if (!location) return { ok: false, reason: 'no LOCATION header' };
  if (location.length > MAX_LOCATION_CHARS) return { ok: false, reason: 'LOCATION is too long' };
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return { ok: false, reason: 'LOCATION is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `LOCATION scheme ${url.protocol.slice(0, 16)} is not http or https` };
  }
  if (url.username || url.password) return { ok: false, reason: 'LOCATION carries credentials' };
  const host = url.hostname;
  if (!isIpv4(host)) return { ok: false, reason: 'LOCATION host is not an IPv4 address' };
  if (isLoopbackOrLinkLocal(host)) return { ok: false, reason: `LOCATION host ${host} is loopback or link-local` };
  if (host !== responderIp) return { ok: false, reason: `LOCATION host ${host} is not the responder ${responderIp}` };
  return { ok: true, url: url.href };
}

export type DescriptionFetch = { ok: true; xml: string } | { ok: false; reason: string };

/**
 * GETs an already checked description URL: ≤ 64 KiB, ≤ 2 s, a 2xx status. Never throws. The deadline is also
 * kept on our own clock, so a slow device costs 2 s whatever the HTTP adapter does.
 */
export async function fetchDescription(http: HttpClient, url: string, clock: Clock): Promise<DescriptionFetch> {
  let cancel: () => void = () => undefined;
  const late = new Promise<DescriptionFetch>((resolve) => {
    cancel = clock.setTimeout(() => resolve({ ok: false, reason: 'timeout: no description within 2 s' }), DESCRIPTION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([get(http, url), late]);
  } finally {
    cancel();
  }
}

async function get(http: HttpClient, url: string): Promise<DescriptionFetch> {
  try {
    const outcome = await http.request({
      method: 'GET',
      url,
      headers: { accept: 'text/xml, application/xml' },
      timeoutMs: DESCRIPTION_TIMEOUT_MS,
      maxResponseBytes: MAX_DESCRIPTION_BYTES,
    });
    if (!outcome.ok) return { ok: false, reason: `${outcome.kind}: ${outcome.message}` };
    const { status, body } = outcome.response;
    if (status < 200 || status > 299) return { ok: false, reason: `HTTP ${status}` };
    // The port caps bytes as they arrive; check again in case a fake or future adapter does not.
    if (Buffer.byteLength(body, 'utf8') > MAX_DESCRIPTION_BYTES) return { ok: false, reason: 'too-large' };
    return { ok: true, xml: body };
  } catch (error) {
    return { ok: false, reason: `fetch failed: ${(error as Error).message}` };
  }
}

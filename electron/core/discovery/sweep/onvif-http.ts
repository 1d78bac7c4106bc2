/**
 * The HTTP fallback: an unauthenticated ONVIF GetSystemDateAndTime, which every ONVIF device must answer without
 * credentials (it is how clients learn the clock offset). Any SOAP envelope in reply — the time, a fault, even a
 * 400/401 with a SOAP body — means an ONVIF device service lives there. Hazard: the reply is untrusted; it is
 * capped at MAX_SOAP_REPLY_BYTES and read by the shared bounded XML reader (no DTD, depth and tag caps).
 */
import type { HttpClient } from '../../../platform/http.js';
import { child, parseXml } from '../wsd/xml-tree.js';
import { MAX_SOAP_REPLY_BYTES } from './limits.js';

export const DEVICE_SERVICE_PATH = '/onvif/device_service';

const BODY =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">' +
  '<s:Body><GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body>' +
  '</s:Envelope>';

/** True when `body` is a SOAP envelope (1.1 or 1.2, any prefix). */
export function isSoapEnvelope(body: string): boolean {
  if (body.length === 0 || body.length > MAX_SOAP_REPLY_BYTES) return false;
  if (!/soap-envelope|schemas\.xmlsoap\.org\/soap\/envelope/.test(body)) return false;
  return child(parseXml(body.replace(/^\uFEFF/, '')), 'Envelope') !== undefined;
}

/** The device-service URL when `ip:port` answers GetSystemDateAndTime with SOAP; null otherwise. Never throws. */
export async function askDateAndTime(http: HttpClient, ip: string, port: number, timeoutMs: number): Promise<string | null> {
  const url = `http://${ip}${port === 80 ? '' : `:${port}`}${DEVICE_SERVICE_PATH}`;
  try {
    const outcome = await http.request({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/soap+xml; charset=utf-8; action="http://www.onvif.org/ver10/device/wsdl/GetSystemDateAndTime"',
      },
      body: BODY,
      timeoutMs,
      maxResponseBytes: MAX_SOAP_REPLY_BYTES,
    });
    return outcome.ok && isSoapEnvelope(outcome.response.body) ? url : null;
  } catch {
    return null;
  }
}

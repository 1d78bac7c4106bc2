/**
 * The WS-Discovery Probe we multicast. ONVIF requires SOAP 1.2, WS-Discovery 2005/04 and WS-Addressing 2004/08.
 * Every prefix is declared on the Envelope: cameras that ignored other layouts answered this one
 * (ZoneMinder#1644, openhab-addons#9022).
 */
import { randomUUID } from 'node:crypto';

export const WSD_MULTICAST_ADDRESS = '239.255.255.250';
export const WSD_PORT = 3702;

export const NS = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  addressing: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  discovery: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
  onvifNetwork: 'http://www.onvif.org/ver10/network/wsdl',
  onvifDevice: 'http://www.onvif.org/ver10/device/wsdl',
} as const;

export const PROBE_ACTION = `${NS.discovery}/Probe`;
const DISCOVERY_TO = 'urn:schemas-xmlsoap-org:ws:2005:04:discovery';
const ANONYMOUS = `${NS.addressing}/role/anonymous`;

/**
 * One type per probe: a Types element listing both would mean "must match both" (vicmaeg/onvif-discovery#49),
 * and older cameras advertise only NetworkVideoTransmitter while the spec's mandatory Hello type is tds:Device.
 * `null` is the untyped probe (no Types: "every target service"), which Windows PCs, printers and scanners answer
 * and typed probes miss; it completes "all devices". Its answers become cameras only if their own Types say so.
 */
export const PROBE_TYPES = ['dn:NetworkVideoTransmitter', 'tds:Device', null] as const;
export type ProbeType = Exclude<(typeof PROBE_TYPES)[number], null>;

/** A fresh `urn:uuid:` MessageID; replies carry it back in RelatesTo. */
export const newMessageId = (): string => `urn:uuid:${randomUUID()}`;

const MESSAGE_ID = /^urn:uuid:[0-9a-f-]{36}$/i;

/** The Probe text for one type, or untyped (null). Retransmits of the same probe reuse the same MessageID (SOAP-over-UDP). */
export function buildProbe(type: ProbeType | null, messageId: string): string {
  if (!MESSAGE_ID.test(messageId)) throw new Error(`Probe MessageID must be urn:uuid:<uuid>, got ${messageId}`);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soap:Envelope xmlns:soap="${NS.soap12}" xmlns:wsa="${NS.addressing}" xmlns:d="${NS.discovery}"` +
    ` xmlns:dn="${NS.onvifNetwork}" xmlns:tds="${NS.onvifDevice}">` +
    '<soap:Header>' +
    `<wsa:Action soap:mustUnderstand="1">${PROBE_ACTION}</wsa:Action>` +
    `<wsa:MessageID>${messageId}</wsa:MessageID>` +
    `<wsa:ReplyTo><wsa:Address>${ANONYMOUS}</wsa:Address></wsa:ReplyTo>` +
    `<wsa:To soap:mustUnderstand="1">${DISCOVERY_TO}</wsa:To>` +
    '</soap:Header>' +
    `<soap:Body><d:Probe>${type === null ? '' : `<d:Types>${type}</d:Types>`}</d:Probe></soap:Body>` +
    '</soap:Envelope>'
  );
}

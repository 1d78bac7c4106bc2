/**
 * Readers for ONVIF device-service replies. Pure: text in, typed values or a typed failure out.
 * Identity fields are kept exactly as the camera sent them (strings; an 18-digit serial keeps every digit).
 * Hazard: replies are untrusted LAN input — see ../xml.ts for what the parser refuses.
 */
import { normaliseMac } from '../../../../shared/mac.js';
import { fail, ok, saysLocked, type DeviceResult } from '../failure.js';
import { attribute, child, children, parseXml, text, type XmlNode } from '../xml.js';

export interface SoapFault {
  /** Local names of Code/Value and every Subcode/Value, e.g. ["Sender", "NotAuthorized"]. */
  codes: string[];
  reason: string;
}

export type Envelope = { kind: 'body'; body: XmlNode } | { kind: 'fault'; fault: SoapFault };

const localName = (qname: string): string => qname.slice(qname.lastIndexOf(':') + 1);

/**
 * Free text from the camera with control characters made spaces: a name or fault reason carrying ANSI escapes
 * (`\u001b[…`, C1 `\u009b`) must not reach a terminal or a log as commands. HTML stays as text; the UI renders text.
 */
const clean = (value: string, max: number): string =>
  value
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, max)
    .trim();
const CONTROL = /\p{Cc}/u;

/** The SOAP Body (or its Fault) of a reply; a failure sentence names `host`, never the body. */
export function readEnvelope(textBody: string, host: string): DeviceResult<Envelope> {
  const parsed = parseXml(textBody);
  if (!parsed.ok) {
    const why =
      parsed.reason === 'doctype'
        ? 'it contained a DOCTYPE, which SOAP forbids'
        : parsed.reason === 'too-much-markup'
          ? 'it held far more elements than any camera sends'
          : 'it was not well-formed XML';
    return fail('bad-reply', `The camera at ${host} sent an ONVIF reply we will not read: ${why}.`);
  }
  const body = child(parsed.tree, 'Envelope', 'Body');
  if (body === undefined) return fail('not-supported', `${host} answered, but not with a SOAP message; it may not be an ONVIF camera.`);
  const fault = child(body, 'Fault');
  if (fault === undefined) return ok({ kind: 'body', body });
  const codes: string[] = [];
  let code = child(fault, 'Code');
  for (let depth = 0; code !== undefined && depth < 8; depth++) {
    const value = clean(text(child(code, 'Value')), 256);
    if (value) codes.push(localName(value));
    code = child(code, 'Subcode');
  }
  const soap11 = clean(text(child(fault, 'faultcode')), 256);
  if (soap11) codes.push(localName(soap11));
  const reason = clean(text(child(fault, 'Reason', 'Text')) || text(child(fault, 'faultstring')), 200);
  return ok({ kind: 'fault', fault: { codes, reason } });
}

/** Fault → failure kind: lockout words win over NotAuthorized (a locked camera often also says NotAuthorized). */
export function faultFailure<T>(fault: SoapFault, host: string, status: number): DeviceResult<T> {
  const said = fault.reason ? ` It said: "${fault.reason.replace(/[\p{Cc}"]+/gu, ' ').trim()}".` : '';
  if (saysLocked(`${fault.reason} ${fault.codes.join(' ')}`)) {
    return fail(
      'locked',
      `The camera at ${host} has locked this account after too many attempts.${said} Wait before trying again.`,
      status,
    );
  }
  if (fault.codes.some((c) => /notauthori[sz]ed|failedauthentication|invalidsecurity/i.test(c))) {
    return fail('unauthorized', `The camera at ${host} refused the user name or password.${said}`, status);
  }
  if (fault.codes.some((c) => /actionnotsupported|notsupported|versionmismatch/i.test(c))) {
    return fail('not-supported', `The camera at ${host} does not support this ONVIF request.${said}`, status);
  }
  return fail('bad-reply', `The camera at ${host} answered with an ONVIF fault.${said}`, status);
}

export interface DeviceInformation {
  manufacturer: string;
  model: string;
  firmware: string;
  serial: string;
  hardwareId: string;
}

/** Body of GetDeviceInformationResponse. Fields absent on a device come back as "". */
export function deviceInformation(body: XmlNode, host: string): DeviceResult<DeviceInformation> {
  const response = child(body, 'GetDeviceInformationResponse');
  if (response === undefined) return fail('bad-reply', `The camera at ${host} answered GetDeviceInformation without device information.`);
  const field = (name: string): string => clean(text(child(response, name)), 128);
  return ok({
    manufacturer: field('Manufacturer'),
    model: field('Model'),
    firmware: field('FirmwareVersion'),
    serial: field('SerialNumber'),
    hardwareId: field('HardwareId'),
  });
}

export interface NetworkInterface {
  token: string;
  enabled: boolean;
  name: string;
  mac: string | null;
  ipv4: string[];
}

const MAX_INTERFACES = 16;

/** IPv4 addresses in Manual, FromDHCP and LinkLocal of an interface's IPv4/Config. */
function ipv4Of(iface: XmlNode): string[] {
  const config = child(iface, 'IPv4', 'Config');
  const out: string[] = [];
  for (const name of ['Manual', 'FromDHCP', 'LinkLocal']) {
    for (const entry of children(config, name).slice(0, 8)) {
      const address = text(child(entry, 'Address'));
      if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) out.push(address);
    }
  }
  return out;
}

export function networkInterfaces(body: XmlNode): NetworkInterface[] {
  const response = child(body, 'GetNetworkInterfacesResponse');
  return children(response, 'NetworkInterfaces')
    .slice(0, MAX_INTERFACES)
    .map((iface) => ({
      token: clean(attribute(iface, 'token') ?? '', 64),
      enabled: text(child(iface, 'Enabled')).toLowerCase() !== 'false',
      name: clean(text(child(iface, 'Info', 'Name')), 64),
      mac: normaliseMac(text(child(iface, 'Info', 'HwAddress'))),
      ipv4: ipv4Of(iface),
    }));
}

/** The interface holding `cameraIp`, else the first enabled one with a MAC (discovery.md §2.1 "MAC choice"). */
export function interfaceFor(interfaces: NetworkInterface[], cameraIp: string): NetworkInterface | null {
  return interfaces.find((i) => i.mac !== null && i.ipv4.includes(cameraIp)) ?? interfaces.find((i) => i.mac !== null && i.enabled) ?? null;
}

const MAX_SCOPES = 64;

export function scopes(body: XmlNode): string[] {
  const response = child(body, 'GetScopesResponse');
  return (
    children(response, 'Scopes')
      .slice(0, MAX_SCOPES)
      .map((scope) => text(child(scope, 'ScopeItem')).slice(0, 512))
      // A scope is a URI: one holding a control character is junk, dropped like WS-Discovery's list items.
      .filter((item) => item.length > 0 && !CONTROL.test(item))
  );
}

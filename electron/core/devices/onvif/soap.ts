/**
 * SOAP 1.2 envelopes for the ONVIF device service (namespace tds). Only parameterless operations are needed
 * for identification, so a body is just the operation element.
 */
export const TDS_NS = 'http://www.onvif.org/ver10/device/wsdl';
export const SOAP_NS = 'http://www.w3.org/2003/05/soap-envelope';

export type DeviceOperation = 'GetSystemDateAndTime' | 'GetDeviceInformation' | 'GetNetworkInterfaces' | 'GetScopes';

export function envelope(operation: DeviceOperation, securityHeader: string | null): string {
  const header = securityHeader === null ? '' : `<s:Header>${securityHeader}</s:Header>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<s:Envelope xmlns:s="${SOAP_NS}" xmlns:tds="${TDS_NS}">${header}<s:Body><tds:${operation}/></s:Body></s:Envelope>`
  );
}

/** SOAP 1.2 over HTTP names the action in the content type; some cameras route on it. */
export const contentType = (operation: DeviceOperation): string => `application/soap+xml; charset=utf-8; action="${TDS_NS}/${operation}"`;

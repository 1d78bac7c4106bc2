/** Found by the SOAP fuzz suite: control characters (ANSI escapes) in a camera's reply never reach our values. */
import { describe, expect, it } from 'vitest';
import {
  deviceInformation,
  faultFailure,
  networkInterfaces,
  readEnvelope,
  scopes,
} from '../../../../../../electron/core/devices/onvif/parse.js';

const ENV =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"';
const ANSI = '\u001b[31mRED\u001b[0m\u0007\u009b2J';
const body = (inner: string) => {
  const read = readEnvelope(`<s:Envelope ${ENV}><s:Body>${inner}</s:Body></s:Envelope>`, '198.18.0.21');
  if (!read.ok) throw new Error(read.failure.message);
  return read.value;
};

describe('ONVIF readers and control characters', () => {
  it('turn them into spaces in device information and interface names, and keep the rest of the text', () => {
    const reply = body(
      `<tds:GetDeviceInformationResponse><tds:Manufacturer>AXIS${ANSI}</tds:Manufacturer><tds:SerialNumber>00408C1A2B3C</tds:SerialNumber></tds:GetDeviceInformationResponse>` +
        `<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token="eth0${ANSI}"><tt:Info><tt:Name>eth${ANSI}0</tt:Name></tt:Info></tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse>`,
    );
    if (reply.kind !== 'body') throw new Error('expected a body');
    const info = deviceInformation(reply.body, '198.18.0.21');
    expect(info.ok && info.value).toMatchObject({ manufacturer: 'AXIS [31mRED [0m 2J', serial: '00408C1A2B3C' });
    expect(networkInterfaces(reply.body).map((i) => [i.token, i.name])).toEqual([['eth0 [31mRED [0m 2J', 'eth [31mRED [0m 2J0']]);
  });

  it('drop a scope URI that holds one, and keep the clean ones', () => {
    const item = (uri: string) => `<tds:Scopes><tt:ScopeItem>${uri}</tt:ScopeItem></tds:Scopes>`;
    const reply = body(
      `<tds:GetScopesResponse>${item(`onvif://www.onvif.org/name/${ANSI}`)}${item('onvif://www.onvif.org/name/Gate')}</tds:GetScopesResponse>`,
    );
    if (reply.kind !== 'body') throw new Error('expected a body');
    expect(scopes(reply.body)).toEqual(['onvif://www.onvif.org/name/Gate']);
  });

  it('keep C1 controls (\\u009b, the one-byte CSI) out of a fault sentence too', () => {
    const reply = body(`<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text>No${ANSI}</s:Text></s:Reason></s:Fault>`);
    if (reply.kind !== 'fault') throw new Error('expected a fault');
    const failure = faultFailure(reply.fault, '198.18.0.21', 400);
    expect(failure.ok).toBe(false);
    if (!failure.ok) expect(failure.failure.message).not.toMatch(/\p{Cc}/u);
  });
});

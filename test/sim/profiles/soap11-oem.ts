import {
  ANONYMOUS,
  NS,
  WSD_TO,
  action,
  hashUuid,
  messageId,
  relatesTo,
  scope,
  utf8,
  type MessageContext,
  type Profile,
  type SimCamera,
} from '../profile-types.js';
import { oemMdns } from './oem-mdns.js';

// Generic Chinese OEM shape (discovery.md §1.3, §6 rows 23, 25): SOAP 1.1 envelope, capitalised `Model/` and
// `Name/` scopes, XAddrs on port 8899, a `PortType` inside the EPR, Realtek NIC OUI.
const env = (header: string, body: string): Buffer =>
  utf8(
    `<?xml version="1.0" encoding="UTF-8"?>\r\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS.soap11}" ` +
      `xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:wsa="${NS.wsa}" xmlns:d="${NS.wsd}" ` +
      `xmlns:dn="${NS.dn}">\r\n<SOAP-ENV:Header>${header}</SOAP-ENV:Header>\r\n<SOAP-ENV:Body>${body}</SOAP-ENV:Body>\r\n</SOAP-ENV:Envelope>\r\n`,
  );

const header = (act: 'ProbeMatches' | 'Hello' | 'Bye', to: string, ctx: MessageContext, rel?: string): string =>
  `<wsa:MessageID>${messageId()}</wsa:MessageID>` +
  (rel === undefined ? '' : `<wsa:RelatesTo>${rel}</wsa:RelatesTo>`) +
  `<wsa:To>${to}</wsa:To><wsa:Action>${action(act)}</wsa:Action>` +
  `<d:AppSequence InstanceId="${ctx.instanceId}" MessageNumber="${ctx.messageNumber}"/>`;

const epr = (cam: SimCamera): string => `urn:uuid:${cam.uuid}`;

const eprXml = (cam: SimCamera): string =>
  `<wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address><wsa:ReferenceProperties></wsa:ReferenceProperties>` +
  `<wsa:PortType>ttl</wsa:PortType></wsa:EndpointReference>`;

const fields = (cam: SimCamera): string =>
  `${eprXml(cam)}<d:Types>dn:NetworkVideoTransmitter</d:Types>` +
  `<d:Scopes>${[
    scope('type/NetworkVideoTransmitter'),
    scope('Name/', cam.name ?? 'IPCAM'),
    scope('Model/', cam.model),
    scope('location/country/china'),
    scope('Profile/Streaming'),
  ].join('\n')}</d:Scopes>` +
  `<d:XAddrs>http://${cam.ip}:8899/onvif/device_service</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>`;

export const soap11Oem: Profile = {
  name: 'soap11-oem',
  ouis: ['00:e0:4c'],
  defaultModel: '631GA',
  types: [{ ns: NS.dn, local: 'NetworkVideoTransmitter' }],
  uuidFor: (seed) => hashUuid(`oem:${seed}`),
  epr,
  probeMatches: (cam, ctx) =>
    env(
      header('ProbeMatches', ANONYMOUS, ctx, relatesTo(cam, ctx)),
      `<d:ProbeMatches><d:ProbeMatch>${fields(cam)}</d:ProbeMatch></d:ProbeMatches>`,
    ),
  hello: (cam, ctx) => env(header('Hello', WSD_TO, ctx), `<d:Hello>${fields(cam)}</d:Hello>`),
  bye: (cam, ctx) => env(header('Bye', WSD_TO, ctx), `<d:Bye>${eprXml(cam)}</d:Bye>`),
  mdns: oemMdns,
};

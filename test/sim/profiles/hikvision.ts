import {
  ANONYMOUS,
  NS,
  WSD_TO,
  action,
  eui64LinkLocal,
  macSuffixedUuid,
  messageId,
  relatesTo,
  scope,
  utf8,
  type MessageContext,
  type Profile,
  type SimCamera,
} from '../profile-types.js';
import { hikvisionMdns } from './hikvision-mdns.js';

// Hikvision shape (discovery.md §6 rows 1–2, 6): `wsadis`/`dn` prefixes, a `MAC/` scope, EPR UUID ending in the
// MAC's hex digits, `name/HIKVISION%20<model>`, `location/country/china`, an EUI-64 IPv6 XAddr.
const env = (header: string, body: string): Buffer =>
  utf8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="${NS.soap12}" ` +
      `xmlns:soapenc="http://www.w3.org/2003/05/soap-encoding" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tt="http://www.onvif.org/ver10/schema" ` +
      `xmlns:tds="${NS.tds}" xmlns:dn="${NS.dn}" xmlns:wsadis="${NS.wsd}" xmlns:wsa="${NS.wsa}" ` +
      `xmlns:hikwsd="http://www.onvifext.com/onvif/ext/ver10/wsdl" xmlns:hikxsd="http://www.onvifext.com/onvif/ext/ver10/schema">` +
      `<env:Header>${header}</env:Header><env:Body>${body}</env:Body></env:Envelope>\n`,
  );

const header = (act: 'ProbeMatches' | 'Hello' | 'Bye', to: string, ctx: MessageContext, rel?: string): string =>
  `<wsa:MessageID>${messageId()}</wsa:MessageID>` +
  (rel === undefined ? '' : `<wsa:RelatesTo>${rel}</wsa:RelatesTo>`) +
  `<wsa:To env:mustUnderstand="true">${to}</wsa:To><wsa:Action env:mustUnderstand="true">${action(act)}</wsa:Action>` +
  `<wsadis:AppSequence InstanceId="${ctx.instanceId}" MessageNumber="${ctx.messageNumber}"/>`;

const epr = (cam: SimCamera): string => `urn:uuid:${cam.uuid}`;

const fields = (cam: SimCamera): string =>
  `<wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address></wsa:EndpointReference>` +
  `<wsadis:Types>dn:NetworkVideoTransmitter tds:Device</wsadis:Types>` +
  `<wsadis:Scopes>${[
    scope('type/video_encoder'),
    scope('Profile/Streaming'),
    scope(`MAC/${cam.mac}`),
    scope('hardware/', cam.model),
    scope('name/', cam.name ?? `HIKVISION ${cam.model}`),
    scope('location/city/hangzhou'),
    scope('location/country/china'),
  ].join(' ')}</wsadis:Scopes>` +
  `<wsadis:XAddrs>http://${cam.ip}/onvif/device_service http://[${eui64LinkLocal(cam.mac)}]/onvif/device_service</wsadis:XAddrs>` +
  `<wsadis:MetadataVersion>10</wsadis:MetadataVersion>`;

export const hikvision: Profile = {
  name: 'hikvision',
  ouis: ['68:6d:bc', '28:57:be', '44:19:b6'],
  defaultModel: 'DS-2CD2043G2-I',
  types: [
    { ns: NS.dn, local: 'NetworkVideoTransmitter' },
    { ns: NS.tds, local: 'Device' },
  ],
  uuidFor: (seed, mac) => macSuffixedUuid(`hikvision:${seed}`, mac),
  epr,
  probeMatches: (cam, ctx) =>
    env(
      header('ProbeMatches', ANONYMOUS, ctx, relatesTo(cam, ctx)),
      `<wsadis:ProbeMatches><wsadis:ProbeMatch>${fields(cam)}</wsadis:ProbeMatch></wsadis:ProbeMatches>`,
    ),
  hello: (cam, ctx) => env(header('Hello', WSD_TO, ctx), `<wsadis:Hello>${fields(cam)}</wsadis:Hello>`),
  bye: (cam, ctx) =>
    env(
      header('Bye', WSD_TO, ctx),
      `<wsadis:Bye><wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address></wsa:EndpointReference></wsadis:Bye>`,
    ),
  mdns: hikvisionMdns,
};

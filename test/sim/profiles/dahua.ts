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
  xmlEscape,
  type MessageContext,
  type Profile,
  type SimCamera,
} from '../profile-types.js';
import { dahuaSsdp } from './dahua-ssdp.js';

// Dahua shape (discovery.md §1.3, §6 rows 15–16): `name/Dahua` + `hardware/IPC-…`, `type/Network_Video_Transmitter`,
// and discovery elements written in a default namespace rather than with a prefix.
const env = (header: string, body: string): Buffer =>
  utf8(
    `<?xml version="1.0" encoding="utf-8" standalone="yes" ?><s:Envelope xmlns:s="${NS.soap12}" ` +
      `xmlns:a="${NS.wsa}" xmlns:dn="${NS.dn}" xmlns:tds="${NS.tds}">` +
      `<s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`,
  );

const header = (act: 'ProbeMatches' | 'Hello' | 'Bye', to: string, ctx: MessageContext, rel?: string): string =>
  `<a:Action s:mustUnderstand="1">${action(act)}</a:Action><a:MessageID>${messageId()}</a:MessageID>` +
  (rel === undefined ? '' : `<a:RelatesTo>${rel}</a:RelatesTo>`) +
  `<a:To s:mustUnderstand="1">${to}</a:To>` +
  `<AppSequence xmlns="${NS.wsd}" InstanceId="${ctx.instanceId}" MessageNumber="${ctx.messageNumber}"/>`;

const epr = (cam: SimCamera): string => `urn:uuid:${cam.uuid}`;

const fields = (cam: SimCamera): string =>
  `<a:EndpointReference><a:Address>${epr(cam)}</a:Address></a:EndpointReference>` +
  `<Types>dn:NetworkVideoTransmitter tds:Device</Types>` +
  `<Scopes>${[
    scope('location/country/china'),
    scope('name/', cam.name ?? 'Dahua'),
    scope('hardware/', cam.model),
    scope('Profile/Streaming'),
    scope('type/Network_Video_Transmitter'),
    scope('extension/unique_identifier/1'),
    scope('Profile/T'),
  ].join(' ')}</Scopes>` +
  `<XAddrs>http://${xmlEscape(cam.ip)}/onvif/device_service</XAddrs><MetadataVersion>1</MetadataVersion>`;

export const dahua: Profile = {
  name: 'dahua',
  ouis: ['3c:ef:8c', 'e0:50:8b', 'a0:bd:1d'],
  defaultModel: 'IPC-HDW2431T-AS-S2',
  types: [
    { ns: NS.dn, local: 'NetworkVideoTransmitter' },
    { ns: NS.tds, local: 'Device' },
  ],
  uuidFor: (seed) => hashUuid(`dahua:${seed}`),
  epr,
  probeMatches: (cam, ctx) =>
    env(
      header('ProbeMatches', ANONYMOUS, ctx, relatesTo(cam, ctx)),
      `<ProbeMatches xmlns="${NS.wsd}"><ProbeMatch>${fields(cam)}</ProbeMatch></ProbeMatches>`,
    ),
  hello: (cam, ctx) => env(header('Hello', WSD_TO, ctx), `<Hello xmlns="${NS.wsd}">${fields(cam)}</Hello>`),
  bye: (cam, ctx) =>
    env(
      header('Bye', WSD_TO, ctx),
      `<Bye xmlns="${NS.wsd}"><a:EndpointReference><a:Address>${epr(cam)}</a:Address></a:EndpointReference></Bye>`,
    ),
  ssdp: dahuaSsdp,
};

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
import { axisMdns, axisSsdp } from './axis-upnp.js';

// Axis shape (discovery.md §6 rows 8–9): Types `tds:Device` first, name `AXIS%20<model>`, XAddrs with https and a
// 169.254.x.x link-local address, EPR not derived from the MAC and sometimes written as a bare `uuid:`.
const env = (header: string, body: string): Buffer =>
  utf8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS.soap12}" ` +
      `xmlns:wsa="${NS.wsa}" xmlns:d="${NS.wsd}" xmlns:dn="${NS.dn}" xmlns:tds="${NS.tds}">` +
      `<SOAP-ENV:Header>${header}</SOAP-ENV:Header><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>\n`,
  );

const header = (act: 'ProbeMatches' | 'Hello' | 'Bye', to: string, ctx: MessageContext, rel?: string): string =>
  `<wsa:MessageID>${messageId()}</wsa:MessageID>` +
  (rel === undefined ? '' : `<wsa:RelatesTo>${rel}</wsa:RelatesTo>`) +
  `<wsa:To SOAP-ENV:mustUnderstand="true">${to}</wsa:To>` +
  `<wsa:Action SOAP-ENV:mustUnderstand="true">${action(act)}</wsa:Action>` +
  `<d:AppSequence SOAP-ENV:mustUnderstand="true" MessageNumber="${ctx.messageNumber}" InstanceId="${ctx.instanceId}"/>`;

const linkLocal = (mac: string): string => {
  const b = mac.split(':').map((x) => Math.min(254, Math.max(1, parseInt(x, 16))));
  return `169.254.${b[4]}.${b[5]}`;
};

const epr = (cam: SimCamera): string =>
  // Some Axis firmware writes the bare form; which one is fixed per camera so tests are repeatable.
  parseInt(cam.uuid.slice(-1), 16) % 2 === 0 ? `urn:uuid:${cam.uuid}` : `uuid:${cam.uuid}`;

const fields = (cam: SimCamera): string =>
  `<wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address></wsa:EndpointReference>` +
  `<d:Types>tds:Device dn:NetworkVideoTransmitter</d:Types>` +
  `<d:Scopes>${[
    scope('Profile/Streaming'),
    scope('Profile/G'),
    scope('Profile/T'),
    scope('hardware/', cam.model),
    scope('name/', cam.name ?? `AXIS ${cam.model}`),
    scope('location/'),
  ].join(' ')}</d:Scopes>` +
  `<d:XAddrs>http://${cam.ip}/onvif/device_service https://${cam.ip}/onvif/device_service ` +
  `http://${linkLocal(cam.mac)}/onvif/device_service</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>`;

export const axis: Profile = {
  name: 'axis',
  ouis: ['00:40:8c', 'ac:cc:8e', 'b8:a4:4f'],
  defaultModel: 'M1065-L',
  types: [
    { ns: NS.tds, local: 'Device' },
    { ns: NS.dn, local: 'NetworkVideoTransmitter' },
  ],
  uuidFor: (seed) => hashUuid(`axis:${seed}`),
  epr,
  probeMatches: (cam, ctx) =>
    env(
      header('ProbeMatches', ANONYMOUS, ctx, relatesTo(cam, ctx)),
      `<d:ProbeMatches><d:ProbeMatch>${fields(cam)}</d:ProbeMatch></d:ProbeMatches>`,
    ),
  hello: (cam, ctx) => env(header('Hello', WSD_TO, ctx), `<d:Hello>${fields(cam)}</d:Hello>`),
  bye: (cam, ctx) =>
    env(header('Bye', WSD_TO, ctx), `<d:Bye><wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address></wsa:EndpointReference></d:Bye>`),
  ssdp: axisSsdp,
  mdns: axisMdns,
};

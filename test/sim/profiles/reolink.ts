import {
  ANONYMOUS,
  NS,
  WSD_TO,
  action,
  macSuffixedUuid,
  messageId,
  relatesTo,
  scope,
  utf8,
  type MessageContext,
  type Profile,
  type SimCamera,
} from '../profile-types.js';

// Reolink shape (discovery.md §6 rows 19–20): gSOAP output with a long list of namespace declarations, `tdn:` for
// the NVT type, the name scope twice (`name/IPC`, `name/IPC-BO`), XAddrs on port 8000, MAC-suffixed EPR.
const DECLS = [
  `xmlns:SOAP-ENV="${NS.soap12}"`,
  'xmlns:SOAP-ENC="http://www.w3.org/2003/05/soap-encoding"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
  'xmlns:xop="http://www.w3.org/2004/08/xop/include"',
  `xmlns:wsa="${NS.wsa}"`,
  `xmlns:wsdd="${NS.wsd}"`,
  'xmlns:chan="http://schemas.microsoft.com/ws/2005/02/duplex"',
  'xmlns:wsa5="http://www.w3.org/2005/08/addressing"',
  'xmlns:xmime="http://tempuri.org/xmime.xsd"',
  'xmlns:tt="http://www.onvif.org/ver10/schema"',
  'xmlns:wsrfbf="http://docs.oasis-open.org/wsrf/bf-2"',
  'xmlns:wstop="http://docs.oasis-open.org/wsn/t-1"',
  `xmlns:tdn="${NS.dn}"`,
  `xmlns:tds="${NS.tds}"`,
  'xmlns:trt="http://www.onvif.org/ver10/media/wsdl"',
].join(' ');

const env = (header: string, body: string): Buffer =>
  utf8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope ${DECLS}>` +
      `<SOAP-ENV:Header>${header}</SOAP-ENV:Header><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`,
  );

const header = (act: 'ProbeMatches' | 'Hello' | 'Bye', to: string, ctx: MessageContext, rel?: string): string =>
  `<wsa:MessageID>${messageId()}</wsa:MessageID>` +
  (rel === undefined ? '' : `<wsa:RelatesTo>${rel}</wsa:RelatesTo>`) +
  `<wsa:To SOAP-ENV:mustUnderstand="true">${to}</wsa:To>` +
  `<wsa:Action SOAP-ENV:mustUnderstand="true">${action(act)}</wsa:Action>` +
  `<wsdd:AppSequence SOAP-ENV:mustUnderstand="true" InstanceId="${ctx.instanceId}" MessageNumber="${ctx.messageNumber}"></wsdd:AppSequence>`;

const epr = (cam: SimCamera): string => `urn:uuid:${cam.uuid}`;

const fields = (cam: SimCamera): string =>
  `<wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address></wsa:EndpointReference>` +
  `<wsdd:Types>tdn:NetworkVideoTransmitter tds:Device</wsdd:Types>` +
  `<wsdd:Scopes>${[
    scope('Profile/Streaming'),
    scope('Profile/T'),
    scope('type/NetworkVideoTransmitter'),
    scope('name/', cam.name ?? 'IPC'),
    scope('name/IPC-BO'),
    scope('hardware/', cam.model),
    scope('location/China'),
  ].join(' ')} </wsdd:Scopes>` +
  `<wsdd:XAddrs>http://${cam.ip}:8000/onvif/device_service</wsdd:XAddrs><wsdd:MetadataVersion>1</wsdd:MetadataVersion>`;

export const reolink: Profile = {
  name: 'reolink',
  ouis: ['ec:71:db'],
  defaultModel: 'E1Zoom',
  types: [
    { ns: NS.dn, local: 'NetworkVideoTransmitter' },
    { ns: NS.tds, local: 'Device' },
  ],
  uuidFor: (seed, mac) => macSuffixedUuid(`reolink:${seed}`, mac),
  epr,
  probeMatches: (cam, ctx) =>
    env(
      header('ProbeMatches', ANONYMOUS, ctx, relatesTo(cam, ctx)),
      `<wsdd:ProbeMatches><wsdd:ProbeMatch>${fields(cam)}</wsdd:ProbeMatch></wsdd:ProbeMatches>`,
    ),
  hello: (cam, ctx) => env(header('Hello', WSD_TO, ctx), `<wsdd:Hello>${fields(cam)}</wsdd:Hello>`),
  bye: (cam, ctx) =>
    env(
      header('Bye', WSD_TO, ctx),
      `<wsdd:Bye><wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address></wsa:EndpointReference></wsdd:Bye>`,
    ),
};

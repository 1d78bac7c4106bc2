import {
  ANONYMOUS,
  NS,
  WSD_TO,
  action,
  hashUuid,
  messageId,
  relatesTo,
  utf8,
  type MessageContext,
  type Profile,
  type SimCamera,
} from '../profile-types.js';

// A Windows PC's WSD host (discovery.md §1.2, §6 row 26): `pub:Computer`, no XAddrs. Not a camera; it answers
// untyped probes and must be filtered out by the app.
const env = (header: string, body: string): Buffer =>
  utf8(
    `<?xml version="1.0" encoding="utf-8" ?><soap:Envelope xmlns:soap="${NS.soap12}" xmlns:wsa="${NS.wsa}" ` +
      `xmlns:wsd="${NS.wsd}" xmlns:wsdp="${NS.wsdp}" xmlns:pub="${NS.pub}">` +
      `<soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`,
  );

const header = (act: 'ProbeMatches' | 'Hello' | 'Bye', to: string, ctx: MessageContext, rel?: string): string =>
  `<wsa:To>${to}</wsa:To><wsa:Action>${action(act)}</wsa:Action><wsa:MessageID>${messageId()}</wsa:MessageID>` +
  (rel === undefined ? '' : `<wsa:RelatesTo>${rel}</wsa:RelatesTo>`) +
  `<wsd:AppSequence InstanceId="${ctx.instanceId}" SequenceId="urn:uuid:${hashUuid(String(ctx.instanceId))}" ` +
  `MessageNumber="${ctx.messageNumber}"></wsd:AppSequence>`;

const epr = (cam: SimCamera): string => `urn:uuid:${cam.uuid}`;

const fields = (cam: SimCamera): string =>
  `<wsa:EndpointReference><wsa:Address>${epr(cam)}</wsa:Address></wsa:EndpointReference>` +
  `<wsd:Types>wsdp:Device pub:Computer</wsd:Types><wsd:MetadataVersion>2</wsd:MetadataVersion>`;

export const windowsPc: Profile = {
  name: 'windows-pc',
  ouis: ['00:1b:21'],
  defaultModel: 'DESKTOP',
  types: [
    { ns: NS.wsdp, local: 'Device' },
    { ns: NS.pub, local: 'Computer' },
  ],
  uuidFor: (seed) => hashUuid(`pc:${seed}`),
  epr,
  probeMatches: (cam, ctx) =>
    env(
      header('ProbeMatches', ANONYMOUS, ctx, relatesTo(cam, ctx)),
      `<wsd:ProbeMatches><wsd:ProbeMatch>${fields(cam)}</wsd:ProbeMatch></wsd:ProbeMatches>`,
    ),
  hello: (cam, ctx) => env(header('Hello', WSD_TO, ctx), `<wsd:Hello>${fields(cam)}</wsd:Hello>`),
  bye: (cam, ctx) => env(header('Bye', WSD_TO, ctx), `<wsd:Bye>${fields(cam)}</wsd:Bye>`),
};

import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { parseArgs } from 'node:util';

// Lab tool, run only inside the technician namespace (`ip netns exec <prefix>-tech tsx test/lab/probe-once.ts`):
// sends real WS-Discovery multicast probes and prints every datagram that comes back, one JSON line each.
const GROUP = '239.255.255.250';
const TYPES: Record<string, string> = { nvt: 'dn:NetworkVideoTransmitter', device: 'tds:Device', none: '' };

const { values } = parseArgs({
  options: {
    ip: { type: 'string' },
    types: { type: 'string', default: 'nvt' },
    wait: { type: 'string', default: '1500' },
    listen: { type: 'boolean', default: false },
  },
});
if (!values.ip) throw new Error('probe-once needs --ip <technician address> so it never picks another interface.');
const localIp = values.ip;

const probe = (messageId: string, types: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ' +
  'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" ' +
  'xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">' +
  '<s:Header><a:Action s:mustUnderstand="1">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>' +
  `<a:MessageID>${messageId}</a:MessageID><a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>` +
  '</s:Header><s:Body><d:Probe>' +
  (types ? `<d:Types>${types}</d:Types>` : '') +
  '</d:Probe></s:Body></s:Envelope>';

const out = (o: unknown): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
const report =
  (channel: string) =>
  (data: Buffer, from: { address: string; port: number }): void =>
    out({ channel, from: from.address, port: from.port, size: data.length, text: data.toString('utf8').slice(0, 16_384) });

const sockets = [createSocket({ type: 'udp4' })];
const unicast = sockets[0]!;
unicast.on('message', report('unicast'));
unicast.bind(0, localIp, () => {
  unicast.setMulticastInterface(localIp);
  unicast.setMulticastTTL(1);
  for (const t of values.types.split(',').filter(Boolean)) {
    const messageId = `urn:uuid:${randomUUID()}`;
    out({ sent: messageId, types: t });
    unicast.send(probe(messageId, TYPES[t] ?? t), 3702, GROUP);
  }
});
if (values.listen) {
  const mc = createSocket({ type: 'udp4', reuseAddr: true });
  sockets.push(mc);
  mc.on('message', report('multicast'));
  mc.bind(3702, '0.0.0.0', () => {
    mc.addMembership(GROUP, localIp);
    out({ listening: true });
  });
}
setTimeout(() => sockets.forEach((s) => s.close()), Number(values.wait));

import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { parseArgs } from 'node:util';
import { createOnvifDevice } from '../../../sim/onvif-device/device.js';
import { onvifHandler, startSimServer } from '../../../sim/onvif-device/server.js';

// Lab tool, run only inside a camera namespace: a WS-Discovery responder on ff02::c (and, with --ipv4, on
// 239.255.255.250 too) that answers every Probe with one ProbeMatch, so the lab has a camera reachable only
// over IPv6 and a dual-stack one. Prints one JSON line once it listens.
const { values } = parseArgs({
  options: {
    iface: { type: 'string' },
    ipv4: { type: 'string' },
    endpoint: { type: 'string' },
    name: { type: 'string', default: 'v6cam' },
    /** The camera's own link-local address: its XAddr names it (no zone, as cameras send), and with --onvif an
     * ONVIF device service (the simulator's, WS-Security user admin) listens on [::]:8899. */
    ll: { type: 'string' },
    onvif: { type: 'boolean', default: false },
  },
});
if (!values.iface || !values.endpoint) throw new Error('responder needs --iface and --endpoint');
const iface = values.iface;

const MESSAGE_ID = /MessageID[^>]*>\s*([^<\s]{1,200})\s*</;
const reply = (relatesTo: string, xaddr: string): Buffer =>
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ' +
      'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" ' +
      'xmlns:dn="http://www.onvif.org/ver10/network/wsdl"><s:Header>' +
      '<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action>' +
      `<a:MessageID>urn:uuid:${crypto.randomUUID()}</a:MessageID><a:RelatesTo>${relatesTo}</a:RelatesTo>` +
      '<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To></s:Header><s:Body><d:ProbeMatches><d:ProbeMatch>' +
      `<a:EndpointReference><a:Address>urn:uuid:${values.endpoint}</a:Address></a:EndpointReference>` +
      `<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/${values.name}</d:Scopes>` +
      `<d:XAddrs>${xaddr}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>`,
  );

const answer = (socket: Socket, xaddr: (from: RemoteInfo) => string) => (data: Buffer, from: RemoteInfo) => {
  const id = MESSAGE_ID.exec(data.toString('utf8'))?.[1];
  if (!id || !data.includes('Probe>') || data.includes('ProbeMatches')) return;
  // A link-local sender needs its zone to be answered; Node may or may not have put one on the address.
  const to =
    from.family === 'IPv6' && from.address.startsWith('fe80') && !from.address.includes('%') ? `${from.address}%${iface}` : from.address;
  socket.send(reply(id, xaddr(from)), from.port, to);
};

let ready = 0;
const listening = (): void =>
  void (++ready === (values.ipv4 ? 2 : 1) + (values.onvif ? 1 : 0) && process.stdout.write(`${JSON.stringify({ listening: true })}\n`));
const v6Xaddr = values.ll ? `http://[${values.ll}]:8899/onvif/device_service` : 'http://[fe80::1]/onvif/device_service';
if (values.onvif) {
  const device = createOnvifDevice({
    auth: 'ws-security',
    users: { admin: 'lab-v6-password' },
    facts: {
      manufacturer: 'AXIS',
      model: 'M3106-L Mk II',
      firmware: '10.12.0',
      serial: 'ACCC8E0A6A1C',
      hardwareId: '6A1C',
      mac: 'ac:cc:8e:0a:6a:1c',
      ip: values.ll ?? '::',
      scopes: [`onvif://www.onvif.org/name/${values.name}`],
    },
  });
  void startSimServer({ host: '::', port: 8899, handlers: [onvifHandler(device)] }).then(listening);
}

const v6 = createSocket({ type: 'udp6', reuseAddr: true, ipv6Only: true });
v6.on(
  'message',
  answer(v6, () => v6Xaddr),
);
v6.bind(3702, '::', () => {
  v6.addMembership('ff02::c', `::%${iface}`);
  listening();
});
if (values.ipv4) {
  const ipv4 = values.ipv4;
  const v4 = createSocket({ type: 'udp4', reuseAddr: true });
  v4.on(
    'message',
    answer(v4, () => `http://${ipv4}/onvif/device_service`),
  );
  v4.bind(3702, '0.0.0.0', () => {
    v4.addMembership('239.255.255.250', ipv4);
    listening();
  });
}
process.on('SIGTERM', () => process.exit(0));

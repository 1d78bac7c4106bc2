import { createSocket, type Socket } from 'node:dgram';
import { parseArgs } from 'node:util';
import { TYPE, encodeQuery, parseResponse } from '../sim/mdns/dns-wire.js';

// Lab tool, run only inside the technician namespace (`ip netns exec <prefix>-tech tsx test/lab/ssdp-mdns-once.ts`):
// sends one SSDP M-SEARCH per --st and one mDNS PTR query per --mdns type, prints every answer as a JSON line
// (SSDP headers; mDNS records decoded), NOTIFYs and announcements too with --listen, and fetches each SSDP
// LOCATION once with --fetch. A test of the simulators, written apart from the app's own clients.
const { values } = parseArgs({
  options: {
    ip: { type: 'string' },
    st: { type: 'string', default: '' },
    mdns: { type: 'string', default: '' },
    wait: { type: 'string', default: '2500' },
    listen: { type: 'boolean', default: false },
    fetch: { type: 'boolean', default: false },
  },
});
if (!values.ip) throw new Error('ssdp-mdns-once needs --ip <technician address> so it never picks another interface.');
const localIp = values.ip;
const out = (o: unknown): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

const headersOf = (text: string): Record<string, string> => {
  const h: Record<string, string> = {};
  for (const line of text.split(/\r?\n/).slice(1)) {
    const c = line.indexOf(':');
    if (c > 0) h[line.slice(0, c).trim().toUpperCase()] = line.slice(c + 1).trim();
  }
  return h;
};
const fetched = new Set<string>();
const pending: Promise<void>[] = [];
const onSsdp = (channel: string) => (data: Buffer, from: { address: string }) => {
  const text = data.toString('latin1');
  const headers = headersOf(text);
  out({ proto: 'ssdp', channel, from: from.address, start: text.split(/\r?\n/)[0], headers });
  const loc = headers.LOCATION;
  if (values.fetch && loc && !fetched.has(loc)) {
    fetched.add(loc);
    pending.push(
      fetch(loc, { signal: AbortSignal.timeout(2000) })
        .then(async (r) => out({ proto: 'upnp', location: loc, status: r.status, xml: (await r.text()).slice(0, 65_536) }))
        .catch((e: unknown) => out({ proto: 'upnp', location: loc, error: String(e) })),
    );
  }
};
const onMdns = (data: Buffer, from: { address: string }) => {
  const r = parseResponse(data);
  if (r) out({ proto: 'mdns', from: from.address, records: [...r.answers, ...r.additionals] });
};

const sockets: Socket[] = [];
const ssdp = createSocket({ type: 'udp4' });
sockets.push(ssdp);
ssdp.on('message', onSsdp('unicast'));
ssdp.bind(0, localIp, () => {
  ssdp.setMulticastInterface(localIp);
  ssdp.setMulticastTTL(2);
  for (const st of values.st.split(',').filter(Boolean)) {
    const msg = `M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 1\r\nST: ${st}\r\n\r\n`;
    ssdp.send(msg, 1900, '239.255.255.250');
  }
});
if (values.listen) {
  const notifies = createSocket({ type: 'udp4', reuseAddr: true });
  sockets.push(notifies);
  notifies.on('message', onSsdp('multicast'));
  notifies.bind(1900, '0.0.0.0', () => notifies.addMembership('239.255.255.250', localIp));
}
const types = values.mdns.split(',').filter(Boolean);
if (types.length > 0 || values.listen) {
  const mdns = createSocket({ type: 'udp4', reuseAddr: true });
  sockets.push(mdns);
  mdns.on('message', onMdns);
  mdns.bind(5353, '0.0.0.0', () => {
    mdns.addMembership('224.0.0.251', localIp);
    mdns.setMulticastInterface(localIp);
    if (types.length > 0)
      mdns.send(
        encodeQuery(
          types.map((t) => `${t}.local`),
          TYPE.PTR,
        ),
        5353,
        '224.0.0.251',
      );
    out({ listening: true });
  });
} else out({ listening: true });
setTimeout(() => {
  void Promise.all(pending).then(() => sockets.forEach((s) => s.close()));
}, Number(values.wait));

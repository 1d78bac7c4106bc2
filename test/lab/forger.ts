/**
 * Runs inside the forger namespace (test/lab/forger-ns.ts). Two attacks from the hostile-input issue:
 *   hellos  --count N --bytes B          N fat WS-Discovery Hellos, each from its own source address and endpoint
 *   matches --seconds S --bytes B --rate R
 *           wait for the app's Probe, then flood its socket with distinct B-byte ProbeMatches whose scopes are
 *           control characters, R per second for S seconds
 * Prints JSON lines; the last one is the summary.
 */
import { createSocket, type Socket } from 'node:dgram';
import { randomBytes, randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';

const GROUP = '239.255.255.250';
const PORT = 3702;
const NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsd: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
  dn: 'http://www.onvif.org/ver10/network/wsdl',
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '2000' },
    bytes: { type: 'string', default: '60000' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '400' },
  },
});
const mode = positionals[0];
const bytes = Number(values.bytes);
const out = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + '\n');

const localAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);

/** Filler of exactly `n` characters: printable for Hellos, C0 control characters for the match flood. */
const filler = (n: number, control: boolean): string =>
  control
    ? Array.from(randomBytes(n), (b) => String.fromCharCode(1 + (b % 8))).join('')
    : randomBytes(Math.ceil(n / 2))
        .toString('hex')
        .slice(0, n);

function envelope(action: string, relates: string | null, body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${NS.soap}" xmlns:a="${NS.wsa}" xmlns:d="${NS.wsd}" xmlns:dn="${NS.dn}">` +
    `<s:Header><a:MessageID>urn:uuid:${randomUUID()}</a:MessageID>` +
    (relates ? `<a:RelatesTo>${relates}</a:RelatesTo>` : '') +
    `<a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To><a:Action>${NS.wsd}/${action}</a:Action>` +
    `<d:AppSequence InstanceId="1" MessageNumber="1"/></s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

/** A device record as fat as a 64 KiB datagram allows: long scopes, many XAddrs, long Types. */
function fatFields(ip: string, size: number, control: boolean): string {
  const quarter = Math.max(16, Math.floor(size / 4) - 200);
  const scopes = Array.from(
    { length: 40 },
    (_, i) => `onvif://www.onvif.org/${i === 0 ? 'name' : 'x' + i}/${filler(Math.floor(quarter / 40), control)}`,
  );
  const xaddrs = Array.from({ length: 40 }, (_, i) => `http://${ip}:${8000 + i}/onvif/${filler(Math.floor(quarter / 40), false)}`);
  const types = ['dn:NetworkVideoTransmitter', ...Array.from({ length: 20 }, () => `dn:T${filler(Math.floor(quarter / 20), false)}`)];
  return (
    `<a:EndpointReference><a:Address>urn:uuid:${randomUUID()}</a:Address></a:EndpointReference>` +
    `<d:Types>${types.join(' ')}</d:Types><d:Scopes>${scopes.join(' ')} onvif://www.onvif.org/hardware/${filler(quarter, control)}</d:Scopes>` +
    `<d:XAddrs>${xaddrs.join(' ')}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>`
  );
}

const trim = (xml: string, max: number): Buffer => {
  const b = Buffer.from(xml, 'utf8');
  return b.length <= max ? b : Buffer.from(xml.slice(0, xml.length - (b.length - max)), 'utf8');
};

const bound = (sock: Socket, address: string, port = 0) =>
  new Promise<void>((resolve, reject) => {
    sock.once('error', reject);
    sock.bind({ address, port, exclusive: false }, () => {
      sock.off('error', reject);
      resolve();
    });
  });

async function hellos(): Promise<void> {
  const addresses = localAddresses().slice(0, Number(values.count));
  let sent = 0;
  let failed = 0;
  const one = async (address: string) => {
    const sock = createSocket({ type: 'udp4', reuseAddr: true });
    sock.on('error', () => undefined);
    try {
      await bound(sock, address);
      sock.setMulticastInterface(address);
      const xml = envelope('Hello', null, `<d:Hello>${fatFields(address, bytes, false)}</d:Hello>`);
      await new Promise<void>((resolve, reject) => sock.send(trim(xml, 65_000), PORT, GROUP, (e) => (e ? reject(e) : resolve())));
      sent++;
    } catch {
      failed++;
    } finally {
      sock.close();
    }
  };
  for (let i = 0; i < addresses.length; i += 50) await Promise.all(addresses.slice(i, i + 50).map(one));
  out({ mode: 'hellos', sent, failed, sources: addresses.length });
}

async function matches(): Promise<void> {
  const [first] = localAddresses();
  if (!first) throw new Error('no address');
  const listener = createSocket({ type: 'udp4', reuseAddr: true });
  listener.on('error', () => undefined);
  await bound(listener, '0.0.0.0', PORT);
  listener.addMembership(GROUP, first);
  const sender = createSocket({ type: 'udp4' });
  sender.on('error', () => undefined);
  await bound(sender, first);
  const targets = new Map<string, { address: string; port: number; relates: string }>();
  let sent = 0;
  let started = 0;
  listener.on('message', (msg, rinfo) => {
    const text = msg.toString('utf8');
    if (!/Probe>|:Probe[ >]/.test(text) || /ProbeMatch/.test(text)) return;
    const relates = /MessageID[^>]*>([^<]+)</.exec(text)?.[1] ?? 'urn:uuid:0';
    targets.set(`${rinfo.address}:${rinfo.port}`, { address: rinfo.address, port: rinfo.port, relates });
    if (!started) {
      started = Date.now();
      out({ mode: 'matches', probeFrom: `${rinfo.address}:${rinfo.port}` });
    }
  });
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const giveUpAt = Date.now() + 60_000; // no probe within a minute: the scan never started
  const deadline = () => (started ? started + seconds * 1000 : giveUpAt);
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      if (Date.now() > deadline()) {
        clearInterval(tick);
        resolve();
        return;
      }
      if (!started) return;
      const perTick = Math.max(1, Math.round(rate / 20));
      for (const t of targets.values()) {
        for (let i = 0; i < perTick; i++) {
          const xml = envelope(
            'ProbeMatches',
            t.relates,
            `<d:ProbeMatches><d:ProbeMatch>${fatFields(first, bytes, true)}</d:ProbeMatch></d:ProbeMatches>`,
          );
          sender.send(trim(xml, 65_000), t.port, t.address, () => undefined);
          sent++;
        }
      }
    }, 50);
  });
  listener.close();
  sender.close();
  out({ mode: 'matches', sent, targets: targets.size, seconds });
}

const run = mode === 'hellos' ? hellos : mode === 'matches' ? matches : null;
if (!run) {
  process.stderr.write('usage: forger.ts hellos|matches [--count N] [--bytes B] [--seconds S] [--rate R]\n');
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`forger: ${String(e)}\n`);
    process.exit(1);
  },
);

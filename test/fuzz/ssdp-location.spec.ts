/**
 * SSDP LOCATION is text any LAN host can put in a datagram. Through the real SSDP source (search answers and
 * NOTIFY), with an HTTP port that records every request: a LOCATION on another host, `file:`, loopback,
 * link-local, a non-http(s) scheme, userinfo tricks or an IPv6 literal is never fetched; the honest one is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../electron/core/discovery/source.js';
import { createSsdpSource } from '../../electron/core/discovery/ssdp/source.js';
import type { Observation } from '../../electron/core/inventory/observation.js';
import type { NetInterface } from '../../shared/net.js';
import { FakeClock, FakeUdp, flush, MemoryLog } from '../support/fake-udp.js';
import { FakeHttp, ssdpText, upnpText } from '../unit/electron/core/discovery/ssdp/fixtures.js';
import { FUZZ_TIMEOUT_MS, nastyText } from './hostile.js';

const lab0: NetInterface = { name: 'lab0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: null };
const RESPONDER = '198.18.0.21';
const HONEST = 'http://198.18.0.21:49152/rootdesc1.xml';

const TRICKS: [string, string][] = [
  ['another host on the LAN', 'http://198.18.0.66:49152/rootdesc1.xml'],
  ['file:', 'file:///etc/passwd'],
  ['file: on the responder', 'file://198.18.0.21/etc/passwd'],
  ['loopback', 'http://127.0.0.1:49152/rootdesc1.xml'],
  ['loopback, short form', 'http://127.1/'],
  ['loopback, decimal', 'http://2130706433/'],
  ['loopback, hex', 'http://0x7f000001/'],
  ['localhost', 'http://localhost:9/'],
  ['0.0.0.0', 'http://0.0.0.0:8080/'],
  ['link-local metadata', 'http://169.254.169.254/latest/meta-data/'],
  ['ftp', 'ftp://198.18.0.21/rootdesc1.xml'],
  ['gopher', 'gopher://198.18.0.21:70/_GET'],
  ['websocket', 'ws://198.18.0.21:49152/'],
  ['javascript', 'javascript:alert(1)'],
  ['data', 'data:text/xml,<root/>'],
  ['userinfo pointing at loopback', 'http://198.18.0.21@127.0.0.1/rootdesc1.xml'],
  ['credentials on the responder', 'http://admin:admin@198.18.0.21:49152/rootdesc1.xml'],
  ['fragment trick', 'http://127.0.0.1#@198.18.0.21/'],
  ['backslash trick', 'http://127.0.0.1\\@198.18.0.21/'],
  ['port-as-userinfo trick', 'http://198.18.0.21:80@169.254.169.254/'],
  ['IPv6 loopback', 'http://[::1]:49152/'],
  ['IPv6 link-local', 'http://[fe80::240:8cff:fe1a:2b3c]:49152/rootdesc1.xml'],
  ['IPv4-mapped IPv6 of the responder', 'http://[::ffff:198.18.0.21]:49152/rootdesc1.xml'],
  ['IPv6 global', 'http://[2001:db8::21]/'],
  ['DNS name that resolves anywhere', 'http://198.18.0.21.nip.io/rootdesc1.xml'],
  ['mDNS name', 'http://axis-00408c1a2b3c.local/rootdesc1.xml'],
  ['relative', '/rootdesc1.xml'],
  ['oversized', `http://198.18.0.21/${'a'.repeat(5000)}`],
];

function setup() {
  const clock = new FakeClock();
  const udp = new FakeUdp(clock);
  const http = new FakeHttp();
  const reports: Observation[] = [];
  const ctx: SourceContext = { interfaces: [lab0], udp: udp.factory, clock, log: new MemoryLog(), report: (o) => reports.push(o) };
  return { clock, udp, http, reports, ctx, source: createSsdpSource({ http }) };
}

const answer = (location: string) => ssdpText('axis-response.txt').replace(`LOCATION: ${HONEST}`, `LOCATION: ${location}`);
const notify = (location: string) =>
  ssdpText('minidlna-notify-alive.txt').replace('LOCATION:http://198.18.0.30:8200/rootDesc.xml', `LOCATION:${location}`);

/** Delivers `location` as a search answer and as a NOTIFY from the responder; answers the URLs requested. */
async function requestsFor(location: string): Promise<string[]> {
  const { clock, udp, http, reports, ctx, source } = setup();
  http.routes.set(HONEST, upnpText('axis-description.xml'));
  await source.listen(ctx);
  const scan = source.scan(ctx, 3_000, new AbortController().signal);
  await flush();
  udp.boundOn('198.18.0.2').deliver(answer(location), RESPONDER, 1900);
  udp.boundOn('0.0.0.0').deliver(notify(location), RESPONDER, 1900);
  await clock.advance(3_000);
  await scan;
  await source.close();
  expect(reports.length).toBeGreaterThan(0); // the responder is still reported, from its headers
  return http.requests.map((r) => r.url);
}

describe('SSDP LOCATION through the source', () => {
  it('fetches the honest LOCATION on the responder itself (the fake port records it)', async () => {
    expect(await requestsFor(HONEST)).toContain(HONEST);
  });

  it.each(TRICKS)('never fetches a LOCATION that is %s', async (_what, location) => {
    expect(await requestsFor(location)).toEqual([]);
  });

  it(
    '300 generated LOCATION values: anything fetched is http(s) on the responder, without credentials',
    async () => {
      const location = fc.oneof(
        nastyText,
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc
          .tuple(
            fc.constantFrom('http', 'https', 'HTTP', 'file', 'ftp', 'ws'),
            fc.constantFrom(RESPONDER, '198.18.0.22', '127.0.0.1', '169.254.1.1', '[::1]', `x@${RESPONDER}`, `${RESPONDER}@127.0.0.1`),
            fc.option(fc.integer({ min: 0, max: 70_000 })),
            fc.string({ maxLength: 30 }),
          )
          .map(([scheme, host, port, path]) => `${scheme}://${host}${port === null ? '' : `:${port}`}/${path}`),
      );
      await fc.assert(
        fc.asyncProperty(location, async (text) => {
          for (const url of await requestsFor(text.replace(/[\r\n]/g, ''))) {
            const parsed = new URL(url);
            expect(['http:', 'https:']).toContain(parsed.protocol);
            expect(parsed.hostname).toBe(RESPONDER);
            expect(parsed.username + parsed.password).toBe('');
          }
        }),
        { numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

/**
 * The untyped Probe (no Types): Windows PCs and printers answer only that one, so "all devices" needs it; their
 * answers are devices, never cameras, while a camera answering it is still a camera.
 */
import { describe, expect, it } from 'vitest';
import type { SourceContext } from '../../../../../../electron/core/discovery/source.js';
import { parseWsdMessage } from '../../../../../../electron/core/discovery/wsd/parse.js';
import { buildProbe } from '../../../../../../electron/core/discovery/wsd/probe.js';
import { createWsdSource } from '../../../../../../electron/core/discovery/wsd/source.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import type { NetInterface } from '../../../../../../shared/net.js';
import { FakeClock, FakeUdp, flush, MemoryLog } from '../../../../../support/fake-udp.js';
import { fixtureText } from './fixtures.js';

const eth0: NetInterface = { name: 'eth0', address: '192.168.1.10', netmask: '255.255.255.0', cidr: '192.168.1.10/24', mac: null };
const PLACEHOLDER = 'urn:uuid:0b0e6f3c-1111-4222-8333-944455556666';
const ID = 'urn:uuid:5f4a1c3e-8d2b-4e6f-9a0c-1b2d3e4f5a6b';

describe('buildProbe(null): the untyped probe', () => {
  it('is a Probe with no Types element, which the parser reads back as a probe asking for nothing in particular', () => {
    const xml = buildProbe(null, ID);
    expect(xml).toContain('<d:Probe></d:Probe>');
    expect(xml).not.toContain('Types');
    expect(parseWsdMessage(new TextEncoder().encode(xml))).toMatchObject({ kind: 'probe', messageId: ID, probeTypes: [] });
  });
});

describe('createWsdSource().scan with the untyped probe', () => {
  it('reports a printer and a Windows PC answering it as devices that are not cameras, and a camera as a camera', async () => {
    const clock = new FakeClock();
    const udp = new FakeUdp(clock);
    const reports: Observation[] = [];
    const ctx: SourceContext = { interfaces: [eth0], udp: udp.factory, clock, log: new MemoryLog(), report: (o) => reports.push(o) };
    const source = createWsdSource({ random: () => 0.5 });
    const scan = source.scan(ctx, 3_000, new AbortController().signal);
    await flush();
    const socket = udp.boundOn('192.168.1.10');
    const untyped = socket.sends
      .map((sent) => parseWsdMessage(new TextEncoder().encode(sent.text)))
      .find((message) => message?.kind === 'probe' && message.probeTypes.length === 0);
    expect(untyped?.messageId).toMatch(/^urn:uuid:/);
    const answer = (name: string) => fixtureText(name).replace(PLACEHOLDER, untyped?.messageId ?? 'none');

    socket.deliver(answer('printer-probe-matches.xml'), '192.168.1.77');
    const pc = fixtureText('windows-pc-hello.xml')
      .replace(/<wsa:Action>[^<]*<\/wsa:Action>/, `<wsa:RelatesTo>${untyped?.messageId ?? ''}</wsa:RelatesTo>`)
      .replace('<wsd:Hello>', '<wsd:ProbeMatches><wsd:ProbeMatch>')
      .replace('</wsd:Hello>', '</wsd:ProbeMatch></wsd:ProbeMatches>');
    socket.deliver(pc, '192.168.1.30');
    socket.deliver(answer('axis-probe-matches.xml'), '192.168.1.40');
    await clock.advance(3_000);
    await scan;

    expect(reports.map((r) => [r.ip, r.kind, r.isCamera])).toEqual([
      ['192.168.1.77', 'alive', false],
      ['192.168.1.30', 'alive', false],
      ['192.168.1.40', 'alive', true],
    ]);
    expect(reports[0]?.onvif?.types).toEqual(['wsdp:Device', 'wprt:PrintDeviceType', 'wscn:ScanDeviceType']);
    expect(reports[1]?.endpoint).toBe('4c4c4544-0042-3510-8052-b4c04f4e3432');
  });
});

import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core.js';
import type { DiscoverySource, SourceContext } from '../../../../electron/core/discovery/source.js';
import type { Observation } from '../../../../electron/core/inventory/observation.js';
import type { EventName, EventPayload } from '../../../../shared/contract.js';
import { MAX_DEVICES } from '../../../../shared/limits.js';
import type { NetInterface } from '../../../../shared/net.js';
import { FakeNeighbours, fakePorts, lab0, ManualClock } from '../../../support/fake-ports.js';
import { fact, obs } from '../../../support/observations.js';

/** A source that replays scripted observations when scanned, then waits out the scan on the scan's clock. */
function scriptedSource(script: (ctx: SourceContext) => void): DiscoverySource & { scannedOn: string[][]; ctx: SourceContext | null } {
  const scannedOn: string[][] = [];
  const source: DiscoverySource & { scannedOn: string[][]; ctx: SourceContext | null } = {
    name: 'wsd',
    scannedOn,
    ctx: null,
    listen: async (ctx) => void (source.ctx = ctx),
    close: async () => {},
    async scan(ctx, durationMs, signal) {
      scannedOn.push(ctx.interfaces.map((i) => i.name));
      script(ctx);
      await new Promise<void>((resolve) => {
        const cancel = ctx.clock.setTimeout(resolve, durationMs);
        signal.addEventListener('abort', () => (cancel(), resolve()));
      });
      return { probesSent: 8, repliesReceived: 2, dropped: 1, errors: [], skipped: [] };
    },
  };
  return source;
}

const HIK_EPR = '3fa1fe68-b915-4053-a3e1-686dbc5cb15d';
const seen = (ip: string, endpoint: string, extra: Partial<Observation> = {}): Observation => obs({ ip, endpoint, ...extra });

function setup(
  source: DiscoverySource,
  neighbours = new FakeNeighbours(),
  interfaces: NetInterface[] = [lab0],
  allowedInterfaces?: string[],
) {
  const clock = new ManualClock();
  const core = createCore(fakePorts(clock, neighbours, interfaces), { sources: [source], allowedInterfaces });
  const events: { name: EventName; payload: unknown }[] = [];
  const names: EventName[] = ['device-found', 'device-updated', 'device-lost', 'device-merged', 'scan-progress', 'scan-finished'];
  for (const name of names) core.on(name, (payload) => events.push({ name, payload }));
  let finished: EventPayload<'scan-finished'> | null = null;
  core.on('scan-finished', (payload) => (finished = payload));
  /** Runs a scan to its end on the manual clock. */
  const scan = async (timeoutMs: number) => {
    const started = await core['scan.start']({ timeoutMs });
    expect(started.ok).toBe(true);
    await clock.advance(timeoutMs + 1000);
    if (!finished) throw new Error('scan did not finish');
    return finished as EventPayload<'scan-finished'>;
  };
  const deviceEvents = () => events.filter((e) => e.name.startsWith('device-')).map((e) => e.name);
  return { clock, core, events, scan, deviceEvents };
}

describe('core', () => {
  it('fills devices live, adds the neighbour-table MAC and IEEE vendor, and finishes with diagnostics', async () => {
    const source = scriptedSource((ctx) => {
      ctx.report(seen('198.18.1.1', 'ep-axis', { facts: [fact('name', 'AXIS M1065-L')] }));
      ctx.report(seen('198.18.1.2', 'ep-pc', { isCamera: false }));
    });
    const { core, events, clock } = setup(source, new FakeNeighbours([{ ip: '198.18.1.1', mac: '00:40:8c:12:34:56', interface: 'lab0' }]));
    expect((await core['scan.start']({ timeoutMs: 300 })).ok).toBe(true);
    expect(await core['scan.start']({})).toMatchObject({ ok: false, code: 'busy' });
    await clock.advance(1300);
    const list = await core['devices.list']({});
    const axis = list.ok ? list.value.devices.find((d) => d.ip === '198.18.1.1') : undefined;
    expect(axis).toMatchObject({ mac: '00:40:8c:12:34:56', macSource: 'arp', name: 'AXIS M1065-L', isCamera: true });
    expect(axis?.vendor).toMatch(/Axis Communications/i);
    expect(axis?.facts.mac?.[0]).toMatchObject({ source: 'arp', hint: false });
    expect(events.filter((e) => e.name === 'device-found')).toHaveLength(2);
    expect(events.some((e) => e.name === 'scan-progress')).toBe(true);
    const finished = events.find((e) => e.name === 'scan-finished')?.payload as EventPayload<'scan-finished'>;
    expect(finished.reason).toBe('completed');
    expect(finished.diagnostics).toMatchObject({
      interfaces: [{ name: 'lab0', address: '198.18.0.2' }],
      probesSent: 8,
      nonCameras: 1,
      errors: [],
    });
    await core.close();
  });

  it('stops a running scan on request', async () => {
    const { core, events } = setup(scriptedSource(() => {}));
    await core['scan.start']({ timeoutMs: 60_000 });
    expect(await core['scan.stop']({})).toEqual({ ok: true, value: { stopped: true } });
    expect(events.find((e) => e.name === 'scan-finished')?.payload).toMatchObject({ reason: 'stopped' });
    expect(await core['scan.stop']({})).toEqual({ ok: true, value: { stopped: false } });
  });

  it('probes only the allowed interfaces and explains names that do not exist', async () => {
    const eth0: NetInterface = { ...lab0, name: 'eth0', address: '10.1.2.3', netmask: '255.255.255.0', cidr: '10.1.2.3/24' };
    const source = scriptedSource(() => {});
    const { core, scan } = setup(source, new FakeNeighbours(), [eth0, lab0], ['lab0', 'wlan9']);
    const { diagnostics } = await scan(200);
    expect(source.scannedOn).toEqual([['lab0']]);
    expect(diagnostics.skipped).toEqual([{ name: 'wlan9', reason: expect.stringContaining('does not exist') }]);
    const listed = await core['interfaces.list']({});
    expect(listed.ok && listed.value.interfaces.map((i) => i.name)).toEqual(['lab0']);
  });

  it('does not take the neighbour-table MAC for a camera behind a router', async () => {
    const source = scriptedSource((ctx) => ctx.report(seen('203.0.113.7', 'ep-remote')));
    const { core, scan } = setup(source, new FakeNeighbours([{ ip: '203.0.113.7', mac: '00:11:22:33:44:55', interface: 'lab0' }]));
    await scan(200);
    const list = await core['devices.list']({});
    expect(list.ok && list.value.devices[0]?.mac).toBeNull();
  });
});

describe('core: one change event per observation', () => {
  it('a Hello yields exactly one device-found carrying its MAC hint and vendor; a repeat exactly one update', async () => {
    const source = scriptedSource(() => {});
    const { core, deviceEvents, events } = setup(source);
    await core.start();
    const hello = seen('198.18.1.64', HIK_EPR, { facts: [fact('name', 'HIKVISION DS-2CD2143G2-I')] });
    source.ctx?.report(hello);
    expect(deviceEvents()).toEqual(['device-found']);
    const found = events[0]?.payload as EventPayload<'device-found'>;
    expect(found.device).toMatchObject({ mac: '68:6d:bc:5c:b1:5d', macSource: 'uuid-suffix', vendor: expect.stringMatching(/Hikvision/i) });
    source.ctx?.report({ ...hello, at: hello.at + 1000 });
    expect(deviceEvents()).toEqual(['device-found', 'device-updated']);
    await core.close();
  });

  it('a packet that joins two records yields device-merged then one update; a Bye one device-lost', async () => {
    const source = scriptedSource(() => {});
    const { core, deviceEvents } = setup(source);
    await core.start();
    source.ctx?.report(seen('198.18.1.1', 'ep-a'));
    source.ctx?.report(seen('198.18.1.2', 'ep-b'));
    source.ctx?.report(seen('198.18.1.1', 'ep-b'));
    source.ctx?.report(obs({ kind: 'bye', endpoint: 'ep-b' }));
    expect(deviceEvents()).toEqual(['device-found', 'device-found', 'device-merged', 'device-updated', 'device-lost']);
    await core.close();
  });

  it('the neighbour refresh sends one update per device that learnt its MAC, debounced', async () => {
    const source = scriptedSource(() => {});
    const neighbours = new FakeNeighbours([{ ip: '198.18.1.1', mac: '00:40:8c:12:34:56', interface: 'lab0' }]);
    const { core, clock, deviceEvents } = setup(source, neighbours);
    await core.start();
    for (let i = 0; i < 20; i++) source.ctx?.report(seen('198.18.1.1', 'ep-a', { at: clock.now() }));
    await clock.advance(150);
    expect(neighbours.reads).toBe(1);
    expect(deviceEvents()).toEqual(['device-found', ...Array(19).fill('device-updated'), 'device-updated']);
    await core.close();
  });

  it('counts devices refused by a full inventory and says so in the diagnostics', async () => {
    const source = scriptedSource((ctx) => {
      for (let i = 0; i < MAX_DEVICES + 25; i++) ctx.report(seen(`198.19.${Math.floor(i / 250)}.${(i % 250) + 1}`, `forged-${i}`));
    });
    const { core, scan, deviceEvents } = setup(source);
    const { diagnostics } = await scan(200);
    expect(deviceEvents().filter((e) => e === 'device-found')).toHaveLength(MAX_DEVICES);
    expect(diagnostics.errors).toEqual([expect.stringContaining('25 answers from further devices were ignored')]);
    await core.close();
  });
});

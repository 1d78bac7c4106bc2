import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core.js';
import type { DiscoverySource, SourceContext } from '../../../../electron/core/discovery/source.js';
import type { Observation } from '../../../../electron/core/inventory/observation.js';
import { systemClock } from '../../../../electron/platform/clock.js';
import { silentLogger } from '../../../../electron/platform/logger.js';
import type { NeighbourEntry, Ports } from '../../../../electron/platform/ports.js';
import { createMemorySettings } from '../../../../electron/platform/settings.js';
import type { EventName, EventPayload } from '../../../../shared/contract.js';
import type { NetInterface } from '../../../../shared/net.js';

const lab0: NetInterface = { name: 'lab0', address: '198.18.0.2', netmask: '255.255.0.0', cidr: '198.18.0.2/16', mac: '02:00:00:00:00:02' };

/** A source that replays scripted observations when scanned, so the core is tested without sockets. */
function scriptedSource(script: (ctx: SourceContext) => void): DiscoverySource & { scannedOn: string[][] } {
  const scannedOn: string[][] = [];
  return {
    name: 'wsd',
    scannedOn,
    listen: async () => {},
    close: async () => {},
    async scan(ctx, durationMs, signal) {
      scannedOn.push(ctx.interfaces.map((i) => i.name));
      script(ctx);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, durationMs);
        signal.addEventListener('abort', () => (clearTimeout(t), resolve()));
      });
      return { probesSent: 8, repliesReceived: 2, dropped: 1, errors: [], skipped: [] };
    },
  };
}

const seen = (ip: string, endpoint: string, extra: Partial<Observation> = {}): Observation => ({
  source: 'wsd', kind: 'alive', at: Date.now(), ip, interface: 'lab0', endpoint, isCamera: true, facts: [], onvif: null, ...extra,
});

function ports(neighbours: NeighbourEntry[], interfaces = [lab0]): Ports {
  return {
    udp: () => {
      throw new Error('no sockets in unit tests');
    },
    clock: systemClock,
    log: silentLogger,
    settings: createMemorySettings(),
    network: { interfaces: () => interfaces },
    neighbours: { read: async () => neighbours },
  };
}

function record(core: ReturnType<typeof createCore>) {
  const events: { name: EventName; payload: unknown }[] = [];
  const names: EventName[] = ['device-found', 'device-updated', 'device-lost', 'scan-progress', 'scan-finished'];
  for (const name of names) core.on(name, (payload) => events.push({ name, payload }));
  const finished = new Promise<EventPayload<'scan-finished'>>((resolve) => core.on('scan-finished', resolve));
  return { events, finished };
}

describe('core', () => {
  it('fills devices live, adds the neighbour-table MAC and IEEE vendor, and finishes with diagnostics', async () => {
    const source = scriptedSource((ctx) => {
      ctx.report(seen('198.18.1.1', 'ep-axis', { facts: [{ name: 'name', value: 'AXIS M1065-L', source: 'wsd-scope', hint: false }] }));
      ctx.report(seen('198.18.1.2', 'ep-pc', { isCamera: false }));
    });
    const core = createCore(ports([{ ip: '198.18.1.1', mac: '00:40:8c:12:34:56', interface: 'lab0' }]), { sources: [source] });
    const { events, finished } = record(core);
    const started = await core['scan.start']({ timeoutMs: 300 });
    expect(started.ok).toBe(true);
    expect(await core['scan.start']({})).toMatchObject({ ok: false, code: 'busy' });
    const done = await finished;
    expect(done.reason).toBe('completed');
    expect(done.diagnostics).toMatchObject({ interfaces: [{ name: 'lab0', address: '198.18.0.2' }], probesSent: 8, nonCameras: 1 });
    expect(events.filter((e) => e.name === 'device-found')).toHaveLength(2);
    expect(events.some((e) => e.name === 'scan-progress')).toBe(true);

    const list = await core['devices.list']({});
    const axis = list.ok ? list.value.devices.find((d) => d.ip === '198.18.1.1') : undefined;
    expect(axis).toMatchObject({ mac: '00:40:8c:12:34:56', macSource: 'arp', name: 'AXIS M1065-L', isCamera: true });
    expect(axis?.vendor).toMatch(/Axis Communications/i);
    expect(axis?.facts.mac?.[0]).toMatchObject({ source: 'arp', hint: false });
    await core.close();
  });

  it('stops a running scan on request', async () => {
    const core = createCore(ports([]), { sources: [scriptedSource(() => {})] });
    const { finished } = record(core);
    await core['scan.start']({ timeoutMs: 60_000 });
    expect(await core['scan.stop']({})).toEqual({ ok: true, value: { stopped: true } });
    expect((await finished).reason).toBe('stopped');
    expect(await core['scan.stop']({})).toEqual({ ok: true, value: { stopped: false } });
  });

  it('probes only the allowed interfaces and explains names that do not exist', async () => {
    const eth0: NetInterface = { ...lab0, name: 'eth0', address: '10.1.2.3', netmask: '255.255.255.0', cidr: '10.1.2.3/24' };
    const source = scriptedSource(() => {});
    const core = createCore(ports([], [eth0, lab0]), { sources: [source], allowedInterfaces: ['lab0', 'wlan9'] });
    const { finished } = record(core);
    await core['scan.start']({ timeoutMs: 200 });
    const { diagnostics } = await finished;
    expect(source.scannedOn).toEqual([['lab0']]);
    expect(diagnostics.skipped).toEqual([{ name: 'wlan9', reason: expect.stringContaining('does not exist') }]);
    const listed = await core['interfaces.list']({});
    expect(listed.ok && listed.value.interfaces.map((i) => i.name)).toEqual(['lab0']);
  });

  it('does not take the neighbour-table MAC for a camera behind a router', async () => {
    const source = scriptedSource((ctx) => ctx.report(seen('203.0.113.7', 'ep-remote')));
    const core = createCore(ports([{ ip: '203.0.113.7', mac: '00:11:22:33:44:55', interface: 'lab0' }]), { sources: [source] });
    const { finished } = record(core);
    await core['scan.start']({ timeoutMs: 200 });
    await finished;
    const list = await core['devices.list']({});
    expect(list.ok && list.value.devices[0]?.mac).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ARP_DEBOUNCE_MS, createEnricher } from '../../../../../electron/core/identity/enricher.js';
import { DeviceRegistry } from '../../../../../electron/core/inventory/registry.js';
import { silentLogger } from '../../../../../electron/platform/logger.js';
import type { NetInterface } from '../../../../../shared/net.js';
import { FakeNeighbours, lab0, ManualClock } from '../../../../support/fake-ports.js';
import { obs } from '../../../../support/observations.js';

const eth1: NetInterface = { name: 'eth1', address: '10.1.2.3', netmask: '255.255.255.0', cidr: '10.1.2.3/24', mac: '02:00:00:00:00:03' };

function harness(ips: string[]) {
  const clock = new ManualClock();
  const inventory = new DeviceRegistry();
  for (const [i, ip] of ips.entries()) inventory.apply(obs({ endpoint: `ep-${i}`, ip, at: clock.now() }));
  const neighbours = new FakeNeighbours();
  const updates: string[] = [];
  const confirmed: string[] = [];
  const enricher = createEnricher({
    inventory,
    neighbours,
    network: { interfaces: () => [lab0, eth1] },
    usedInterfaces: () => [lab0],
    clock,
    log: silentLogger,
    onUpdate: (id) => updates.push(id),
    confirm: async (ip) => (confirmed.push(ip), false),
  });
  return { clock, inventory, neighbours, enricher, updates, confirmed };
}

describe('enricher', () => {
  it('reads the neighbour table at most every 100 ms while replies stream in', async () => {
    const h = harness(['198.18.1.1']);
    for (let t = 0; t < 1000; t += 5) {
      h.enricher.schedule();
      await h.clock.advance(5);
    }
    await h.clock.advance(ARP_DEBOUNCE_MS);
    expect(h.neighbours.reads).toBeGreaterThanOrEqual(9);
    expect(h.neighbours.reads).toBeLessThanOrEqual(1000 / ARP_DEBOUNCE_MS + 1);
    h.enricher.close();
  });

  it('gives each device that learnt its MAC one update carrying both MAC and vendor', async () => {
    const h = harness(['198.18.1.1', '198.18.1.2', '198.18.1.3']);
    h.neighbours.entries = [
      { ip: '198.18.1.1', mac: '00:40:8c:12:34:56', interface: 'lab0' },
      { ip: '198.18.1.2', mac: '00:40:8c:12:34:57', interface: 'lab0' },
    ];
    await h.enricher.refreshNow();
    expect(h.updates).toEqual(['dev-1', 'dev-2']);
    expect(h.inventory.get('dev-1')).toMatchObject({ mac: '00:40:8c:12:34:56', macSource: 'arp', vendor: expect.stringMatching(/Axis/i) });
    // Read again: nothing new, no update.
    await h.enricher.refreshNow();
    expect(h.updates).toHaveLength(2);
    h.enricher.close();
  });

  it('confirms silent devices only on the subnets of the interfaces in use, once per 30 s', async () => {
    // 198.18.1.9 is on lab0 (in use); 10.1.2.9 is on eth1 (local, not in use); 203.0.113.9 is behind a router.
    const h = harness(['198.18.1.9', '10.1.2.9', '203.0.113.9']);
    await h.enricher.refreshNow();
    await h.clock.advance(1000);
    for (let i = 0; i < 10; i++) await h.enricher.refreshNow();
    expect(h.confirmed).toEqual(['198.18.1.9']);
    await h.clock.advance(30_000);
    await h.enricher.refreshNow();
    await h.clock.advance(10);
    expect(h.confirmed).toEqual(['198.18.1.9', '198.18.1.9']);
    h.enricher.close();
  });

  it('does not confirm a device that went offline or already has its MAC from the table', async () => {
    const h = harness(['198.18.1.1', '198.18.1.2']);
    h.inventory.apply(obs({ kind: 'bye', endpoint: 'ep-0' }));
    h.neighbours.entries = [{ ip: '198.18.1.2', mac: '00:40:8c:12:34:57', interface: 'lab0' }];
    await h.enricher.refreshNow();
    await h.clock.advance(1000);
    expect(h.confirmed).toEqual([]);
    h.enricher.close();
  });
});

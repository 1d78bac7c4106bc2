/** The inventory's part in registration: cloud state per device, lookup by MAC, and the latest Hello. */
import { describe, expect, it } from 'vitest';
import { toObservations } from '../../../../../electron/core/discovery/wsd/observation.js';
import { parseWsdMessage } from '../../../../../electron/core/discovery/wsd/parse.js';
import { DeviceRegistry } from '../../../../../electron/core/inventory/registry.js';
import { axisHello, mac, obs, T0 } from '../../../../support/observations.js';
import { fixture } from '../discovery/wsd/fixtures.js';

describe('cloud state in the inventory', () => {
  it('finds a device by its directly read MAC in any notation, never by a MAC hint', () => {
    const r = new DeviceRegistry();
    r.apply({ ...axisHello('198.18.1.7', 'ep-7'), facts: [mac('ac:cc:8e:12:ab:34')] });
    r.apply({ ...axisHello('198.18.1.8', 'ep-8'), facts: [mac('ac:cc:8e:12:ab:35', 'uuid-suffix', true)] });
    const id = r.list().find((d) => d.ip === '198.18.1.7')!.id;
    expect(r.findByMac('ACCC8E12AB34')).toBe(id);
    expect(r.findByMac('AC-CC-8E-12-AB-34')).toBe(id);
    expect(r.findByMac('ac:cc:8e:12:ab:35')).toBeNull();
    expect(r.findByMac('not a mac')).toBeNull();
  });

  it('keeps the cloud state through later observations and merges', () => {
    const r = new DeviceRegistry();
    r.apply({ ...axisHello('198.18.1.7', 'ep-7'), facts: [mac('ac:cc:8e:12:ab:34')] });
    const id = r.list()[0]!.id;
    const cloud = {
      state: 'polling' as const,
      channelId: 12,
      cameraId: 'ACCC8E12AB34',
      since: new Date(T0).toISOString(),
      message: 'Waiting.',
    };
    expect(r.setCloud(id, cloud)).toBe(true);
    expect(r.setCloud('dev-404', cloud)).toBe(false);
    r.apply(obs({ endpoint: 'ep-other', ip: '198.18.1.9', facts: [mac('ac:cc:8e:12:ab:34')], at: T0 + 5 }));
    expect(r.list()).toHaveLength(1);
    expect(r.get(id)?.cloud).toEqual(cloud);
  });

  it('remembers the latest Hello (not a probe reply) as when the camera announced itself', () => {
    const r = new DeviceRegistry();
    const hello = parseWsdMessage(fixture('camera-hello.xml'))!;
    const reply = parseWsdMessage(fixture('axis-probe-matches.xml'))!;
    const [fromHello] = toObservations(hello, { ip: '198.18.1.7', interface: 'lab0', at: T0 });
    const [fromReply] = toObservations(reply, { ip: '198.18.1.8', interface: 'lab0', at: T0 });
    expect(fromHello?.announced).toBe(true);
    expect(fromReply?.announced).toBeUndefined();
    r.apply(fromReply!);
    expect(r.views().next().value?.announcedAt).toBeNull();
    r.apply(fromHello!);
    r.apply({ ...fromHello!, at: T0 + 60_000 });
    const announced = [...r.views()].map((v) => v.announcedAt);
    expect(announced).toContain(T0 + 60_000);
  });
});

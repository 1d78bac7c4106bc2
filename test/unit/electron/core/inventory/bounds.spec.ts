/**
 * One device's JSON stays within MAX_DEVICE_JSON_BYTES whatever a forged packet carries: fat scopes, XAddrs
 * and types, long values in every fact, escapes and non-ASCII that grow in JSON, identities cycled forever.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../../../electron/core/inventory/observation.js';
import { DeviceRegistry } from '../../../../../electron/core/inventory/registry.js';
import { factNames, factSources } from '../../../../../shared/device.js';
import { MAX_DEVICE_JSON_BYTES } from '../../../../../shared/limits.js';
import { axisHello, fact, obs, T0 } from '../../../../support/observations.js';

/** Texts that cost the most per character in JSON: control characters, quotes, lone surrogates, emoji. */
const HOSTILE = ['\u0000', '"', '\\', '\ud800', '😀', 'é', '中', 'A'];
const fat = (unit: string, n = 70_000) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

function hostileHello(i: number, unit: string): Observation {
  const text = (tag: string) => `${tag}-${i}-${fat(unit, 5000)}`;
  return obs({
    at: T0 + i,
    ip: '198.18.66.6',
    endpoint: `ep-${i}-${fat(unit, 3000)}`,
    isCamera: true,
    // Not `ip`: a forged `manual` IP would outrank the packet's and split the device, weakening the test.
    facts: factNames
      .filter((name) => name !== 'ip')
      .flatMap((name) => factSources.map((source) => fact(name, text(`${name}-${source}`), source, i % 2 === 0))),
    onvif: {
      endpoint: text('ep'),
      xaddrs: Array.from({ length: 500 }, (_, k) => text(`http://198.18.66.6/${k}`)),
      scopes: Array.from({ length: 5000 }, (_, k) => text(`onvif://www.onvif.org/name/${k}`)),
      types: Array.from({ length: 500 }, (_, k) => text(`dn:T${k}`)),
      metadataVersion: Number.MAX_VALUE,
    },
  });
}

/** Length in UTF-16 units (what V8's string limit counts) and in UTF-8 bytes (what goes over the wire). */
function sizes(r: DeviceRegistry): { units: number; bytes: number }[] {
  return r.list().map((d) => {
    const json = JSON.stringify(d);
    return { units: json.length, bytes: Buffer.byteLength(json) };
  });
}

describe('per-device budget', () => {
  it.each(HOSTILE)('a device fed maximal hostile observations of %j stays within MAX_DEVICE_JSON_BYTES', (unit) => {
    const r = new DeviceRegistry();
    for (let i = 0; i < 20; i++) r.apply(hostileHello(i, unit));
    expect(r.stats().records).toBe(1);
    for (const size of sizes(r)) {
      expect(size.units).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
      expect(size.bytes).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
    }
  });

  it.each(HOSTILE)('stays within budget with a maximal cloud state of %j on top', (unit) => {
    const r = new DeviceRegistry();
    for (let i = 0; i < 20; i++) r.apply(hostileHello(i, unit));
    const id = r.list()[0]!.id;
    r.setCloud(id, {
      state: 'token-delivered',
      channelId: Number.MAX_SAFE_INTEGER,
      cameraId: fat(unit, 500),
      since: new Date(T0).toISOString(),
      message: fat(unit, 5000),
    });
    expect(r.get(id)?.cloud.state).toBe('token-delivered');
    for (const size of sizes(r)) {
      expect(size.units).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
      expect(size.bytes).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
    }
  });

  it('stays within budget when two maximal records merge', () => {
    const r = new DeviceRegistry();
    r.apply({ ...hostileHello(1, '\u0000'), ip: '198.18.66.1', endpoint: 'a' });
    r.apply({ ...hostileHello(2, '😀'), ip: '198.18.66.2', endpoint: 'b' });
    expect(r.observe(obs({ endpoint: 'a', ip: '198.18.66.2', at: T0 + 99 }))[0]).toMatchObject({ kind: 'merged' });
    expect(sizes(r)).toHaveLength(1);
    expect(sizes(r)[0]?.bytes).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
  });

  it('holds for any sequence of random facts and ONVIF lists', () => {
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    const observation = fc.record({
      facts: fc.array(fc.tuple(fc.constantFrom(...factNames), fc.constantFrom(...factSources), text, fc.boolean()), { maxLength: 30 }),
      scopes: fc.array(text, { maxLength: 60 }),
      xaddrs: fc.array(text, { maxLength: 12 }),
      types: fc.array(text, { maxLength: 12 }),
      endpoint: text,
    });
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 15 }), (list) => {
        const r = new DeviceRegistry();
        list.forEach((o, i) =>
          r.apply(
            obs({
              at: T0 + i,
              ip: '198.18.7.7',
              endpoint: o.endpoint,
              facts: o.facts.map(([name, source, value, hint]) => fact(name, value, source, hint)),
              onvif: { endpoint: o.endpoint, xaddrs: o.xaddrs, scopes: o.scopes, types: o.types, metadataVersion: i },
            }),
          ),
        );
        for (const size of sizes(r)) expect(size.bytes).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
      }),
      { numRuns: 200 },
    );
    // 200 generated histories take ~4 s alone; on a shared 2-core machine that crossed the 5-s default.
  }, 30_000);

  it('keeps a real camera whole: nothing of an ordinary Hello is trimmed', () => {
    const r = new DeviceRegistry();
    const hello = axisHello('198.18.1.10', 'urn-uuid-axis-1');
    r.apply(hello);
    r.addFacts(
      'dev-1',
      [fact('mac', '00:40:8c:12:34:56', 'arp'), fact('vendor', 'Axis Communications AB', 'oui'), fact('serial', 'ACCC8E123456', 'onvif')],
      T0,
    );
    const [device] = r.list();
    expect(device?.onvif).toEqual(hello.onvif);
    expect(device).toMatchObject({
      name: 'AXIS M1065-L',
      model: 'M1065-L',
      mac: '00:40:8c:12:34:56',
      serial: 'ACCC8E123456',
      ip: '198.18.1.10',
    });
    expect(Object.values(device?.facts ?? {}).flat()).toHaveLength(7);
  });

  it('drops descriptive facts before identity when a hostile device fills its budget', () => {
    const r = new DeviceRegistry();
    r.apply(hostileHello(0, '\u0000'));
    r.addFacts('dev-1', [fact('mac', '00:40:8c:12:34:56', 'arp')], T0 + 100);
    const device = r.get('dev-1');
    expect(device?.mac).toBe('00:40:8c:12:34:56');
    expect(device?.ip).toBe('198.18.66.6');
    expect(device && toDeviceBytes(device)).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
  });

  it('caps how many endpoints one device can claim and how long each is', () => {
    const r = new DeviceRegistry();
    for (let i = 0; i < 50; i++) r.apply(obs({ endpoint: `e${i}-${'x'.repeat(10_000)}`, ip: '198.18.1.1', at: T0 + i }));
    expect(r.stats().records).toBe(1);
    expect(r.stats().indexKeys).toBeLessThanOrEqual(8 + 1);
  });
});

const toDeviceBytes = (d: unknown) => Buffer.byteLength(JSON.stringify(d));

/**
 * The auth status and cloud-agent state an identification adds stay inside the per-device JSON budget, on top of
 * a record already full of hostile facts and a maximal cloud state: the sentence may quote a camera's reply.
 */
import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../../../../../../electron/core/inventory/registry.js';
import { factNames, factSources } from '../../../../../../shared/device.js';
import { MAX_DEVICE_JSON_BYTES } from '../../../../../../shared/limits.js';
import { fact, obs, T0 } from '../../../../../support/observations.js';

const HOSTILE = ['\u0000', '"', '\ud800', '😀', '中', 'A'];
const fat = (unit: string, n: number) => unit.repeat(n).slice(0, n);

describe('identify within the device budget', () => {
  it.each(HOSTILE)('a full record with maximal cloud, auth and cloud-agent state of %j stays within MAX_DEVICE_JSON_BYTES', (unit) => {
    const r = new DeviceRegistry();
    for (let i = 0; i < 10; i++) {
      r.apply(
        obs({
          at: T0 + i,
          ip: '198.18.66.6',
          endpoint: `ep-${i}-${fat(unit, 3000)}`,
          isCamera: true,
          facts: factNames
            .filter((name) => name !== 'ip')
            .flatMap((name) => factSources.map((source) => fact(name, `${name}-${i}-${fat(unit, 5000)}`, source, false))),
          onvif: {
            endpoint: fat(unit, 5000),
            xaddrs: Array.from({ length: 50 }, (_, k) => `http://198.18.66.6/${k}${fat(unit, 500)}`),
            scopes: Array.from({ length: 500 }, (_, k) => `onvif://www.onvif.org/name/${k}${fat(unit, 500)}`),
            types: Array.from({ length: 50 }, (_, k) => `dn:T${k}${fat(unit, 300)}`),
            metadataVersion: 1,
          },
        }),
      );
    }
    const id = r.list()[0]!.id;
    r.setCloud(id, {
      state: 'token-delivered',
      channelId: Number.MAX_SAFE_INTEGER,
      cameraId: fat(unit, 500),
      since: new Date(T0).toISOString(),
      message: fat(unit, 5000),
    });
    r.setAuth(
      id,
      { status: 'not-tried', set: fat(unit, 500), message: fat(unit, 5000), at: new Date(T0).toISOString() },
      { installed: 'running', token: 'has-token' },
    );
    const json = JSON.stringify(r.get(id));
    expect(r.get(id)?.auth?.status).toBe('not-tried');
    expect(json.length).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_DEVICE_JSON_BYTES);
  });
});

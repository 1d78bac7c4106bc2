import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceInformation, readEnvelope } from '../../../../../../electron/core/devices/onvif/parse.js';
import { PASSWORD, USER, startOnvifCamera, type OnvifFixture } from './onvif-fixture.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../../../fixtures/onvif/${name}`, import.meta.url), 'utf8');

let camera: OnvifFixture | null = null;
afterEach(async () => {
  await camera?.close();
  camera = null;
});

const soapHeaders = { 'content-type': 'application/soap+xml' };

describe('hostile ONVIF replies give typed failures, never throws or inherited values', () => {
  const cases: [string, string, string][] = [
    ['a DOCTYPE (entity expansion)', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'bad-reply'],
    ['malformed XML', '<env:Envelope><env:Body><tds:GetDeviceInformationResponse>', 'bad-reply'],
    ['a flood of elements', `<e>${'<x/>'.repeat(20_000)}</e>`, 'bad-reply'],
    ['an HTML page', '<html><body>Welcome</body></html>', 'not-supported'],
  ];
  it.each(cases)('%s', async (_name, body, kind) => {
    camera = await startOnvifCamera({
      auth: 'ws-security',
      override: (op) => (op === 'GetDeviceInformation' || !op ? { status: 200, headers: soapHeaders, body } : undefined),
    });
    const clock = await camera.client.readClock();
    if (!clock.ok) throw new Error(clock.failure.message);
    const result = await camera.client.identify({ username: USER, password: PASSWORD }, clock.value);
    expect(!result.ok && result.failure.kind).toBe(kind);
  });

  it('a reply larger than 64 KiB is refused unread', async () => {
    const huge = `<?xml version="1.0"?><e>${'A'.repeat(200 * 1024)}</e>`;
    camera = await startOnvifCamera({ auth: 'ws-security', override: () => ({ status: 200, headers: soapHeaders, body: huge }) });
    const result = await camera.client.readClock();
    expect(!result.ok && result.failure.kind).toBe('bad-reply');
    expect(!result.ok && result.failure.message).toMatch(/larger than 64 KiB/);
  });

  it('a reply with elements named __proto__ and constructor is refused as a bad reply', () => {
    const read = readEnvelope(fixture('get-device-information-prototype-names.xml'), 'cam');
    expect(!read.ok && read.failure.kind).toBe('bad-reply');
  });

  it('a tree that does carry an own __proto__ key never yields inherited or injected fields', () => {
    // JSON.parse makes "__proto__" an own key, as a more permissive XML parser could.
    const body: unknown = JSON.parse('{"GetDeviceInformationResponse":{"__proto__":{"SerialNumber":"evil"},"Model":"M"}}');
    const info = deviceInformation(body, 'cam');
    expect(info.ok && info.value).toEqual({ manufacturer: '', model: 'M', firmware: '', serial: '', hardwareId: '' });
    expect(({} as Record<string, unknown>)['SerialNumber']).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkLocation,
  DESCRIPTION_TIMEOUT_MS,
  fetchDescription,
  MAX_DESCRIPTION_BYTES,
} from '../../../../../../electron/core/discovery/ssdp/location.js';
import { FakeClock } from '../../../../../support/fake-udp.js';
import { FakeHttp } from './fixtures.js';

const CAMERA = '198.18.0.21';

describe('checkLocation: a LOCATION is fetched only from the responder itself', () => {
  it('allows http and https on the responder own address, any port and path', () => {
    expect(checkLocation('http://198.18.0.21:49152/rootdesc1.xml', CAMERA)).toEqual({
      ok: true,
      url: 'http://198.18.0.21:49152/rootdesc1.xml',
    });
    expect(checkLocation('https://198.18.0.21/desc.xml', CAMERA).ok).toBe(true);
  });

  it.each([
    ['another host on the LAN', 'http://198.18.0.99/desc.xml'],
    ['a host outside the LAN', 'http://203.0.113.7/desc.xml'],
    ['a host name', 'http://evil.example/desc.xml'],
    ['loopback', 'http://127.0.0.1:8080/admin'],
    ['loopback, other form', 'http://127.1.2.3/'],
    ['link-local (cloud metadata style)', 'http://169.254.169.254/latest/meta-data/'],
    ['a file: URL', 'file:///etc/passwd'],
    ['ftp', 'ftp://198.18.0.21/desc.xml'],
    ['credentials in the URL', 'http://admin:admin@198.18.0.21/desc.xml'],
    ['IPv6 loopback', 'http://[::1]/desc.xml'],
    ['no URL at all', 'not a url'],
    ['an overlong URL', `http://198.18.0.21/${'a'.repeat(2000)}`],
  ])('refuses %s', (_what, location) => {
    expect(checkLocation(location, CAMERA).ok).toBe(false);
  });

  it('refuses a missing LOCATION, and a responder claiming a loopback or link-local address', () => {
    expect(checkLocation(undefined, CAMERA).ok).toBe(false);
    expect(checkLocation('http://127.0.0.1/d.xml', '127.0.0.1').ok).toBe(false);
    expect(checkLocation('http://169.254.1.2/d.xml', '169.254.1.2').ok).toBe(false);
  });
});

describe('fetchDescription', () => {
  it('asks the HTTP port for ≤ 64 KiB within 2 s and hands back the body', async () => {
    const http = new FakeHttp();
    http.routes.set('http://198.18.0.21/d.xml', '<root/>');
    const result = await fetchDescription(http, 'http://198.18.0.21/d.xml', new FakeClock());
    expect(result).toEqual({ ok: true, xml: '<root/>' });
    expect(http.requests[0]).toMatchObject({ method: 'GET', timeoutMs: DESCRIPTION_TIMEOUT_MS, maxResponseBytes: MAX_DESCRIPTION_BYTES });
    expect(DESCRIPTION_TIMEOUT_MS).toBeLessThanOrEqual(2000);
    expect(MAX_DESCRIPTION_BYTES).toBe(64 * 1024);
  });

  it('gives up after 2 s on a device that never finishes answering', async () => {
    const http = new FakeHttp();
    http.routes.set('http://198.18.0.21/slow.xml', 'hang');
    const clock = new FakeClock();
    let result: unknown = null;
    void fetchDescription(http, 'http://198.18.0.21/slow.xml', clock).then((r) => (result = r));
    await clock.advance(DESCRIPTION_TIMEOUT_MS - 1);
    expect(result).toBeNull();
    await clock.advance(1);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('timeout') });
    expect(clock.pending()).toBe(0);
  });

  it('refuses an oversize body even if the adapter let it through, error statuses and network failures', async () => {
    const http = new FakeHttp();
    http.routes.set('http://198.18.0.21/big.xml', 'x'.repeat(MAX_DESCRIPTION_BYTES + 1));
    http.routes.set('http://198.18.0.21/tooBig.xml', { ok: false, kind: 'too-large', message: 'over' });
    http.routes.set('http://198.18.0.21/404.xml', { ok: true, response: { status: 404, headers: {}, body: '' } });
    const clock = new FakeClock();
    for (const path of ['big.xml', 'tooBig.xml', '404.xml', 'nothing-here.xml']) {
      expect((await fetchDescription(http, `http://198.18.0.21/${path}`, clock)).ok).toBe(false);
    }
  });
});

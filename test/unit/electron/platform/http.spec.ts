/** The node HTTP adapter against a throwaway server on 127.0.0.1 (loopback only). */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth, createNodeHttpClient, parseJson, parseZonedUrl } from '../../../../electron/platform/http.js';

let server: Server | null = null;

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const http = createNodeHttpClient();

describe('node HTTP adapter', () => {
  it('sends method, headers and body, and returns status, lower-case headers and body', async () => {
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(201, { 'X-Echo': `${req.method} ${req.headers['authorization']}` });
        res.end(body.toUpperCase());
      });
    });
    const out = await http.request({ method: 'POST', url: `${url}/x`, headers: { authorization: basicAuth('u', 'p') }, body: 'héllo' });
    expect(out).toEqual({
      ok: true,
      response: { status: 201, headers: expect.objectContaining({ 'x-echo': 'POST Basic dTpw' }), body: 'HÉLLO' },
    });
  });

  it('gives up on a server that never answers, at the deadline', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    const out = await http.request({ method: 'GET', url, timeoutMs: 150 });
    expect(out).toMatchObject({ ok: false, kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a body that trickles in slower than the deadline', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      const tick = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(tick));
    });
    expect(await http.request({ method: 'GET', url, timeoutMs: 200 })).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('stops reading a reply larger than the cap', async () => {
    const url = await serve((_req, res) => res.end('y'.repeat(100_000)));
    expect(await http.request({ method: 'GET', url, maxResponseBytes: 10_000 })).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('reports a refused connection and bad URLs as values, never throwing', async () => {
    const url = await serve(() => undefined);
    server!.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    expect(await http.request({ method: 'GET', url })).toMatchObject({ ok: false, kind: 'network' });
    expect(await http.request({ method: 'GET', url: 'not a url' })).toMatchObject({ ok: false, kind: 'bad-url' });
    expect(await http.request({ method: 'GET', url: 'file:///etc/passwd' })).toMatchObject({ ok: false, kind: 'bad-url' });
  });

  it('does not follow redirects (they could carry credentials elsewhere)', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.2:1/' });
      res.end();
    });
    expect(await http.request({ method: 'GET', url })).toMatchObject({ ok: true, response: { status: 302 } });
  });

  it('reaches an IPv6 address with a zone (RFC 6874 %25), sending the Host header without the zone', async () => {
    server = createServer((req, res) => res.end(`${req.method} ${req.url} host=${req.headers.host}`));
    await new Promise<void>((resolve) => server!.listen(0, '::1', resolve));
    const port = (server.address() as AddressInfo).port;
    const out = await http.request({ method: 'GET', url: `http://[::1%25lo]:${port}/onvif/device_service?a=1` });
    expect(out).toMatchObject({ ok: true, response: { status: 200, body: `GET /onvif/device_service?a=1 host=[::1]:${port}` } });
    // A zone that is not an interface name is a bad URL, not a request.
    expect(await http.request({ method: 'GET', url: `http://[::1%25lo@evil.example]:${port}/` })).toMatchObject({
      ok: false,
      kind: 'bad-url',
    });
  });

  it('parseZonedUrl splits the zone off, and is new URL otherwise', () => {
    expect(parseZonedUrl('http://[fe80::1%25eth0]:8080/x')).toMatchObject({ zone: 'eth0' });
    expect(parseZonedUrl('http://[fe80::1%25eth0]:8080/x')?.url.href).toBe('http://[fe80::1]:8080/x');
    expect(parseZonedUrl('http://198.18.0.2/x')).toMatchObject({ zone: null });
    expect(parseZonedUrl('not a url')).toBeNull();
    expect(parseZonedUrl('http://[fe80::1%25]/')).toBeNull();
  });

  it('parseJson never throws', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('')).toBeUndefined();
    expect(parseJson('{oops')).toBeUndefined();
  });
});

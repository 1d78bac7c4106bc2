import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../../../electron/platform/logger.js';
import { startBrowserServer, type BrowserServer } from '../../../../electron/hosts/ws-server.js';
import { fakeCore } from '../../../support/fake-handlers.js';

const staticDir = mkdtempSync(join(tmpdir(), 'cf-ws-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Camera Finder</title>');

let server: BrowserServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function connect(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

function nextFrame(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
}

describe('browser-mode server', () => {
  it('serves the renderer with a strict CSP on loopback only', async () => {
    const { core } = fakeCore();
    server = await startBrowserServer({ core, staticDir, log: silentLogger });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('Camera Finder');
  });

  it('refuses a WebSocket without the token, with a wrong token, and from a foreign origin', async () => {
    const { core } = fakeCore();
    server = await startBrowserServer({ core, staticDir, log: silentLogger });
    const base = `ws://127.0.0.1:${server.port}/ws`;
    expect((await connect(base)).status).toBe(401);
    expect((await connect(`${base}?token=wrong`)).status).toBe(401);
    expect((await connect(`${base}?token=${server.token}`, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await connect(`${base}?token=${server.token}`, { origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await connect(`${base}?token=${server.token}`, { origin: `https://127.0.0.1:${server.port}` })).status).toBe(403);
    const good = await connect(`${base}?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
    expect(good.status).toBe(101);
    good.ws?.close();
    expect(core['scan.start']).not.toHaveBeenCalled();
  });

  it('answers commands, forwards events, and refuses bad input without calling the core', async () => {
    const { core, hub } = fakeCore();
    server = await startBrowserServer({ core, staticDir, log: silentLogger });
    const { ws } = await connect(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
    if (!ws) throw new Error('no socket');

    ws.send(JSON.stringify({ id: 1, command: 'scan.start', args: { timeoutMs: 'soon' } }));
    expect(await nextFrame(ws)).toMatchObject({ id: 1, result: { ok: false, code: 'invalid-args' } });
    ws.send(JSON.stringify({ id: 2, command: 'shell.exec', args: {} }));
    expect(await nextFrame(ws)).toMatchObject({ id: 2, result: { ok: false, code: 'unknown-command' } });
    ws.send('not json at all');
    expect(await nextFrame(ws)).toMatchObject({ id: null, result: { ok: false, code: 'invalid-args' } });
    ws.send(JSON.stringify({ id: 3, command: 'scan.start', args: { timeoutMs: 1000 } }));
    expect(await nextFrame(ws)).toEqual({ id: 3, result: { ok: true, value: { scanId: 'scan-1' } } });
    expect(core['scan.start']).toHaveBeenCalledTimes(1);

    const event = nextFrame(ws);
    hub.emit('scan-progress', { scanId: 'scan-1', elapsedMs: 250, totalMs: 1000, found: 2 });
    expect(await event).toEqual({ event: 'scan-progress', payload: { scanId: 'scan-1', elapsedMs: 250, totalMs: 1000, found: 2 } });
    ws.close();
  });
});

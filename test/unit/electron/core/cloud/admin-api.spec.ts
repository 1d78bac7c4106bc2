/** Admin API client: paging, filtering, errors, and hostile replies (a stub server on 127.0.0.1). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { channelMeta, createAdminApi, MAX_CHANNEL_PAGES } from '../../../../../electron/core/cloud/admin-api.js';
import { createNodeHttpClient } from '../../../../../electron/platform/http.js';
import { InstantClock, leakedSecrets, SECRETS, startFixture, type CloudFixture } from './cloud-fixture.js';

let fx: CloudFixture | null = null;
let stub: Server | null = null;
afterEach(async () => {
  await fx?.sim.close();
  stub?.closeAllConnections();
  await new Promise<void>((resolve) => (stub ? stub.close(() => resolve()) : resolve()));
  fx = null;
  stub = null;
});

/** A server that answers every request with `reply(path)`, for replies the simulator would never send. */
async function hostile(reply: (path: string) => { status: number; body: string }): Promise<string> {
  stub = createServer((req, res) => {
    const r = reply(req.url ?? '/');
    res.writeHead(r.status, { 'content-type': 'application/json' });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => stub!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
}

const clientFor = (baseUrl: string) =>
  createAdminApi({ http: createNodeHttpClient(), clock: new InstantClock(), baseUrl, licenseKey: SECRETS.licenseKey, timeoutMs: 1000 });

describe('VXG admin API client', () => {
  it('follows meta.next through every page and returns only channels tagged as this camera, oldest first', async () => {
    fx = await startFixture({ pageSize: 2 });
    for (let i = 0; i < 5; i++) fx.sim.state.addChannel(`cam ${i}`, channelMeta('SERIAL1'));
    fx.sim.state.addChannel('other', channelMeta('SERIAL2'));
    const found = await fx.admin.findChannelsByCameraId('SERIAL1');
    expect(found.ok && found.value.map((c) => c.name)).toEqual(['cam 0', 'cam 1', 'cam 2', 'cam 3', 'cam 4']);
    expect(fx.sim.state.count('GET /api/v3/channels/')).toBe(3);
    expect(found.ok && found.value[0]?.token?.kind).toBe('all');
  });

  it('creates a channel carrying the reversed rsid pair and the MAC, and reads its all token', async () => {
    fx = await startFixture();
    const created = await fx.admin.createChannel({ name: 'Door', cameraId: 'ACCC8E12AB34', mac: 'AC:CC:8E:12:AB:34' });
    expect(created.ok && created.value.meta).toEqual({ rsid: 'ACCC8E12AB34', ACCC8E12AB34: 'rsid', mac: 'AC:CC:8E:12:AB:34' });
    expect(created.ok && created.value.token?.reveal()).toBe(fx.sim.state.channels.get(created.ok ? created.value.id : 0)?.allToken);
  });

  it('refuses a channel name over 64 characters before calling', async () => {
    fx = await startFixture();
    const created = await fx.admin.createChannel({ name: 'n'.repeat(65), cameraId: 'X1' });
    expect(created).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    expect(fx.sim.state.count('POST /api/v3/channels/')).toBe(0);
  });

  it('treats delete of a missing channel as done', async () => {
    fx = await startFixture();
    expect(await fx.admin.deleteChannel(424242)).toEqual({ ok: true, value: undefined });
  });

  it('quotes errorDetail, scrubbed of the license key, even on a 200', async () => {
    const url = await hostile(() => ({ status: 200, body: JSON.stringify({ errorDetail: `bad key ${SECRETS.licenseKey}\n\u0007 bell` }) }));
    const result = await clientFor(url).getChannel(5);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'refused' } });
    const message = result.ok ? '' : result.failure.message;
    expect(message).toMatch(/It said: "bad key \[redacted\] bell"/);
    expect(leakedSecrets([message], [SECRETS.licenseKey])).toEqual([]);
  });

  it('never follows a next link to another server (it would receive the license key)', async () => {
    const url = await hostile(() => ({ status: 200, body: JSON.stringify({ meta: { next: 'http://127.0.0.2:9/steal' }, objects: [] }) }));
    const result = await clientFor(url).findChannelsByCameraId('X1');
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'bad-response', message: expect.stringMatching(/another server .*not followed/) },
    });
  });

  it('stops a server that links pages in a circle or forever', async () => {
    let n = 0;
    const url = await hostile(() => ({
      status: 200,
      body: JSON.stringify({ meta: { next: `/api/v3/channels/?page=${n++}` }, objects: [] }),
    }));
    const result = await clientFor(url).findChannelsByCameraId('X1');
    expect(result).toMatchObject({ ok: false, failure: { message: expect.stringMatching(`stopped after ${MAX_CHANNEL_PAGES}`) } });
    const loop = await hostile(() => ({
      status: 200,
      body: JSON.stringify({ meta: { next: '/api/v3/channels/?meta=X1&include_meta=true&limit=1000' }, objects: [] }),
    }));
    expect(await clientFor(loop).findChannelsByCameraId('X1')).toMatchObject({ ok: false, failure: { kind: 'bad-response' } });
  });

  it('reads hostile channel objects without crashing: wrong types dropped, a broken token reported, not thrown', async () => {
    const url = await hostile(() => ({
      status: 200,
      body: JSON.stringify({
        meta: { next: null },
        objects: [
          { id: 'seven', meta: { rsid: 'X1' } },
          { id: 8, meta: { rsid: 'X1', X1: 'rsid' }, access_tokens: { all: 'not-base64!' } },
          null,
          { id: 9, meta: { rsid: 'X1', nested: { a: 1 } }, access_tokens: { all: 12 } },
        ],
      }),
    }));
    const result = await clientFor(url).findChannelsByCameraId('X1');
    expect(result.ok && result.value.map((c) => [c.id, c.token, c.tokenProblem !== null])).toEqual([[8, null, true]]);
  });

  it('says the address is wrong when the reply is not JSON', async () => {
    const url = await hostile(() => ({ status: 200, body: '<html>login</html>' }));
    expect(await clientFor(url).getChannel(1)).toMatchObject({
      ok: false,
      failure: { message: expect.stringMatching(/not JSON; check the API address/) },
    });
  });
});

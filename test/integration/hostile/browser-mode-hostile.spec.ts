/**
 * A hostile page or local process against browser mode (issue: survive a hostile LAN and a hostile page).
 * Every attack runs from inside the lab's technician namespace; after each one the server must still serve
 * `GET /` and answer `devices.list`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRelay, startAppInLab, type AppInLab, type RelayClient } from '../../lab/app-in-lab.js';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, type Lab } from '../../lab/lab.js';
import { watchProcess } from '../../lab/proc-watch.js';

const skip = announceSkip('Hostile page against browser mode');
type Outcome = { name: string; status: string | null; closedByServer: boolean; written?: number };

describe.skipIf(skip)('browser mode under a hostile page and hostile frames', () => {
  let lab: Lab;
  let app: AppInLab;
  let relay: RelayClient | undefined;

  const raw = async (...scenarios: string[]): Promise<Outcome[]> => {
    const run = await lab.execInTech('node_modules/.bin/tsx', ['test/lab/raw-client.ts', String(app.port), app.token, ...scenarios], {
      timeoutMs: 60_000,
    });
    expect(run.code, run.stderr).toBe(0);
    return run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Outcome);
  };
  const stillServing = async () => {
    const [root] = await raw('get-root');
    expect(root?.status, 'GET / after the attack').toMatch(/^HTTP\/1\.1 200/);
    const fresh = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws?token=${app.token}`);
    try {
      expect(await fresh.call('devices.list')).toMatchObject({ ok: true });
    } finally {
      await fresh.close();
    }
  };

  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfhp', cameras: [{ id: 'axis', profile: 'axis' }] });
    app = await startAppInLab(lab);
  });
  afterAll(async () => {
    await relay?.close();
    await app?.stop();
    await lab?.destroy();
  });

  it('refuses request lines the URL parser rejects with 400 instead of dying (no token needed to try)', async () => {
    for (const o of await raw('bad-url-upgrade', 'bad-url-upgrade-2', 'bad-url-upgrade-3', 'bad-url-get')) {
      expect(o.status, o.name).toMatch(/^HTTP\/1\.1 4\d\d/);
    }
    await stillServing();
  });

  it('refuses a foreign Host header (DNS rebinding) for pages and for the WebSocket', async () => {
    for (const o of await raw('bad-host-get', 'bad-host-upgrade')) expect(o.status, o.name).toMatch(/^HTTP\/1\.1 4\d\d/);
    await stillServing();
  });

  it('survives every WebSocket protocol error a token holder can send, closing only that socket', async () => {
    const attacks = ['ws-invalid-utf8', 'ws-reserved-opcode', 'ws-unmasked', 'ws-rsv1', 'ws-close-999', 'ws-oversize'];
    for (const o of await raw(...attacks)) {
      expect(o.status, o.name).toMatch(/^HTTP\/1\.1 101/);
      expect(o.closedByServer, `${o.name}: the server closes the offending socket`).toBe(true);
    }
    await stillServing();
  });

  it('answers every frame it can: bad JSON and missing ids get an error with id null, a missing command its id', async () => {
    relay = await connectRelay(lab, `ws://127.0.0.1:${app.port}/ws?token=${app.token}`);
    relay.send('not json');
    relay.send('{"command":"devices.list"}');
    relay.send('{"id":7}');
    relay.send('{"id":8,"command":"no.such.command","args":{}}');
    const errors = () => relay!.frames.filter((f) => f.result && f.result.ok === false);
    await relay.waitFor(() => errors().length >= 4, 10_000, 'four error answers');
    const ids = errors().map((f) => f.id ?? null);
    expect(ids.filter((id) => id === null)).toHaveLength(2);
    expect(ids).toEqual(expect.arrayContaining([7, 8]));
    for (const f of errors()) expect(f.result?.message, 'a sentence for the developer').toMatch(/\w+ \w+/);
    expect(await relay.call('devices.list')).toMatchObject({ ok: true });
  });

  it('does not buffer replies without limit for a client that never reads', async () => {
    const watch = watchProcess(app.pid);
    const before = watch.now();
    const [o] = await raw('never-read');
    const after = watch.stop();
    console.log(
      `never-reading client: wrote ${o?.written} requests; server RSS ${before.lastRssMb} → peak ${after.peakRssMb} MB, CPU ${after.cpuSeconds} s`,
    );
    expect(after.peakRssMb - before.lastRssMb, 'growth of the server while the client never reads').toBeLessThan(100);
    await stillServing();
  });
});

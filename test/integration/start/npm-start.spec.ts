/**
 * `npm start` on a box where Electron cannot run: one sentence saying why, then browser mode with its URL.
 * Run inside the lab's technician namespace so even the listener's multicast join stays in the lab.
 */
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { connectRelay } from '../../lab/app-in-lab.js';
import { createLab, type Lab } from '../../lab/lab.js';

const skip = announceSkip('npm start fallback');

describe.skipIf(skip)('npm start without an Electron runtime or display', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfst', cameras: [{ id: 'axis', profile: 'axis' }] });
  });
  afterAll(async () => lab?.destroy());

  it('says why in one sentence and serves browser mode at the printed URL', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = lab.runInTech('node', ['dist/electron/start.js', '--interface', lab.techIface, '--no-settings'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    try {
      const lines: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${lines.join(' | ')}`)), 20_000);
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      expect(lines[0]).toMatch(/^Electron cannot start because [^.]+, so Camera Finder is starting in browser mode instead\.$/);
      const u = new URL(url);
      const relay = await connectRelay(lab, `ws://127.0.0.1:${u.port}/ws?token=${u.searchParams.get('token')}`);
      expect(relay.frames[0]).toEqual({ relay: 'open' });
      expect(await relay.call('interfaces.list')).toMatchObject({ ok: true, value: { interfaces: [{ name: lab.techIface }] } });
      await relay.close();
    } finally {
      child.kill('SIGTERM');
    }
  });
});

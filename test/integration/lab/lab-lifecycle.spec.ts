import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { listNamespaces } from '../../lab/ip.js';
import { createLab, destroyLabByPrefix } from '../../lab/lab.js';
import { probeFromTech } from '../../lab/tech-probe.js';

const canRun = !announceSkip('lab lifecycle', { needsBuild: false });
const withPrefix = async (prefix: string): Promise<string[]> => (await listNamespaces()).filter((n) => n.startsWith(`${prefix}-`));

/** Runs crash-with-lab.ts; `signal` kills it once its lab is up, otherwise it throws on its own. */
function runCrashingScript(prefix: string, signal?: NodeJS.Signals): Promise<{ code: number | null; sawLab: boolean }> {
  const script = fileURLToPath(new URL('./crash-with-lab.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, prefix, signal ? 'wait' : 'throw'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let sawLab = false;
  child.stdout.on(
    'data',
    (d: Buffer) =>
      void (async () => {
        if (!d.toString().includes('lab-up')) return;
        sawLab = (await withPrefix(prefix)).length > 0;
        if (signal) child.kill(signal);
      })(),
  );
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, sawLab })));
}

describe.skipIf(!canRun)('lab lifecycle', () => {
  it('destroy removes every namespace of the lab, and a second createLab replaces leftovers', async () => {
    const first = await createLab({ prefix: 'cfd', cameras: [{ profile: 'axis' }, { profile: 'dahua' }] });
    const second = await createLab({ prefix: 'cfd', cameras: [{ profile: 'axis' }] });
    try {
      expect((await withPrefix('cfd')).sort()).toEqual(['cfd-c1', 'cfd-sw', 'cfd-tech']);
    } finally {
      await second.destroy();
      await first.destroy();
    }
    expect(await withPrefix('cfd')).toEqual([]);
  });

  it('a script that throws with a lab up still leaves no namespace behind', async () => {
    const r = await runCrashingScript('cfe');
    expect(r.sawLab).toBe(true);
    expect(r.code).toBe(1);
    expect(await withPrefix('cfe')).toEqual([]);
  });

  it('a script stopped with SIGTERM or SIGINT still leaves no namespace behind', async () => {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      const r = await runCrashingScript('cfe', sig);
      expect(r.sawLab).toBe(true);
      expect(await withPrefix('cfe')).toEqual([]);
    }
  });

  it('250 cameras come up and every one answers a probe', async () => {
    const profiles = ['axis', 'hikvision', 'dahua', 'reolink', 'soap11-oem'] as const;
    const t0 = Date.now();
    const lab = await createLab({
      prefix: 'cfs',
      camerasPerNamespace: 25,
      cameras: Array.from({ length: 250 }, (_, i) => ({ profile: profiles[i % profiles.length]! })),
    });
    const setupMs = Date.now() - t0;
    try {
      const cap = await probeFromTech(lab, 'nvt', 2500);
      expect(new Set(cap.datagrams.map((d) => d.from)).size).toBe(250);
      expect(new Set(lab.cameras.map((c) => c.mac)).size).toBe(250);
    } finally {
      const t1 = Date.now();
      await lab.destroy();
      console.log(`250-camera lab: setup ${setupMs} ms, teardown ${Date.now() - t1} ms`);
    }
    expect(await withPrefix('cfs')).toEqual([]);
    await destroyLabByPrefix('cfs');
  });
});

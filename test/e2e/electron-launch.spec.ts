/**
 * The Electron window itself. Our build machines cannot download Electron's runtime, so this test skips —
 * loudly — when it is absent; the same renderer and core are covered in Chromium through browser mode.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication } from 'playwright-core';
import { announceSkip, skipLoudly } from '../lab/can-run.js';
import { createLab, type Lab } from '../lab/lab.js';
import { commandNames } from '../../shared/names.js';

function electronRuntime(): string | null {
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const runtime = electronRuntime();
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!runtime)
  skipLoudly(
    'Electron launch',
    'the Electron runtime is not downloaded here (its download needs GitHub); the UI is tested in Chromium through browser mode instead',
  );
const skip = !runtime || announceSkip('Electron launch', { missing: display ? null : 'no display (set DISPLAY, e.g. under xvfb-run)' });

describe.skipIf(skip)('Electron window', () => {
  let lab: Lab;
  let app: ElectronApplication;

  beforeAll(async () => {
    lab = await createLab({ prefix: 'cfel', cameras: [{ id: 'axis', profile: 'axis' }] });
    const wrapper = join(mkdtempSync(join(tmpdir(), 'cf-electron-')), 'electron-in-ns.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${lab.techNs} ${runtime} "$@"\n`);
    chmodSync(wrapper, 0o755);
    app = await _electron.launch({
      executablePath: wrapper,
      args: ['dist/electron/main.mjs', '--interface', lab.techIface, '--no-sandbox'],
    });
  });
  afterAll(async () => {
    await app?.close();
    await lab?.destroy();
  });

  it('exposes only the contract to a sandboxed page and finds the lab camera', async () => {
    const page = await app.firstWindow();
    const exposed = await page.evaluate(() => Object.keys((window as unknown as { cameraFinder: object }).cameraFinder).sort());
    expect(exposed).toEqual([...commandNames, 'on'].sort());
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await expect.poll(() => page.getByTestId('mac-text').first().textContent(), { timeout: 15_000 }).toBe(lab.cameras[0]?.mac);
  });
});

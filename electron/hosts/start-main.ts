/**
 * `npm start`: launch the Electron app; where its runtime cannot be had (no network to fetch it, or no
 * display on a headless box), say so in one sentence and start browser mode instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserMode } from './browser-mode.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Path of the Electron binary, fetching it once if needed (bounded, so a closed network fails fast). */
function electronBinary(): { path: string } | { why: string } {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { why: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
    if (r.status !== 0 || !installed()) return { why: 'its runtime could not be downloaded' };
  }
  return { path: join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')) };
}

function main(): void {
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const binary = headless ? { why: 'this machine has no display' } : electronBinary();
  if ('why' in binary) {
    process.stdout.write(`Electron cannot start because ${binary.why}, so Camera Finder is starting in browser mode instead.\n`);
    runBrowserMode(process.argv.slice(2), import.meta.url).catch((error: unknown) => {
      process.stderr.write(`camera-finder: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
    return;
  }
  const child = spawn(binary.path, [join(here, 'main.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
}

main();

// Bundles electron/ with esbuild so the core runs under plain Node (CLI, browser mode) and inside Electron.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** `--if-stale`: skip when every bundle is newer than every source (keeps `npm run cli` quick). */
function newest(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((acc, e) => {
    const p = join(dir, e.name);
    return Math.max(acc, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
}
if (process.argv.includes('--if-stale') && existsSync('dist/electron/cli.js')) {
  const built = statSync('dist/electron/cli.js').mtimeMs;
  if (built > Math.max(newest('electron'), newest('shared'), statSync('package-lock.json').mtimeMs)) process.exit(0);
}

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', outdir: 'dist/electron' };

await Promise.all([
  // Plain-Node entry points: dependencies stay in node_modules.
  build({
    ...common,
    format: 'esm',
    packages: 'external',
    entryPoints: {
      cli: 'electron/hosts/cli-main.ts',
      server: 'electron/hosts/server-main.ts',
      start: 'electron/hosts/start-main.ts',
    },
    outExtension: { '.js': '.js' },
  }),
  // Electron main process (ESM) and the sandboxed preload (must be CommonJS).
  build({
    ...common,
    format: 'esm',
    entryPoints: { main: 'electron/main.ts' },
    external: ['electron'],
    outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __cfRequire } from 'node:module'; const require = __cfRequire(import.meta.url);" },
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: { preload: 'electron/preload.ts' },
    external: ['electron'],
    outExtension: { '.js': '.cjs' },
  }),
]);

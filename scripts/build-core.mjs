// Bundles electron/ with esbuild so the core runs under plain Node (CLI, browser mode) and inside Electron.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', outdir: 'dist/electron' };

await Promise.all([
  // Plain-Node entry points: dependencies stay in node_modules.
  build({
    ...common,
    format: 'esm',
    packages: 'external',
    entryPoints: {
      cli: 'electron/app/cli-main.ts',
      server: 'electron/app/server-main.ts',
      start: 'electron/app/start-main.ts',
    },
    outExtension: { '.js': '.js' },
  }),
  // Electron main process (ESM) and the sandboxed preload (must be CommonJS).
  build({ ...common, format: 'esm', entryPoints: { main: 'electron/main.ts' }, external: ['electron'], outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __cfRequire } from 'node:module'; const require = __cfRequire(import.meta.url);" } }),
  build({ ...common, format: 'cjs', entryPoints: { preload: 'electron/preload.ts' }, external: ['electron'], outExtension: { '.js': '.cjs' } }),
]);

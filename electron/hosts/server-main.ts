import { runBrowserMode } from './browser-mode.js';

runBrowserMode(process.argv.slice(2), import.meta.url).catch((error: unknown) => {
  process.stderr.write(`camera-finder: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

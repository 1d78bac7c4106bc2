import { runBrowserMode } from './browser-mode.js';
import { redactedCrashReport } from './crash-report.js';

runBrowserMode(process.argv.slice(2), import.meta.url).catch((error: unknown) => {
  process.stderr.write(`camera-finder: ${error instanceof Error ? redactedCrashReport(error.message) : redactedCrashReport(error)}\n`);
  process.exit(1);
});

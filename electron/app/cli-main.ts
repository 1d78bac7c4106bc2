import { runCli } from './cli.js';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`camera-finder: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

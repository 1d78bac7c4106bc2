import { redactText } from '../platform/logger.js';
import { runCli } from './cli.js';

/** Exit only after stdout has drained: a pipe reader must get the whole JSON document, not a prefix. */
const exitAfterFlush = (code: number) => process.stdout.write('', () => process.exit(code));

runCli(process.argv.slice(2)).then(exitAfterFlush, (error: unknown) => {
  process.stderr.write(`camera-finder: ${redactText(error instanceof Error ? error.message : String(error))}\n`);
  exitAfterFlush(1);
});

/**
 * Benchmarks: `npm run bench -- discovery --cameras 250 [--timeout 3000]` (in the lab: Linux, root; per protocol and the /24 sweep, test/bench/discovery.ts) and
 * `npm run bench -- register --cameras 250 [--latency-ms 50]` (cloud simulator on loopback, test/bench/register.ts) and
 * `npm run bench -- identify --cameras 250` (logins to lab cameras, test/bench/identify.ts) and
 * `npm run bench -- write-token --cameras 250` (forced token change through the core, loopback, test/bench/write-token.ts).
 * Prints one JSON report and writes it to bench-results/. Nothing here asserts; tests assert behaviour.
 */
import { parseArgs } from 'node:util';
import { labUnavailableReason } from '../lab/can-run.js';
import { benchDiscovery } from './discovery.js';
import { benchIdentify } from './identify.js';
import { benchRegister } from './register.js';
import { benchWriteToken } from './write-token.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cameras: { type: 'string', default: '250' },
    timeout: { type: 'string', default: '3000' },
    'latency-ms': { type: 'string', default: '50' },
  },
});
if (positionals[0] === 'register') {
  await benchRegister(Number(values.cameras), Number(values['latency-ms']));
  process.exit(0);
}
if (positionals[0] === 'write-token') {
  await benchWriteToken(Number(values.cameras));
  process.exit(0);
}
if (positionals[0] === 'identify') {
  const why = labUnavailableReason();
  if (why) {
    process.stderr.write(`Cannot run the benchmark: ${why}.\n`);
    process.exit(1);
  }
  await benchIdentify(Number(values.cameras));
  process.exit(0);
}
if (positionals[0] !== 'discovery') {
  process.stderr.write(
    'usage: npm run bench -- discovery [--cameras N] [--timeout ms] | register [--cameras N] [--latency-ms N] | identify [--cameras N] | write-token [--cameras N]\n',
  );
  process.exit(2);
}
const why = labUnavailableReason();
if (why) {
  process.stderr.write(`Cannot run the benchmark: ${why}.\n`);
  process.exit(1);
}

await benchDiscovery(Number(values.cameras), Number(values.timeout));

/**
 * Front door 3: `camera-finder scan [--json] [--timeout ms] [--interface name]…`.
 * With --json, stdout carries exactly one JSON object {devices, diagnostics}; everything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import type { ScanDiagnostics } from '../../shared/contract.js';
import { createLogger } from '../platform/logger.js';
import { createMemorySettings } from '../platform/settings.js';
import { formatTable } from './cli-table.js';
import { createCore } from '../core/core.js';
import { createNodePorts } from '../platform/node-ports.js';

const usage = `Usage:
  camera-finder scan [--json] [--timeout <ms>] [--interface <name>]... [--all]
  camera-finder interfaces [--json]

  --timeout <ms>      how long to listen for cameras (default 3000)
  --interface <name>  probe only this interface (repeatable)
  --all               also list devices that are not cameras (PCs, printers)
  --json              print one JSON object on stdout, nothing else`;

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        interface: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command || !['scan', 'interfaces'].includes(command)) {
    process.stderr.write(usage + '\n');
    return values.help ? 0 : 2;
  }
  const timeoutMs = values.timeout === undefined ? 3000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 200 || timeoutMs > 120_000) {
    process.stderr.write('--timeout must be a whole number of milliseconds between 200 and 120000.\n');
    return 2;
  }
  const log = createLogger({ level: values.verbose ? 'debug' : 'warn' });
  const core = createCore(createNodePorts(log, createMemorySettings()), { allowedInterfaces: values.interface });

  if (command === 'interfaces') {
    const result = await core['interfaces.list']({});
    const list = result.ok ? result.value.interfaces : [];
    process.stdout.write(values.json ? JSON.stringify({ interfaces: list }) + '\n' : list.map((i) => `${i.name}\t${i.cidr}\t${i.mac ?? ''}`).join('\n') + '\n');
    return 0;
  }

  await core.start();
  const finished = new Promise<ScanDiagnostics>((resolve) => core.on('scan-finished', (e) => resolve(e.diagnostics)));
  if (!values.json && process.stderr.isTTY) {
    core.on('scan-progress', (p) => process.stderr.write(`\rScanning… ${Math.round(p.elapsedMs / 100) / 10}s  ${p.found} cameras`));
  }
  const started = await core['scan.start']({ timeoutMs });
  if (!started.ok) {
    process.stderr.write(started.message + '\n');
    await core.close();
    return 1;
  }
  const diagnostics = await finished;
  const listed = await core['devices.list']({});
  await core.close();
  const devices = (listed.ok ? listed.value.devices : []).filter((d) => values.all || values.json || d.isCamera);
  if (values.json) {
    process.stdout.write(JSON.stringify({ devices, diagnostics }) + '\n');
  } else {
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(devices.length ? formatTable(devices) + '\n' : 'No cameras answered.\n');
    process.stderr.write(`Probed ${diagnostics.interfaces.map((i) => `${i.name} (${i.address})`).join(', ') || 'no interface'}; ${devices.length} found.\n`);
    for (const s of diagnostics.skipped) process.stderr.write(`Skipped ${s.name}: ${s.reason}\n`);
  }
  return 0;
}

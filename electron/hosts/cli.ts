/**
 * Front door 3: `camera-finder scan [--json] [--timeout ms] [--interface name]…`.
 * Every command goes through the contract's `dispatch`, like IPC and the WebSocket. With --json, stdout
 * carries exactly one JSON object {devices, diagnostics}; everything else goes to stderr. Exit codes: EXIT.
 */
import type { EventPayload, ScanDiagnostics } from '../../shared/contract.js';
import { dispatch } from '../../shared/dispatch.js';
import type { Core } from '../core/core.js';
import { createCore } from '../core/core.js';
import { createLogger } from '../platform/logger.js';
import { openDataFolder } from '../platform/data-folder.js';
import { createNodePorts } from '../platform/node-ports.js';
import type { Logger } from '../platform/ports.js';
import { EXIT, parseCliArgs, usage } from './cli-args.js';
import { writeScanJson } from './cli-json.js';
import { readPasswordFromStdin, runRegister } from './cli-register.js';
import { formatTable } from './cli-table.js';

type Finished = EventPayload<'scan-finished'>;

export interface CliDeps {
  /**
   * The core for this run, limited to `allowedInterfaces`; tests pass a fake one. With `noSettings` nothing is
   * read from or written to the data folder or the keychain (the environment still applies).
   */
  createCore(allowedInterfaces: string[] | undefined, log: Logger, options?: { noSettings?: boolean }): Core;
  /** The core for `register`: cloud settings from the data folder plus CAMERA_FINDER_* overrides, audit via `cli`. */
  createCloudCore?(log: Logger): Core;
  readStdin?(): Promise<string | null>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const nodeCliDeps = (): CliDeps => ({
  createCore: (allowedInterfaces, log, options) => {
    // The same settings file, keychain service and audit.jsonl as browser mode, so the CLI uses what the UI saved.
    const data = openDataFolder({ memoryOnly: options?.noSettings ?? false });
    return createCore(createNodePorts(log, data.settings, data.secrets, data.audit), { allowedInterfaces });
  },
  createCloudCore: (log) => {
    const data = openDataFolder({ memoryOnly: false });
    return createCore(createNodePorts(log, data.settings, data.secrets, data.audit), { env: process.env, via: 'cli' });
  },
  readStdin: () => readPasswordFromStdin(),
  stdout: process.stdout,
  stderr: process.stderr,
});

/** Why nothing was probed, as one sentence a technician can act on; null when at least one interface was. */
function couldNotScan(d: ScanDiagnostics, reason: Finished['reason']): string | null {
  if (reason === 'failed') return `Could not scan: ${d.errors[0] ?? 'the scan failed'}.`;
  if (d.interfaces.length) return null;
  const why = d.skipped.length
    ? d.skipped.map((s) => s.reason).join(' ')
    : 'this machine has no usable IPv4 interface (is the cable in, or Wi-Fi on?).';
  return `Could not scan: no interface was probed. ${why}`;
}

export async function runCli(argv: string[], deps: CliDeps = nodeCliDeps()): Promise<number> {
  const { stdout, stderr } = deps;
  const cmd = parseCliArgs(argv);
  if (cmd.kind === 'help') {
    stderr.write(usage + '\n');
    return EXIT.ok;
  }
  if (cmd.kind === 'usage-error') {
    stderr.write(`${cmd.message}\n${usage}\n`);
    return EXIT.usage;
  }
  const log = createLogger({ level: cmd.verbose ? 'debug' : 'warn' });
  if (cmd.kind === 'register') {
    if (!deps.createCloudCore) {
      stderr.write('register is not available in this build.\n');
      return EXIT.failed;
    }
    const cloudCore = deps.createCloudCore(log);
    try {
      return await runRegister(cmd, cloudCore, { stdout, stderr, readStdin: deps.readStdin ?? (() => readPasswordFromStdin()) });
    } finally {
      await cloudCore.close();
    }
  }
  const core = deps.createCore(cmd.interfaces, log, { noSettings: cmd.noSettings });

  if (cmd.kind === 'interfaces') {
    const result = await dispatch(core, 'interfaces.list', {});
    if (!result.ok) {
      stderr.write(result.message + '\n');
      return EXIT.failed;
    }
    const list = result.value.interfaces;
    stdout.write(
      cmd.json ? JSON.stringify({ interfaces: list }) + '\n' : list.map((i) => `${i.name}\t${i.cidr}\t${i.mac ?? ''}`).join('\n') + '\n',
    );
    return EXIT.ok;
  }

  await core.start();
  const finished = new Map<string, Finished>();
  const waiting = new Map<string, (e: Finished) => void>();
  core.on('scan-finished', (e) => {
    finished.set(e.scanId, e);
    waiting.get(e.scanId)?.(e);
  });
  if (!cmd.json && stderr.isTTY) {
    core.on('scan-progress', (p) => stderr.write(`\rScanning… ${Math.round(p.elapsedMs / 100) / 10}s  ${p.found} cameras`));
  }
  const started = await dispatch(core, 'scan.start', cmd.scan);
  if (!started.ok) {
    stderr.write(started.message + '\n');
    await core.close();
    return EXIT.failed;
  }
  const { scanId } = started.value;
  const { diagnostics, reason } = finished.get(scanId) ?? (await new Promise<Finished>((resolve) => waiting.set(scanId, resolve)));
  const listed = await dispatch(core, 'devices.list', {});
  await core.close();
  const devices = (listed.ok ? listed.value.devices : []).filter((d) => cmd.all || cmd.json || d.isCamera);
  const notScanned = couldNotScan(diagnostics, reason);

  if (cmd.json) {
    writeScanJson(stdout, devices, listed.ok ? diagnostics : { ...diagnostics, errors: [...diagnostics.errors, listed.message] });
  } else {
    if (stderr.isTTY) stderr.write('\n');
    if (!notScanned) {
      stdout.write(devices.length ? formatTable(devices) + '\n' : 'No cameras answered.\n');
      stderr.write(`Probed ${diagnostics.interfaces.map((i) => `${i.name} (${i.address})`).join(', ')}; ${devices.length} found.\n`);
      for (const s of diagnostics.skipped) stderr.write(`Skipped ${s.name}: ${s.reason}\n`);
    }
  }
  if (notScanned) {
    stderr.write(notScanned + '\n');
    return EXIT.couldNotScan;
  }
  if (!listed.ok) {
    stderr.write(`The scan ran but its devices could not be read: ${listed.message}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

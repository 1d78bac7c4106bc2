/**
 * Front door 3: `camera-finder scan [--json] [--timeout ms] [--interface name]…`, `identify`, `register`, `onboard`.
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
import { writeIdentifyJson, writeScanJson } from './cli-json.js';
import { formatResults, identifyDevices, prepareCredentials } from './cli-identify.js';
import type { CredentialFs } from './cli-credentials.js';
import { createMemorySecretStore } from '../platform/secrets.js';
import { readPasswordFromStdin, runRegister } from './cli-register.js';
import { runOnboard } from './cli-onboard.js';
import { formatTable } from './cli-table.js';
import { runWriteToken } from './cli-write-token.js';

type Finished = EventPayload<'scan-finished'>;

export interface CliDeps {
  /**
   * The core for this run, limited to `allowedInterfaces`; tests pass a fake one. With `noSettings` nothing is
   * read from or written to the data folder or the keychain (the environment still applies).
   */
  createCore(allowedInterfaces: string[] | undefined, log: Logger, options?: { noSettings?: boolean }): Core;
  /** The core for `register`: cloud settings from the data folder plus CAMERA_FINDER_* overrides, audit via `cli`. */
  createCloudCore?(log: Logger): Core;
  /** The core for `onboard`: like `register`'s, limited to `interfaces`, with the job's ledger. */
  createOnboardCore?(log: Logger, options: { interfaces: string[] | undefined; ledgerPath: string | undefined; noSettings: boolean }): Core;
  readStdin?(): Promise<string | null>;
  /** The file system the --credentials file is read from (tests pass a fake to check the permission rule). */
  credentialFs?: CredentialFs;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

const CLI_CREDENTIALS_NOTE = 'The command line keeps camera passwords in memory only, for this run.';

export const nodeCliDeps = (): CliDeps => ({
  createCore: (allowedInterfaces, log, options) => {
    // The same settings file, keychain service and audit.jsonl as browser mode, so the CLI uses what the UI saved.
    const data = openDataFolder({ memoryOnly: options?.noSettings ?? false });
    return createCore(createNodePorts(log, data.settings, data.secrets, data.audit), {
      allowedInterfaces,
      // Camera passwords (--credentials, CAMERA_FINDER_CAMERA_*) live in this process only (issue #8 §3).
      credentialStore: createMemorySecretStore(CLI_CREDENTIALS_NOTE),
      env: process.env,
      via: 'cli',
    });
  },
  createCloudCore: (log) => {
    const data = openDataFolder({ memoryOnly: false });
    return createCore(createNodePorts(log, data.settings, data.secrets, data.audit), { env: process.env, via: 'cli' });
  },
  createOnboardCore: (log, options) => {
    const data = openDataFolder({ memoryOnly: options.noSettings });
    return createCore(createNodePorts(log, data.settings, data.secrets, data.audit), {
      allowedInterfaces: options.interfaces,
      credentialStore: createMemorySecretStore(CLI_CREDENTIALS_NOTE),
      env: process.env,
      via: 'cli',
      onboarding: { ledgerPath: options.ledgerPath ?? null, dataDir: data.dir },
    });
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
  if (cmd.kind === 'onboard') {
    if (!deps.createOnboardCore) {
      stderr.write('onboard is not available in this build.\n');
      return EXIT.failed;
    }
    const onboardCore = deps.createOnboardCore(log, { interfaces: cmd.interfaces, ledgerPath: cmd.ledger, noSettings: cmd.noSettings });
    try {
      return await runOnboard(cmd, onboardCore, { stdout, stderr, ...(deps.credentialFs ? { credentialFs: deps.credentialFs } : {}) });
    } finally {
      await onboardCore.close();
    }
  }
  const core = deps.createCore(cmd.interfaces, log, { noSettings: cmd.noSettings });
  if (cmd.kind === 'write-token') {
    try {
      const readStdin = deps.readStdin ?? (() => readPasswordFromStdin());
      return await runWriteToken(cmd, core, { stdout, stderr, readStdin, credentialFs: deps.credentialFs });
    } finally {
      await core.close();
    }
  }

  if (cmd.kind === 'interfaces') {
    const result = await dispatch(core, 'interfaces.list', {});
    if (!result.ok) {
      stderr.write(result.message + '\n');
      return EXIT.failed;
    }
    const list = result.value.interfaces;
    stdout.write(
      cmd.json
        ? JSON.stringify({ interfaces: list }) + '\n'
        : list.map((i) => `${i.name}\t${i.cidr}\t${i.mac ?? ''}${i.virtual ? '\tvirtual or VPN adapter' : ''}`).join('\n') + '\n',
    );
    return EXIT.ok;
  }

  if (cmd.kind === 'identify') {
    try {
      return await runIdentify(cmd, core, deps);
    } finally {
      await core.close();
    }
  }
  if (cmd.identify) {
    // Before the scan: a refused credentials file should not cost the technician a scan.
    const prepared = await prepareCredentials(core, cmd.credentials, deps.credentialFs);
    if (!prepared.ok) {
      stderr.write(prepared.message + '\n');
      await core.close();
      return EXIT.usage;
    }
  }

  // A one-shot scan hears only the protocols it asked for (its device list is read after the scan ends).
  await core.start(cmd.scan.protocols);
  const finished = new Map<string, Finished>();
  const waiting = new Map<string, (e: Finished) => void>();
  core.on('scan-finished', (e) => {
    finished.set(e.scanId, e);
    waiting.get(e.scanId)?.(e);
  });
  if (!cmd.json && stderr.isTTY) {
    core.on('scan-progress', (p) => {
      const sweep = p.sweep ? `  sweep ${p.sweep.done}/${p.sweep.total}` : '';
      stderr.write(`\rScanning… ${Math.round(p.elapsedMs / 100) / 10}s  ${p.found} cameras${sweep}`);
    });
  }
  const started = await dispatch(core, 'scan.start', cmd.scan);
  if (!started.ok) {
    stderr.write(started.message + '\n');
    await core.close();
    return EXIT.failed;
  }
  const { scanId } = started.value;
  const { diagnostics, reason } = finished.get(scanId) ?? (await new Promise<Finished>((resolve) => waiting.set(scanId, resolve)));
  let identified: Awaited<ReturnType<typeof identifyDevices>> | null = null;
  if (cmd.identify && reason !== 'failed') {
    if (!cmd.json && stderr.isTTY) stderr.write('\rIdentifying cameras…');
    identified = await identifyDevices(core, undefined);
    if (!identified.ok) diagnostics.errors.push(identified.message);
  }
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
      if (diagnostics.sweep) {
        const w = diagnostics.sweep;
        stderr.write(`Swept ${w.cidrs.join(', ')}: ${w.probed} of ${w.addresses} addresses asked, ${w.answered} answered.\n`);
      }
      for (const hint of diagnostics.hints ?? []) stderr.write(`Hint: ${hint}\n`);
      if (identified?.ok && identified.results.length) {
        const ipOf = new Map(devices.map((d) => [d.id, d.ip]));
        stdout.write(formatResults(identified.results, (id) => ipOf.get(id) ?? null) + '\n');
      }
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
  if (identified && !identified.ok) {
    stderr.write(identified.message + '\n');
    return EXIT.failed;
  }
  return EXIT.ok;
}

type IdentifyCommand = Extract<ReturnType<typeof parseCliArgs>, { kind: 'identify' }>;

/** `identify --ip …`: no multicast, no listening; the named IPs become inventory entries and are asked directly. */
async function runIdentify(cmd: IdentifyCommand, core: Core, deps: CliDeps): Promise<number> {
  const { stdout, stderr } = deps;
  const prepared = await prepareCredentials(core, cmd.credentials, deps.credentialFs);
  if (!prepared.ok) {
    stderr.write(prepared.message + '\n');
    return EXIT.usage;
  }
  if (!core.addCameraAddresses) {
    stderr.write('identify is not available in this build.\n');
    return EXIT.failed;
  }
  const ids = core.addCameraAddresses(cmd.ips);
  const errors = ids.length < cmd.ips.length ? [`${cmd.ips.length - ids.length} addresses were not added: the device list is full.`] : [];
  const identified = await identifyDevices(core, ids);
  const listed = await dispatch(core, 'devices.list', {});
  const wanted = new Set(ids);
  const devices = listed.ok ? listed.value.devices.filter((d) => wanted.has(d.id)) : [];
  const results = identified.ok ? identified.results : [];
  if (!identified.ok) errors.push(identified.message);
  if (!listed.ok) errors.push(`The devices could not be read: ${listed.message}`);
  if (cmd.json) writeIdentifyJson(stdout, devices, results, errors);
  else {
    if (devices.length) stdout.write(formatTable(devices) + '\n');
    const ipOf = new Map(devices.map((d) => [d.id, d.ip]));
    if (results.length) stdout.write(formatResults(results, (id) => ipOf.get(id) ?? null) + '\n');
  }
  for (const e of errors) stderr.write(e + '\n');
  return errors.length ? EXIT.failed : EXIT.ok;
}

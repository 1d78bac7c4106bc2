/**
 * `node dist/electron/server.js [--port N] [--host 127.0.0.1] [--interface name]… [--allow-remote]`
 * Starts the core behind the browser-mode server and prints the URL (with its token) to open.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createLogger } from '../platform/logger.js';
import { createCore } from '../core/core.js';
import { openDataFolder } from '../platform/data-folder.js';
import { createNodePorts } from '../platform/node-ports.js';
import { createMemorySecretStore } from '../platform/secrets.js';
import { exitOnCrashRedacted } from './crash-report.js';
import { rendererDir } from './paths.js';
import { startBrowserServer } from './ws-server.js';

const BROWSER_CREDENTIALS_NOTE =
  'In browser mode camera passwords are kept in memory only and are gone when Camera Finder stops; set CAMERA_FINDER_CAMERA_USER and CAMERA_FINDER_CAMERA_PASSWORD to keep one set.';

export async function runBrowserMode(argv: string[], moduleUrl: string): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      interface: { type: 'string', multiple: true },
      'allow-remote': { type: 'boolean', default: false },
      'no-settings': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(values.host);
  if (!loopback && !values['allow-remote']) {
    throw new Error(`Refusing to listen on ${values.host}: browser mode binds to loopback unless --allow-remote is given.`);
  }
  // Made here, not in the server, so a crash report from any point on can leave it out.
  const token = randomBytes(24).toString('base64url');
  exitOnCrashRedacted(() => [token]);
  const log = createLogger({ level: values.verbose ? 'debug' : 'info' });
  // Settings, keychain and audit.jsonl in the data folder (CAMERA_FINDER_DATA_DIR or the per-user one).
  const data = openDataFolder({ memoryOnly: values['no-settings'] });
  if (data.secrets.warning) log.warn(data.secrets.warning);
  const core = createCore(createNodePorts(log, data.settings, data.secrets, data.audit), {
    allowedInterfaces: values.interface,
    // CAMERA_FINDER_* cloud overrides (issue #7): read here, in the host, never in the core.
    env: process.env,
    via: 'ui',
    // Camera passwords stay in this process in browser mode (issue #8 §3): a headless box or tablet session
    // must not leave them in a keychain; CAMERA_FINDER_CAMERA_USER/_PASSWORD give a set that survives restarts.
    credentialStore: createMemorySecretStore(BROWSER_CREDENTIALS_NOTE),
    // The onboarding ledger (issue #11) sits in the data folder, so a job resumes after a restart.
    onboarding: { dataDir: data.dir },
  });
  await core.start();
  const server = await startBrowserServer({
    core,
    staticDir: rendererDir(moduleUrl),
    log,
    host: values.host,
    port: Number(values.port),
    token,
  });
  process.stdout.write(`Camera Finder is running in browser mode. Open ${server.url}\n`);
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
